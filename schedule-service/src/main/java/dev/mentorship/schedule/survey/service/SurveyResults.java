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
 * {@code suppressed}; a count below it is shown as null ({@code hidden}), and more are hidden until the hidden ones do
 * not add up to a small group either ({@link #cells}, {@link #multipleCells}), so that no small group follows from the
 * others by subtraction; a rating's mean only where it pins no hidden count ({@link #meanHidesCounts}). Free texts come
 * shuffled (every survey). Kept as JSON when the survey closes (frozen), and computed again without an erased person's
 * answers.
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
        Double rate = responseRate(responded, invited);
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
                        question.type() == QuestionType.MULTIPLE ? multipleCells(question.options(), counts, answered, anonymous)
                                : cells(question.options(), counts, anonymous), null);
            }
            case TEXT -> {
                // shuffled for every survey: answer order would tell who wrote what to whoever knows who answered when
                List<String> texts = new ArrayList<>(given.stream().map(Object::toString).toList());
                Collections.shuffle(texts, RANDOM);
                yield new QuestionResult(question.key(), question.text(), question.type(), false, answered, null, null, null,
                        texts);
            }
        };
    }

    /**
     * The counts of a question whose answers fall in exactly one cell each (RATING values, SINGLE options), as shown:
     * all of them, or (anonymous) with every count under five hidden, and then, while the hidden counts add up to
     * between one and four (what {@code answered} minus the visible counts would give away), the smallest visible count
     * hidden too (the first of equal ones), until they add up to none or five or more, or nothing is left visible.
     */
    public static List<Cell> cells(List<String> labels, List<Integer> counts, boolean anonymous) {
        return shown(labels, counts, anonymous ? hidden(counts) : new boolean[counts.size()]);
    }

    /**
     * The counts of a MULTIPLE question (each answer may choose several options, so the options do not add up to
     * {@code answered}): all of them, or (anonymous) with an option hidden where fewer than five chose it, or where
     * between one and four of those who answered did not (which {@code answered} minus its count would give away).
     */
    public static List<Cell> multipleCells(List<String> labels, List<Integer> counts, int answered, boolean anonymous) {
        boolean[] hide = new boolean[counts.size()];
        if (anonymous) {
            for (int i = 0; i < counts.size(); i++) {
                int notChosen = answered - counts.get(i);
                hide[i] = counts.get(i) < MIN_GROUP || (notChosen > 0 && notChosen < MIN_GROUP);
            }
        }
        return shown(labels, counts, hide);
    }

    /** Which of a partition's counts an anonymous survey hides (see {@link #cells}). */
    static boolean[] hidden(List<Integer> counts) {
        boolean[] hide = new boolean[counts.size()];
        int hiddenSum = 0;
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i) < MIN_GROUP) {
                hide[i] = true;
                hiddenSum += counts.get(i);
            }
        }
        while (hiddenSum > 0 && hiddenSum < MIN_GROUP) {
            int smallest = -1;
            for (int i = 0; i < counts.size(); i++) {
                if (!hide[i] && (smallest < 0 || counts.get(i) < counts.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break;
            }
            hide[smallest] = true;
            hiddenSum += counts.get(smallest);
        }
        return hide;
    }

    private static List<Cell> shown(List<String> labels, List<Integer> counts, boolean[] hide) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            cells.add(new Cell(labels.get(i), hide[i] ? null : counts.get(i), hide[i]));
        }
        return cells;
    }

    /** How many candidate distributions {@link #meanHidesCounts} tries before it gives up and keeps the mean hidden. */
    private static final int MEAN_BUDGET = 2_000_000;

    /**
     * Whether a rating's mean keeps its hidden counts hidden. Whoever reads the results knows the visible counts and the
     * total, so the hidden counts' sum; the mean adds their weighted sum (values 1 to 5); and they know the rule
     * ({@link #cells}). A candidate distribution (the visible counts as shown, hidden counts with that sum and weighted
     * sum) is consistent only if the rule, run on it, hides exactly the cells that are hidden. The mean is published
     * only if every hidden count could still be at least two numbers among the consistent candidates (and, should that
     * take more than {@link #MEAN_BUDGET} steps to tell, not at all).
     */
    public static boolean meanHidesCounts(List<Integer> counts, List<Cell> cells) {
        List<Integer> hidden = new ArrayList<>();
        boolean[] hide = new boolean[cells.size()];
        int sum = 0;
        int weighted = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).hidden()) {
                hidden.add(i);
                hide[i] = true;
                sum += counts.get(i);
                weighted += (i + 1) * counts.get(i);
            }
        }
        if (hidden.isEmpty()) {
            return true;
        }
        List<java.util.Set<Integer>> possible = new ArrayList<>();
        hidden.forEach(h -> possible.add(new java.util.HashSet<>()));
        int[] candidate = new int[counts.size()];
        for (int i = 0; i < counts.size(); i++) {
            candidate[i] = hide[i] ? 0 : counts.get(i);
        }
        Search search = new Search(hidden, hide, candidate, possible);
        search.solve(0, sum, weighted);
        return !search.exhausted && possible.stream().allMatch(p -> p.size() >= 2);
    }

    /** The enumeration of {@link #meanHidesCounts}: hidden counts in order, each 0 up to what the sums leave. */
    private static final class Search {
        private final List<Integer> hidden;
        private final boolean[] hide;
        private final int[] candidate;
        private final List<java.util.Set<Integer>> possible;
        private int steps;
        private boolean exhausted;

        Search(List<Integer> hidden, boolean[] hide, int[] candidate, List<java.util.Set<Integer>> possible) {
            this.hidden = hidden;
            this.hide = hide;
            this.candidate = candidate;
            this.possible = possible;
        }

        /** False once the answer is known (every hidden count has two values) or the budget is spent. */
        boolean solve(int at, int left, int weightedLeft) {
            if (++steps > MEAN_BUDGET) {
                exhausted = true;
                return false;
            }
            if (at == hidden.size()) {
                if (left != 0 || weightedLeft != 0) {
                    return true;
                }
                List<Integer> vector = new ArrayList<>();
                for (int c : candidate) {
                    vector.add(c);
                }
                if (!java.util.Arrays.equals(hidden(vector), hide)) {
                    return true;
                }
                for (int i = 0; i < hidden.size(); i++) {
                    possible.get(i).add(candidate[hidden.get(i)]);
                }
                return !possible.stream().allMatch(p -> p.size() >= 2);
            }
            int value = hidden.get(at) + 1;
            // what is left must fit the values still to come: between the smallest and the largest of them, each time
            int lowest = hidden.get(at) + 1;
            int highest = hidden.get(hidden.size() - 1) + 1;
            if (weightedLeft < lowest * left || weightedLeft > highest * left) {
                return true;
            }
            for (int c = 0; c <= left && c * value <= weightedLeft; c++) {
                candidate[hidden.get(at)] = c;
                if (!solve(at + 1, left - c, weightedLeft - c * value)) {
                    candidate[hidden.get(at)] = 0;
                    return false;
                }
            }
            candidate[hidden.get(at)] = 0;
            return true;
        }
    }

    /**
     * The share of those who could answer who did (0 to 1, three decimals; null when nobody could): capped at 1, since
     * {@code responded} counts everyone who answered and {@code invited} only those with an active registration (someone
     * who withdrew after answering counts in the first, not the second). The program report uses it too.
     */
    public static Double responseRate(int responded, int invited) {
        return invited == 0 ? null : Math.min(1.0, round((double) responded / invited, 3));
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
