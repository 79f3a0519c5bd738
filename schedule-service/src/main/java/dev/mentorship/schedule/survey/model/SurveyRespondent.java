package dev.mentorship.schedule.survey.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** That a person answered a survey, and when: never what (reminders skip them; response rates count them). */
@Entity
@Table(name = "survey_respondent")
public class SurveyRespondent extends PanacheEntityBase {

    @Embeddable
    public record Id(@Column(name = "survey_id") UUID surveyId,
                     @Column(name = "participant_id") UUID participantId) implements Serializable {
    }

    @EmbeddedId
    public Id id;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;
}
