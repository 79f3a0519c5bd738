package dev.mentorship.schedule.survey.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * What someone answered to an anonymous survey: a random id, the answers, and (while the survey is open) the SHA-256 of
 * the receipt its answerer holds to change it. No person, no time: who answered is {@link SurveyRespondent}'s.
 */
@Entity
@Table(name = "survey_response")
public class SurveyResponse extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "survey_id", nullable = false)
    public UUID surveyId;

    @Column(nullable = false)
    public String answers;

    @Column(name = "receipt_hash")
    public String receiptHash;
}
