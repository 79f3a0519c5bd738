package dev.mentorship.schedule.report.service;

import dev.mentorship.runtime.report.Figure;
import dev.mentorship.schedule.survey.service.SurveyFigure;
import dev.mentorship.schedule.survey.service.SurveyFigures;
import dev.mentorship.schedule.survey.service.SurveyResults;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The program report's survey figures, per track, each with the dimension {@code survey} (the survey's key):
 * {@code survey_invited}, {@code survey_responded}, {@code survey_response_rate} (0..1, three decimals, capped at 1 as in the results
 * ({@link SurveyResults#responseRate}); 0 where nobody could answer) and
 * {@code survey_rating_mean} by {@code question} (the rating questions that may be shown: {@link SurveyFigures} applies
 * the anonymity rule, so a group under five of an anonymous survey gives no figure).
 */
@ApplicationScoped
public class SurveyReport {

    static final String SURVEY = "survey";
    static final String QUESTION = "question";

    private final SurveyFigures surveys;

    public SurveyReport(SurveyFigures surveys) {
        this.surveys = surveys;
    }

    /** Per track, its survey figures (a track without a survey: none). */
    public Uni<Map<UUID, List<Figure>>> figures(UUID programId) {
        return surveys.of(programId).map(list -> {
            Map<UUID, List<Figure>> byTrack = new HashMap<>();
            for (SurveyFigure s : list) {
                List<Figure> figures = byTrack.computeIfAbsent(s.trackId(), k -> new ArrayList<>());
                figures.add(Figure.of("survey_invited", s.invited()).by(SURVEY, s.surveyKey()));
                figures.add(Figure.of("survey_responded", s.responded()).by(SURVEY, s.surveyKey()));
                // as the results show it (capped at 1: someone who withdrew after answering is no longer invited)
                Double rate = SurveyResults.responseRate(s.responded(), s.invited());
                figures.add(Figure.of("survey_response_rate", rate == null ? 0.0 : rate).by(SURVEY, s.surveyKey()));
                if (s.ratingMeans() != null) {
                    s.ratingMeans().forEach((question, mean) -> {
                        if (mean != null) {
                            figures.add(Figure.of("survey_rating_mean", mean).by(SURVEY, s.surveyKey()).by(QUESTION, question));
                        }
                    });
                }
            }
            return byTrack;
        });
    }
}
