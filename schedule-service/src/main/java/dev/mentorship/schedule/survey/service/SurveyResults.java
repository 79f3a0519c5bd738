package dev.mentorship.schedule.survey.service;

import dev.mentorship.schedule.survey.model.Question;
import dev.mentorship.schedule.survey.model.QuestionType;
import dev.mentorship.schedule.survey.model.Survey;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A survey's results as organizers read them: who could answer and did, and per question the counts. For an anonymous
 * survey every aggregate hides groups smaller than {@link #MIN_GROUP}: a question fewer answered shows nothing but
 * {@code suppressed}; a count below it is shown as null ({@code hidden}), and where that would leave a single hidden
 * count in a question, the next smallest is hidden too, so that no hidden count follows from the others by subtraction;
 * free texts come shuffled. Kept as JSON when the survey closes (frozen).
 */
public record SurveyResults(UUID surveyId, UUID trackId, String surveyKey, String title, boolean anonymous, String status,
                            boolean frozen, Instant asOf, int invited, int responded, Double responseRate,
                            List<QuestionResult> questions) {

    /** The smallest group an anonymous survey's results show anything of. */
    public static final int MIN_GROUP = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One question's results. {@code answered}: how many answered it (null when suppressed); RATING: {@code values} (1
     * to 5) and {@code mean}; SINGLE and MULTIPLE: {@code options}; TEXT: {@code texts}.
     */
    public record QuestionResult(String key, String text, QuestionType type, boolean suppressed, Integer answered,
                                 List<Cell> values, Double mean, List<Cell> options, List<String> texts) {
    }

    /** A count: {@code count} null and {@code hidden} true when fewer than five (anonymous surveys). */
    public record Cell(String value, Integer count, boolean hidden) {
    }

    /** Computes the results from the answers (each a map from question key to its stored value). */
    public static SurveyResults compute(Survey survey, boolean frozen, Instant asOf, int invited,
                                        List<Map<String, Object>> answers) {
        int responded = answers.size();
        Double rate = invited == 0 ? null : Math.min(1.0, round((double) responded / invited, 3));
        List<QuestionResult> questions = new ArrayList<>();
        for (Question question : survey.questions) {
            questions.add(question(question, survey.anonymous, answers));
        }
        return new SurveyResults(survey.id, survey.trackId, survey.key, survey.title, survey.anonymous, survey.status.name(),
                frozen, asOf, invited, responded, rate, questions);
    }

    private static QuestionResult question(Question question, boolean anonymous, List<Map<String, Object>> answers) {
        List<Object> given = answers.stream().map(a -> a.get(question.key())).filter(v -> v != null).toList();
        int answered = given.size();
        if (anonymous && answered < MIN_GROUP) {
            return new QuestionResult(question.key(), question.text(), question.type(), true, null, null, null, null, null);
        }
        return switch (question.type()) {
            case RATING -> {
                List<long[]> counts = new ArrayList<>();
                long sum = 0;
                for (int value = 1; value <= 5; value++) {
                    int v = value;
                    counts.add(new long[] {v, given.stream().filter(x -> ((Number) x).intValue() == v).count()});
                }
                for (Object x : given) {
                    sum += ((Number) x).intValue();
                }
                List<String> labels = List.of("1", "2", "3", "4", "5");
                List<Cell> values = cells(labels, counts.stream().map(c -> (int) c[1]).toList(), anonymous);
                Double mean = answered == 0 || !meanHidesCounts(counts.stream().map(c -> (int) c[1]).toList(), values)
                        ? null : round((double) sum / answered, 2);
                yield new QuestionResult(question.key(), question.text(), question.type(), false, answered,
                        values, mean, null, null);
            }
            case SINGLE, MULTIPLE -> {
                List<Integer> counts = new ArrayList<>();
                for (String option : question.options()) {
                    counts.add((int) given.stream().filter(x -> x instanceof List<?> list ? list.contains(option)
                            : option.equals(x)).count());
                }
                yield new QuestionResult(question.key(), question.text(), question.type(), false, answered, null, null,
                        cells(question.options(), counts, anonymous), null);
            }
            case TEXT -> {
                List<String> texts = new ArrayList<>(given.stream().map(Object::toString).toList());
                if (anonymous) {
                    Collections.shuffle(texts, RANDOM);
                }
                yield new QuestionResult(question.key(), question.text(), question.type(), false, answered, null, null, null,
                        texts);
            }
        };
    }

    /**
     * The counts as shown: all of them, or (anonymous) those of five or more, with a second count hidden where only one
     * would be (the smallest of the others), so that the total does not give the hidden one away.
     */
    public static List<Cell> cells(List<String> labels, List<Integer> counts, boolean anonymous) {
        boolean[] hide = new boolean[counts.size()];
        if (anonymous) {
            int hidden = 0;
            for (int i = 0; i < counts.size(); i++) {
                if (counts.get(i) < MIN_GROUP) {
                    hide[i] = true;
                    hidden++;
                }
            }
            if (hidden == 1 && counts.size() > 1) {
                int smallest = -1;
                for (int i = 0; i < counts.size(); i++) {
                    if (!hide[i] && (smallest < 0 || counts.get(i) < counts.get(smallest))) {
                        smallest = i;
                    }
                }
                hide[smallest] = true;
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            cells.add(new Cell(labels.get(i), hide[i] ? null : counts.get(i), hide[i]));
        }
        return cells;
    }

    /**
     * Whether a rating's mean keeps its hidden counts hidden. Whoever reads the results knows the total and the visible
     * counts, so the hidden counts' sum; the mean adds their weighted sum (values 1 to 5). Published only if, with both
     * and the suppression rule (a count hidden for being small is under five; of a pair hidden together one may be
     * larger), every hidden count could still be at least two numbers: two hidden counts alone would be two equations in
     * two unknowns, and whole numbers often pin down three.
     */
    public static boolean meanHidesCounts(List<Integer> counts, List<Cell> cells) {
        List<Integer> hidden = new ArrayList<>();
        int sum = 0;
        int weighted = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).hidden()) {
                hidden.add(i);
                sum += counts.get(i);
                weighted += (i + 1) * counts.get(i);
            }
        }
        if (hidden.isEmpty()) {
            return true;
        }
        List<java.util.Set<Integer>> possible = new ArrayList<>();
        hidden.forEach(h -> possible.add(new java.util.HashSet<>()));
        solve(hidden, 0, new int[hidden.size()], sum, weighted, hidden.size() == 2, possible);
        return possible.stream().allMatch(p -> p.size() >= 2);
    }

    private static void solve(List<Integer> hidden, int at, int[] chosen, int left, int weightedLeft, boolean onePairLarge,
                              List<java.util.Set<Integer>> possible) {
        if (at == hidden.size()) {
            if (left != 0 || weightedLeft != 0) {
                return;
            }
            int large = 0;
            for (int c : chosen) {
                large += c >= MIN_GROUP ? 1 : 0;
            }
            if (large > (onePairLarge ? 1 : 0)) {
                return;
            }
            for (int i = 0; i < chosen.length; i++) {
                possible.get(i).add(chosen[i]);
            }
            return;
        }
        int value = hidden.get(at) + 1;
        for (int c = 0; c <= left && c * value <= weightedLeft; c++) {
            chosen[at] = c;
            solve(hidden, at + 1, chosen, left - c, weightedLeft - c * value, onePairLarge, possible);
        }
    }

    /** The mean of each RATING question that shows one (a suppressed one has none), by question key. */
    public Map<String, Double> ratingMeans() {
        Map<String, Double> means = new java.util.LinkedHashMap<>();
        questions.stream().filter(q -> q.type() == QuestionType.RATING && !q.suppressed() && q.mean() != null)
                .forEach(q -> means.put(q.key(), q.mean()));
        return means;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
