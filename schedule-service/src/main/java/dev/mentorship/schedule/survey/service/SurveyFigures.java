package dev.mentorship.schedule.survey.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mentorship.runtime.persistence.JsonText;
import dev.mentorship.schedule.survey.model.Survey;
import dev.mentorship.schedule.survey.model.SurveyRespondent;
import dev.mentorship.schedule.survey.model.SurveyResult;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A program's survey figures for its report (called inside a Panache session; every query filters by program or
 * survey): per track and survey key, how many could answer ({@code invited}: active registrations in the audience's
 * roles, at close or now while open), how many did, and the mean of each rating question, under the same rule as the
 * results: a closed survey's frozen figures; an open non-anonymous one's live; an anonymous one's means only once it
 * closed and only for questions five or more answered (an open anonymous survey gives counts only).
 */
@ApplicationScoped
public class SurveyFigures {

    private final Clock clock;

    public SurveyFigures(Clock clock) {
        this.clock = clock;
    }

    public Uni<List<SurveyFigure>> of(UUID programId) {
        return Survey.<Survey>list("programId", Sort.by("trackId").and("position"), programId).chain(surveys -> {
            Uni<List<SurveyFigure>> chain = Uni.createFrom().item(new ArrayList<>());
            for (Survey survey : surveys) {
                chain = chain.chain(figures -> figure(survey).map(figure -> {
                    figures.add(figure);
                    return figures;
                }));
            }
            return chain;
        });
    }

    private Uni<SurveyFigure> figure(Survey survey) {
        if (survey.status == Survey.Status.CLOSED) {
            return SurveyResult.<SurveyResult>findById(survey.id).map(frozen -> {
                SurveyResults results = JsonText.read(frozen.results, "{}", new TypeReference<SurveyResults>() { });
                return new SurveyFigure(survey.trackId, survey.key, results.invited(), results.responded(), results.ratingMeans());
            });
        }
        if (survey.anonymous) {
            return SurveyLifecycle.invited(survey).chain(invited -> SurveyRespondent.count("id.surveyId", survey.id)
                    .map(responded -> new SurveyFigure(survey.trackId, survey.key, invited, responded.intValue(), Map.of())));
        }
        return SurveyLifecycle.invited(survey).chain(invited -> SurveyLifecycle.answers(survey).map(answers -> {
            SurveyResults results = SurveyResults.compute(survey, false, clock.instant(), invited, answers);
            return new SurveyFigure(survey.trackId, survey.key, invited, results.responded(), results.ratingMeans());
        }));
    }
}
