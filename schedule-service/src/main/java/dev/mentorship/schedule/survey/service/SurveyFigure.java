package dev.mentorship.schedule.survey.service;

import java.util.Map;
import java.util.UUID;

/**
 * One survey's figures for the program report ({@link SurveyFigures}): who could answer, who did, and the mean of each
 * rating question that may be shown (by question key, in the survey's order; none for a group under five of an
 * anonymous survey, nor while an anonymous survey is open).
 */
public record SurveyFigure(UUID trackId, String surveyKey, int invited, int responded, Map<String, Double> ratingMeans) {
}
