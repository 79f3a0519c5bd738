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
    /**
     * Above that, CP-SAT gets each mentee's best mentors, as many as keep its model near this many pair literals (at
     * most {@code candidatesPerMentee}, at least {@link #CP_SAT_MIN_PER_MENTEE}), and the flow's pair: on a career track
     * of 20,000 x 6,000 every compatible pair would be tens of millions of literals, beyond a 6 GB heap.
     */
    static final long CP_SAT_LITERALS = 160_000;
    static final int CP_SAT_MIN_PER_MENTEE = 8;

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
        return solve(scores, options, CP_SAT_ALL_PAIRS, CP_SAT_LITERALS);
    }

    /**
     * {@code cpSatAllPairs}: up to this many pairs CP-SAT sees every one; above, about {@code cpSatLiterals} of them
     * (tests force the large tracks' path on small ones with a low threshold).
     */
    static Solution solve(PairScores scores, Options options, long cpSatAllPairs, long cpSatLiterals) {
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
                    // CP-SAT sees every compatible pair where the track is small enough, else each mentee's best
                    // mentors and the flow's pair; it starts from the flow's optimum, whose matched count is exact
                    // over all pairs either way
                    boolean small = (long) n * m <= cpSatAllPairs;
                    int perMentee = (int) Math.min(options.candidatesPerMentee(),
                            Math.max(CP_SAT_MIN_PER_MENTEE, cpSatLiterals / Math.max(1, n)));
                    Candidates forCpSat = small ? Candidates.best(scores, m)
                            : candidates.narrowed(scores, options.candidatesPerMentee(), perMentee, flow.mentorOf);
                    return LoadAimSolver.solve(scores, options, forCpSat, small ? -1 : perMentee, flow.mentorOf,
                            flow.arcCount, rounds, started);
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
