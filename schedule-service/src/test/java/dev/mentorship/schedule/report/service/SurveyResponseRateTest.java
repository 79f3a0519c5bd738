package dev.mentorship.schedule.report.service;

import dev.mentorship.runtime.report.Figure;
import dev.mentorship.schedule.program.Role;
import dev.mentorship.schedule.survey.model.Question;
import dev.mentorship.schedule.survey.model.QuestionType;
import dev.mentorship.schedule.survey.model.Survey;
import dev.mentorship.schedule.survey.service.SurveyFigure;
import dev.mentorship.schedule.survey.service.SurveyFigures;
import dev.mentorship.schedule.survey.service.SurveyResults;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's survey_response_rate and the results' responseRate agree, and neither exceeds 1: {@code responded}
 * counts everyone who answered, {@code invited} only those still registered (someone who withdrew after answering is
 * in the first, not the second).
 */
class SurveyResponseRateTest {

    private static final UUID TRACK = UUID.randomUUID();

    private static SurveyReport reportOf(SurveyFigure... figures) {
        return new SurveyReport(new SurveyFigures(Clock.systemUTC()) {
            @Override
            public Uni<List<SurveyFigure>> of(UUID programId) {
                return Uni.createFrom().item(List.of(figures));
            }
        });
    }

    private static double rate(SurveyReport report, String survey) {
        List<Figure> figures = report.figures(UUID.randomUUID()).await().indefinitely().get(TRACK);
        return figures.stream().filter(f -> f.metric().equals("survey_response_rate") && survey.equals(f.dimensions().get("survey")))
                .findFirst().orElseThrow().value().doubleValue();
    }

    @Test
    void twoAnsweredOneStillRegisteredIsAllOfThemNotTwice() {
        Survey survey = new Survey();
        survey.id = UUID.randomUUID();
        survey.trackId = TRACK;
        survey.key = "form";
        survey.title = "Form";
        survey.audience = new TreeSet<>(Set.of(Role.MENTEE));
        survey.status = Survey.Status.CLOSED;
        survey.questions = List.of(new Question("overall", "Overall", QuestionType.RATING, null, true));
        // two answered, then one of them withdrew: one person could still answer
        SurveyResults results = SurveyResults.compute(survey, true, Instant.now(), 1,
                List.of(Map.of("overall", 4), Map.of("overall", 5)));
        assertThat(results.responded()).isEqualTo(2);
        assertThat(results.responseRate()).isEqualTo(1.0);

        SurveyReport report = reportOf(new SurveyFigure(TRACK, "form", 1, 2, Map.of()),
                new SurveyFigure(TRACK, "thirds", 3, 1, Map.of()), new SurveyFigure(TRACK, "nobody", 0, 0, Map.of()));
        assertThat(rate(report, "form")).isEqualTo(results.responseRate());
        // the same three decimals as the results
        assertThat(rate(report, "thirds")).isEqualTo(SurveyResults.responseRate(1, 3)).isEqualTo(0.333);
        // nobody could answer: 0 in the report (a figure per survey, so editions line up), none in the results
        assertThat(rate(report, "nobody")).isEqualTo(0.0);
        assertThat(SurveyResults.responseRate(0, 0)).isNull();
    }
}
