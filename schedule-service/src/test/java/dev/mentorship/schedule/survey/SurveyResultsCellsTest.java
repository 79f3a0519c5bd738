package dev.mentorship.schedule.survey;

import dev.mentorship.schedule.program.Role;
import dev.mentorship.schedule.survey.model.Question;
import dev.mentorship.schedule.survey.model.QuestionType;
import dev.mentorship.schedule.survey.model.Survey;
import dev.mentorship.schedule.survey.service.SurveyResults;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anonymity rule of an anonymous survey's results, on its own: a question fewer than five answered shows nothing;
 * a count under five is hidden, and a single hidden count takes a second one with it so that it cannot be subtracted
 * from the total; texts only from five answers on.
 */
class SurveyResultsCellsTest {

    private static Survey survey(boolean anonymous) {
        Survey survey = new Survey();
        survey.id = UUID.randomUUID();
        survey.trackId = UUID.randomUUID();
        survey.key = "s";
        survey.title = "S";
        survey.anonymous = anonymous;
        survey.audience = new TreeSet<>(Set.of(Role.MENTEE));
        survey.status = Survey.Status.CLOSED;
        survey.questions = List.of(new Question("rating", "R", QuestionType.RATING, null, true),
                new Question("choice", "C", QuestionType.SINGLE, List.of("a", "b", "c"), false),
                new Question("text", "T", QuestionType.TEXT, null, false));
        return survey;
    }

    @Test
    void aSingleSmallCountIsHiddenWithTheNextSmallest() {
        List<Map<String, Object>> answers = new ArrayList<>();
        // rating: 6 × 4, 7 × 5, 2 × 3 (15 answers); choice: 8 × a, 6 × b, 1 × c; text: 3 answers
        for (int i = 0; i < 15; i++) {
            int rating = i < 6 ? 4 : i < 13 ? 5 : 3;
            String choice = i < 8 ? "a" : i < 14 ? "b" : "c";
            answers.add(i < 3 ? Map.of("rating", rating, "choice", choice, "text", "t" + i) : Map.of("rating", rating, "choice", choice));
        }
        SurveyResults results = SurveyResults.compute(survey(true), true, Instant.now(), 20, answers);
        SurveyResults.QuestionResult rating = results.questions().get(0);
        assertThat(rating.suppressed()).isFalse();
        assertThat(rating.answered()).isEqualTo(15);
        // 1 and 2 (none) and 3 (two) are under five: three hidden already, 4 and 5 shown
        assertThat(rating.values()).extracting(SurveyResults.Cell::count).containsExactly(null, null, null, 6, 7);
        SurveyResults.QuestionResult choice = results.questions().get(1);
        // c (one) alone would follow from 15 - 8 - 6: b, the next smallest, is hidden too
        assertThat(choice.options()).extracting(SurveyResults.Cell::count).containsExactly(8, null, null);
        assertThat(choice.options()).extracting(SurveyResults.Cell::hidden).containsExactly(false, true, true);
        // three texts: suppressed
        assertThat(results.questions().get(2).suppressed()).isTrue();
        assertThat(results.questions().get(2).texts()).isNull();
        // the mean would give the hidden counts away: 1, 2 and 3 hold 2 answers summing to 6, only 0, 0, 2 fits
        assertThat(rating.mean()).isNull();
        assertThat(results.ratingMeans()).isEmpty();
    }

    @Test
    void aRatingsMeanIsShownOnlyWhereItGivesNoHiddenCountAway() {
        // 1, 2, 3 hidden (0, 3, 0): 3 answers summing to 6 fit 0-3-0 and 1-1-1, so no hidden count follows from the mean
        List<Integer> loose = List.of(0, 3, 0, 6, 7);
        List<SurveyResults.Cell> looseCells = SurveyResults.cells(List.of("1", "2", "3", "4", "5"), loose, true);
        assertThat(SurveyResults.meanHidesCounts(loose, looseCells)).isTrue();
        // 4 (one) hidden with 5 (six), the next smallest: 7 answers summing to 34 fit only 1 and 6
        List<Integer> pair = List.of(9, 8, 7, 1, 6);
        List<SurveyResults.Cell> pairCells = SurveyResults.cells(List.of("1", "2", "3", "4", "5"), pair, true);
        assertThat(pairCells).extracting(SurveyResults.Cell::hidden).containsExactly(false, false, false, true, true);
        assertThat(SurveyResults.meanHidesCounts(pair, pairCells)).isFalse();
        // nothing hidden: the mean is shown
        List<Integer> all = List.of(5, 5, 6, 7, 8);
        assertThat(SurveyResults.meanHidesCounts(all, SurveyResults.cells(List.of("1", "2", "3", "4", "5"), all, true))).isTrue();
    }

    @Test
    void aQuestionFewerThanFiveAnsweredShowsNothingButNamedSurveysShowAll() {
        List<Map<String, Object>> answers = List.of(Map.of("rating", 1), Map.of("rating", 2), Map.of("rating", 2));
        SurveyResults anonymous = SurveyResults.compute(survey(true), true, Instant.now(), 10, answers);
        assertThat(anonymous.questions()).allSatisfy(q -> {
            assertThat(q.suppressed()).isTrue();
            assertThat(q.answered()).isNull();
            assertThat(q.mean()).isNull();
            assertThat(q.values()).isNull();
        });
        assertThat(anonymous.ratingMeans()).isEmpty();
        assertThat(anonymous.responded()).isEqualTo(3);
        assertThat(anonymous.responseRate()).isEqualTo(0.3);
        SurveyResults named = SurveyResults.compute(survey(false), true, Instant.now(), 10, answers);
        assertThat(named.questions().get(0).values()).extracting(SurveyResults.Cell::count).containsExactly(1, 2, 0, 0, 0);
        assertThat(named.questions().get(0).mean()).isEqualTo(1.67);
    }
}
