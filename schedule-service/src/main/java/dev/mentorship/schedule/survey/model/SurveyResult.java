package dev.mentorship.schedule.survey.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A survey's results as frozen when it closed (JSON of {@code SurveyResults}): what organizers read from then on. */
@Entity
@Table(name = "survey_result")
public class SurveyResult extends PanacheEntityBase {

    @Id
    @Column(name = "survey_id")
    public UUID surveyId;

    @Column(nullable = false)
    public String results;

    @Column(name = "frozen_at", nullable = false)
    public Instant frozenAt;
}
