package dev.mentorship.matching.solver;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The solver's objective against an independent exact method: brute force over every assignment of small random
 * instances (capacities, exclusions, ties), with and without the pricing rounds, and with a load aimed for.
 */
class MatchingSolverOptimalityTest {

    /** A random small track: scores on a coarse grid (so ties happen), some pairs excluded. */
    record Instance(double[][] score, int[] capacity) implements PairScores {
        static Instance random(Random random, int n, int m) {
            return random(random, n, m, 3);
        }

        /** Capacities 0 to {@code capacities} - 1. */
        static Instance random(Random random, int n, int m, int capacities) {
            double[][] score = new double[n][m];
            int[] capacity = new int[m];
            for (int j = 0; j < m; j++) {
                capacity[j] = random.nextInt(capacities);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    score[i][j] = random.nextInt(5) == 0 ? Double.NaN : random.nextInt(11) / 10.0;
                }
            }
            return new Instance(score, capacity);
        }

        public int mentees() {
            return score.length;
        }

        public int mentors() {
            return capacity.length;
        }

        public int capacity(int mentor) {
            return capacity[mentor];
        }

        public double score(int mentee, int mentor) {
            return score[mentee][mentor];
        }
    }

    /**
     * The best assignment by brute force, lexicographically as the solver ranks them: matched (where asked), then as few
     * mentors below the aimed load as possible, then as little below it, then the total scaled score. Answers
     * {matched, mentors below the aim, mentees they lack, total}.
     */
    static long[] bruteForce(Instance instance, boolean asMany, int aimedLoad) {
        long[] best = {-1, Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        search(instance, 0, new int[instance.mentors()], 0, 0, asMany, aimedLoad, best);
        return best;
    }

    private static void search(Instance instance, int i, int[] load, int matched, long total, boolean asMany,
                               int aimedLoad, long[] best) {
        if (i == instance.mentees()) {
            long below = 0;
            long lacking = 0;
            for (int j = 0; j < load.length; j++) {
                int aim = Math.min(aimedLoad, instance.capacity(j));
                if (load[j] > 0 && load[j] < aim) {
                    below++;
                    lacking += aim - load[j];
                }
            }
            long[] candidate = {asMany ? matched : 0, -below, -lacking, total};
            long[] incumbent = {asMany ? best[0] : 0, -best[1], -best[2], best[3]};
            if (java.util.Arrays.compare(candidate, incumbent) > 0) {
                best[0] = matched;
                best[1] = below;
                best[2] = lacking;
                best[3] = total;
            }
            return;
        }
        search(instance, i + 1, load, matched, total, asMany, aimedLoad, best);
        for (int j = 0; j < instance.mentors(); j++) {
            double s = instance.score(i, j);
            if (!Double.isNaN(s) && load[j] < instance.capacity(j)) {
                load[j]++;
                search(instance, i + 1, load, matched + 1, total + Math.round(s * MatchingSolver.SCALE), asMany, aimedLoad, best);
                load[j]--;
            }
        }
    }

    private static long scaledTotal(Instance instance, Solution solution) {
        long total = 0;
        for (int i = 0; i < instance.mentees(); i++) {
            int j = solution.mentorOf()[i];
            if (j >= 0) {
                assertThat(instance.score(i, j)).as("an excluded pair was chosen").isNotNaN();
                total += Math.round(instance.score(i, j) * MatchingSolver.SCALE);
            }
        }
        for (int j = 0; j < instance.mentors(); j++) {
            assertThat(solution.load()[j]).as("load of mentor " + j).isLessThanOrEqualTo(instance.capacity(j));
        }
        return total;
    }

    @Test
    void minCostFlowFindsTheBruteForceOptimumOn300RandomTracks() {
        Random random = new Random(20251201);
        for (int round = 0; round < 300; round++) {
            Instance instance = Instance.random(random, 1 + random.nextInt(7), 1 + random.nextInt(4));
            for (boolean asMany : new boolean[]{true, false}) {
                long[] best = bruteForce(instance, asMany, 0);
                // one candidate per mentee forces the pricing rounds to find the rest
                for (int candidates : new int[]{1, 48}) {
                    Solution solution = MatchingSolver.solve(instance, MatchingSolver.Options.DEFAULT
                            .withMatchAsManyAsPossible(asMany).withCandidatesPerMentee(candidates));
                    if (asMany) {
                        assertThat(solution.matched()).as("matched, round " + round).isEqualTo(best[0]);
                    }
                    assertThat(scaledTotal(instance, solution)).as("total score, round " + round).isEqualTo(best[3]);
                }
            }
        }
    }

    @Test
    void anAimedLoadIsAnAimNotAWallAndCpSatFindsTheLexicographicBruteForceOptimum() {
        Random random = new Random(7);
        int belowSeen = 0;
        for (int round = 0; round < 120; round++) {
            Instance instance = Instance.random(random, 2 + random.nextInt(6), 1 + random.nextInt(3), 4);
            for (boolean asMany : new boolean[]{true, false}) {
                long[] best = bruteForce(instance, asMany, 3);
                long[] withoutAim = bruteForce(instance, asMany, 0);
                Solution solution = MatchingSolver.solve(instance, MatchingSolver.Options.DEFAULT.withMinimumLoad(3)
                        .withMatchAsManyAsPossible(asMany));
                if (asMany) {
                    // the aim never costs a mentee their match
                    assertThat(solution.matched()).as("matched, round " + round).isEqualTo(best[0]).isEqualTo(withoutAim[0]);
                }
                long below = 0;
                long lacking = 0;
                for (int j = 0; j < instance.mentors(); j++) {
                    int aim = Math.min(3, instance.capacity(j));
                    if (solution.load()[j] > 0 && solution.load()[j] < aim) {
                        below++;
                        lacking += aim - solution.load()[j];
                    }
                }
                assertThat(below).as("mentors below the aim, round " + round).isEqualTo(best[1]);
                assertThat(lacking).as("mentees they lack, round " + round).isEqualTo(best[2]);
                assertThat(scaledTotal(instance, solution)).as("total, round " + round).isEqualTo(best[3]);
                belowSeen += below > 0 ? 1 : 0;
            }
        }
        assertThat(belowSeen).as("instances where a mentor had to stay below the aim").isPositive();
    }

    /** {mentors below the aim, mentees they lack} of a solution. */
    private static long[] belowAim(Instance instance, Solution solution, int aimedLoad) {
        long below = 0;
        long lacking = 0;
        for (int j = 0; j < instance.mentors(); j++) {
            int aim = Math.min(aimedLoad, instance.capacity(j));
            if (solution.load()[j] > 0 && solution.load()[j] < aim) {
                below++;
                lacking += aim - solution.load()[j];
            }
        }
        return new long[]{below, lacking};
    }

    @Test
    void onTheLargeTracksPathCpSatSeesOnlyEachMenteesBestMentorsYetMatchesAsManyAsTheFlowOverAllPairs() {
        // the path of tracks above the all-pairs threshold, forced on small ones: CP-SAT gets each mentee's best 2
        // mentors and the flow's pair; the flow (candidates + pricing, exact over all pairs) fixes how many are matched
        Random random = new Random(15);
        for (int round = 0; round < 40; round++) {
            Instance instance = Instance.random(random, 20 + random.nextInt(30), 5 + random.nextInt(8), 5);
            MatchingSolver.Options options = MatchingSolver.Options.DEFAULT.withMinimumLoad(3).withCandidatesPerMentee(2);
            Solution large = MatchingSolver.solve(instance, options, 0, 0);
            Solution flow = MatchingSolver.solve(instance, MatchingSolver.Options.DEFAULT.withCandidatesPerMentee(instance.mentors()));
            Solution all = MatchingSolver.solve(instance, options, Long.MAX_VALUE, Long.MAX_VALUE);
            assertThat(large.matched()).as("matched, round " + round).isEqualTo(flow.matched()).isEqualTo(all.matched());
            scaledTotal(instance, large); // no excluded pair, no mentor over capacity
            long[] fromFlow = belowAim(instance, flow, 3);
            long[] largeBelow = belowAim(instance, large, 3);
            long[] allBelow = belowAim(instance, all, 3);
            // never worse than the flow it starts from, never better than CP-SAT over every pair (that is optimal)
            assertThat(java.util.Arrays.compare(largeBelow, fromFlow)).as("below the aim vs the flow, round " + round).isLessThanOrEqualTo(0);
            assertThat(java.util.Arrays.compare(largeBelow, allBelow)).as("below the aim vs all pairs, round " + round).isGreaterThanOrEqualTo(0);
            assertThat(large.method()).contains("best 2 mentors and the flow's pair").contains("matched count exact over all pairs");
            assertThat(all.method()).contains("optimal over every compatible pair");
        }
    }

    @Test
    void aCareerMentorWithOnlyTwoCompatibleMenteesGetsBoth() {
        // mentor 0 aims for 3 of capacity 4 but only mentees 0 and 1 may be paired with them; mentor 1 takes the rest
        double n = Double.NaN;
        Instance instance = new Instance(new double[][]{{0.9, n}, {0.8, n}, {n, 0.7}, {n, 0.6}, {n, 0.5}}, new int[]{4, 4});
        Solution solution = MatchingSolver.solve(instance, MatchingSolver.Options.DEFAULT.withMinimumLoad(3));
        assertThat(solution.matched()).isEqualTo(5);
        assertThat(solution.load()).containsExactly(2, 3);
    }

    @Test
    void pricingOnAFewCandidatesReachesTheSameOptimumAsAllPairsOnALargerTrack() {
        Random random = new Random(42);
        int n = 400;
        int m = 120;
        double[][] score = new double[n][m];
        int[] capacity = new int[m];
        for (int j = 0; j < m; j++) {
            capacity[j] = 1 + random.nextInt(4);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                score[i][j] = random.nextInt(10) == 0 ? Double.NaN : random.nextDouble();
            }
        }
        Instance instance = new Instance(score, capacity);
        Solution all = MatchingSolver.solve(instance, MatchingSolver.Options.DEFAULT.withCandidatesPerMentee(m));
        Solution few = MatchingSolver.solve(instance, MatchingSolver.Options.DEFAULT.withCandidatesPerMentee(3));
        assertThat(few.matched()).isEqualTo(all.matched());
        assertThat(scaledTotal(instance, few)).isEqualTo(scaledTotal(instance, all));
        assertThat(few.pricingRounds()).isGreaterThan(1);
        assertThat(few.arcs()).isLessThan(all.arcs());
    }
}
