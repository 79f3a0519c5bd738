package dev.mentorship.matching.solver;

import com.google.ortools.Loader;

import java.time.Duration;

/**
 * The optimal assignment of mentees to mentors, as a min-cost flow solved by Google OR-Tools (source → mentee,
 * capacity 1; mentee → mentor, capacity 1, cost −score; mentor → sink, capacity = the mentor's capacity; a bypass
 * source → sink for mentees left without a mentor).
 *
 * <p>Objective: where {@code matchAsManyAsPossible}, first as many mentees matched as possible, then the highest
 * total score (each pair costs −(B + score) with B larger than any total of scores); else the highest total score.
 *
 * <p>Large tracks: the flow ({@link Flow}) is first solved on each mentee's best {@code candidatesPerMentee} mentors
 * ({@link Candidates}), then proved optimal for all pairs by pricing ({@link Pricing}): shortest-path potentials of
 * the residual network (Bellman–Ford) give every pair left out a reduced cost; any pair with a negative one joins the
 * network and the flow is solved again. When no pair is left with a negative reduced cost, the flow is optimal over
 * every pair (LP duality), so the result is exactly the optimum of the full problem while the solver only ever sees a
 * small share of the arcs.
 *
 * <p>A load aimed for per mentor ("3–4 mentees per mentor") is not a flow objective: then {@link LoadAimSolver} solves,
 * with OR-Tools' CP-SAT, first as many matched, then as few mentors below the aim and as little below it, then the
 * total score. It is an aim, never a wall: no mentee is left unmatched for it.
 */
public final class MatchingSolver {

    /** Scores are fixed-point with this many units per 1.0, so that the solver works on integers. */
    static final long SCALE = 10_000;
    /** Up to this many pairs, CP-SAT gets all of them. */
    static final long CP_SAT_ALL_PAIRS = 200_000;

    static {
        Loader.loadNativeLibraries();
    }

    /** How to solve. */
    public record Options(boolean matchAsManyAsPossible, int minimumLoad, int candidatesPerMentee, Duration cpSatTimeLimit) {
        public static final Options DEFAULT = new Options(true, 0, 48, Duration.ofSeconds(20));

        public Options withMinimumLoad(int load) {
            return new Options(matchAsManyAsPossible, load, candidatesPerMentee, cpSatTimeLimit);
        }

        public Options withCandidatesPerMentee(int candidates) {
            return new Options(matchAsManyAsPossible, minimumLoad, candidates, cpSatTimeLimit);
        }

        public Options withMatchAsManyAsPossible(boolean asMany) {
            return new Options(asMany, minimumLoad, candidatesPerMentee, cpSatTimeLimit);
        }
    }

    private MatchingSolver() {
    }

    public static Solution solve(PairScores scores, Options options) {
        long started = System.nanoTime();
        int n = scores.mentees();
        int m = scores.mentors();
        long bonus = options.matchAsManyAsPossible() ? SCALE * Math.max(1, n) + 1 : 0;
        Candidates candidates = Candidates.best(scores, options.candidatesPerMentee());
        int rounds = 0;
        while (true) {
            rounds++;
            Flow flow = Flow.solve(scores, candidates, bonus);
            int added = Pricing.price(flow, scores, candidates, bonus);
            if (added == 0) {
                if (options.minimumLoad() > 1) {
                    // CP-SAT sees every compatible pair where the track is small enough (career tracks are), and
                    // starts from the flow's optimum
                    boolean small = (long) n * m <= CP_SAT_ALL_PAIRS;
                    return LoadAimSolver.solve(scores, options, small ? Candidates.best(scores, m) : candidates,
                            flow.mentorOf, started);
                }
                return result(scores, candidates, flow.mentorOf, started, flow.arcCount, rounds, "min-cost flow (OR-Tools)");
            }
        }
    }

    /** The cost of a pair's arc: the higher the score, the lower; {@code bonus} makes each match worth more than any total of scores. */
    static long cost(double score, long bonus) {
        return -(bonus + Math.round(score * SCALE));
    }

    /** The assignment with its report: total and lowest score, each mentor's load, why each mentee left is left. */
    static Solution result(PairScores scores, Candidates candidates, int[] mentorOf, long started, long arcs,
                           int rounds, String method) {
        int n = scores.mentees();
        int[] load = new int[scores.mentors()];
        double total = 0;
        double lowest = Double.NaN;
        int matched = 0;
        Solution.Unmatched[] why = new Solution.Unmatched[n];
        for (int i = 0; i < n; i++) {
            int j = mentorOf[i];
            if (j >= 0) {
                double s = scores.score(i, j);
                load[j]++;
                total += s;
                lowest = Double.isNaN(lowest) ? s : Math.min(lowest, s);
                matched++;
                why[i] = Solution.Unmatched.NONE;
            } else {
                why[i] = candidates.compatible[i] == 0 ? Solution.Unmatched.NO_COMPATIBLE_MENTOR : Solution.Unmatched.NO_CAPACITY;
            }
        }
        return new Solution(mentorOf, matched, total, lowest, load, why, Duration.ofNanos(System.nanoTime() - started),
                arcs, rounds, method);
    }
}
