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
 * a count under five is hidden, and while the hidden counts add up to one to four (the total minus the visible ones),
 * the smallest visible count is hidden too; a MULTIPLE option is hidden where fewer than five chose it or one to four
 * did not; a rating's mean only where no hidden count follows from it; texts only from five answers on.
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
        // 1 and 2 (none) and 3 (two) are under five: hidden, but together two, which 15 - 6 - 7 would tell; so 4 (six),
        // the smallest shown, is hidden too
        assertThat(rating.values()).extracting(SurveyResults.Cell::count).containsExactly(null, null, null, null, 7);
        SurveyResults.QuestionResult choice = results.questions().get(1);
        // c (one) alone would follow from 15 - 8 - 6: b, the next smallest, is hidden too
        assertThat(choice.options()).extracting(SurveyResults.Cell::count).containsExactly(8, null, null);
        assertThat(choice.options()).extracting(SurveyResults.Cell::hidden).containsExactly(false, true, true);
        // three texts: suppressed
        assertThat(results.questions().get(2).suppressed()).isTrue();
        assertThat(results.questions().get(2).texts()).isNull();
        // the mean would give a hidden count away: 1 to 4 hold 8 answers summing to 30, and of the distributions that
        // fit (and that the rule would hide as shown: 0-0-2-6 and 0-1-0-7) all have nobody at 1
        assertThat(rating.mean()).isNull();
        assertThat(results.ratingMeans()).isEmpty();
    }

    @Test
    void hiddenCountsThatAddUpToASmallGroupTakeTheSmallestShownWithThem() {
        // SINGLE Yes 11, Maybe 1, No 0: hiding Maybe and No alone would still show 12 - 11 = 1 person who did not say Yes
        List<SurveyResults.Cell> single = SurveyResults.cells(List.of("Yes", "Maybe", "No"), List.of(11, 1, 0), true);
        assertThat(single).extracting(SurveyResults.Cell::hidden).containsExactly(true, true, true);
        assertThat(single).extracting(SurveyResults.Cell::count).containsOnlyNulls();
        // hidden ones that add up to five or more, or to none, need nothing more hidden
        assertThat(SurveyResults.cells(List.of("a", "b", "c", "d"), List.of(9, 3, 2, 7), true))
                .extracting(SurveyResults.Cell::count).containsExactly(9, null, null, 7);
        assertThat(SurveyResults.cells(List.of("a", "b", "c"), List.of(9, 0, 7), true))
                .extracting(SurveyResults.Cell::count).containsExactly(9, null, 7);
        // 1 + 1 hidden is two: 6, the smallest shown, goes too (8 hidden); 8 stays
        assertThat(SurveyResults.cells(List.of("a", "b", "c", "d"), List.of(1, 8, 1, 6), true))
                .extracting(SurveyResults.Cell::count).containsExactly(null, 8, null, null);
        // a survey that is not anonymous shows everything
        assertThat(SurveyResults.cells(List.of("Yes", "Maybe", "No"), List.of(11, 1, 0), false))
                .extracting(SurveyResults.Cell::count).containsExactly(11, 1, 0);
        // and through compute: a SINGLE question of twelve answers
        Survey survey = survey(true);
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(Map.of("rating", 4, "choice", i < 11 ? "a" : "b"));
        }
        SurveyResults results = SurveyResults.compute(survey, true, Instant.now(), 12, answers);
        assertThat(results.questions().get(1).options()).extracting(SurveyResults.Cell::count).containsOnlyNulls();
    }

    @Test
    void aMultipleOptionChosenByAllButAFewIsHiddenToo() {
        // six answered; "a" chosen by five: one did not choose it, which 6 - 5 would tell; "b" by six (all), "c" by none,
        // "d" by one
        List<SurveyResults.Cell> options = SurveyResults.multipleCells(List.of("a", "b", "c", "d"), List.of(5, 6, 0, 1), 6, true);
        assertThat(options).extracting(SurveyResults.Cell::hidden).containsExactly(true, false, true, true);
        assertThat(options).extracting(SurveyResults.Cell::count).containsExactly(null, 6, null, null);
        // ten answered: five chose "a" and five did not, both groups of five
        assertThat(SurveyResults.multipleCells(List.of("a", "b"), List.of(5, 7), 10, true))
                .extracting(SurveyResults.Cell::count).containsExactly(5, null);
        // through compute: six answers to a MULTIPLE question
        Survey survey = survey(true);
        survey.questions = List.of(new Question("many", "M", QuestionType.MULTIPLE, List.of("a", "b", "c"), false));
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(Map.of("many", i < 5 ? List.of("a", "b") : List.of("b")));
        }
        SurveyResults results = SurveyResults.compute(survey, true, Instant.now(), 6, answers);
        assertThat(results.questions().get(0).options()).extracting(SurveyResults.Cell::count).containsExactly(null, 6, null);
        // not anonymous: every count
        Survey named = survey(false);
        named.questions = survey.questions;
        assertThat(SurveyResults.compute(named, true, Instant.now(), 6, answers).questions().get(0).options())
                .extracting(SurveyResults.Cell::count).containsExactly(5, 6, 0);
    }

    @Test
    void aRatingsMeanIsShownOnlyWhereItGivesNoHiddenCountAway() {
        List<String> labels = List.of("1", "2", "3", "4", "5");
        // 1, 2, 3 hidden (0, 3, 0: three, so 4 (six) is hidden too): 9 answers summing to 30 over 1 to 4 fit many
        // distributions the rule would hide as shown (0-3-0-6, 1-1-1-6, 0-2-2-5, ...), each hidden count at least two
        // ways: the mean is shown
        List<Integer> loose = List.of(0, 3, 0, 6, 7);
        List<SurveyResults.Cell> looseCells = SurveyResults.cells(labels, loose, true);
        assertThat(looseCells).extracting(SurveyResults.Cell::hidden).containsExactly(true, true, true, true, false);
        assertThat(SurveyResults.meanHidesCounts(loose, looseCells)).isTrue();
        // 4 (one) hidden with 5 (six), the smallest shown: 7 answers summing to 34 fit only 1 and 6
        List<Integer> pair = List.of(9, 8, 7, 1, 6);
        List<SurveyResults.Cell> pairCells = SurveyResults.cells(labels, pair, true);
        assertThat(pairCells).extracting(SurveyResults.Cell::hidden).containsExactly(false, false, false, true, true);
        assertThat(SurveyResults.meanHidesCounts(pair, pairCells)).isFalse();
        // 1, 2, 3 hidden (2, 1, 2: five, nothing more hidden): 5 answers summing to 10 fit 2-1-2 and 1-3-1 (0-5-0 would
        // show 2): the mean is shown
        List<Integer> five = List.of(2, 1, 2, 10, 10);
        List<SurveyResults.Cell> fiveCells = SurveyResults.cells(labels, five, true);
        assertThat(fiveCells).extracting(SurveyResults.Cell::hidden).containsExactly(true, true, true, false, false);
        assertThat(SurveyResults.meanHidesCounts(five, fiveCells)).isTrue();
        // 0, 2, 2 hidden with 4 (ten): 14 answers summing to 50; every distribution the rule would hide as shown puts
        // ten at 4 (fewer leave five or more in 1 to 3, and 4 would be shown; more make 5 the smallest, hidden instead):
        // the mean would give that count away
        List<Integer> pinned = List.of(0, 2, 2, 10, 10);
        List<SurveyResults.Cell> pinnedCells = SurveyResults.cells(labels, pinned, true);
        assertThat(pinnedCells).extracting(SurveyResults.Cell::hidden).containsExactly(true, true, true, true, false);
        assertThat(SurveyResults.meanHidesCounts(pinned, pinnedCells)).isFalse();
        // nothing hidden: the mean is shown
        List<Integer> all = List.of(5, 5, 6, 7, 8);
        assertThat(SurveyResults.meanHidesCounts(all, SurveyResults.cells(labels, all, true))).isTrue();
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
