package dev.mentorship.schedule.survey.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A person's answers to a survey that is not anonymous (erased with them). {@code answers}: JSON by question key. */
@Entity
@Table(name = "survey_answer")
public class SurveyAnswer extends PanacheEntityBase {

    @Embeddable
    public record Id(@Column(name = "survey_id") UUID surveyId,
                     @Column(name = "participant_id") UUID participantId) implements Serializable {
    }

    @EmbeddedId
    public Id id;

    @Column(nullable = false)
    public String answers;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
