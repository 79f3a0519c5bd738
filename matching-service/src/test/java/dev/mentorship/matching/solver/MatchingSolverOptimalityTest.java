package dev.mentorship.matching.solver;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The solver's objective against an independent exact method: brute force over every assignment of small random
 * instances (capacities, exclusions, ties), with and without the pricing rounds, and with a minimum load.
 */
class MatchingSolverOptimalityTest {

    /** A random small track: scores on a coarse grid (so ties happen), some pairs excluded. */
    record Instance(double[][] score, int[] capacity) implements PairScores {
        static Instance random(Random random, int n, int m) {
            double[][] score = new double[n][m];
            int[] capacity = new int[m];
            for (int j = 0; j < m; j++) {
                capacity[j] = random.nextInt(3); // 0, 1 or 2
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

    /** The best (matched, total scaled score) over every assignment, by brute force. */
    static long[] bruteForce(Instance instance, boolean asMany, int minimumLoad) {
        long[] best = {-1, Long.MIN_VALUE};
        search(instance, 0, new int[instance.mentors()], 0, 0, asMany, minimumLoad, best);
        return best;
    }

    private static void search(Instance instance, int i, int[] load, int matched, long total, boolean asMany,
                               int minimumLoad, long[] best) {
        if (i == instance.mentees()) {
            for (int j = 0; j < load.length; j++) {
                if (load[j] > 0 && load[j] < Math.min(minimumLoad, instance.capacity(j))) {
                    return;
                }
            }
            boolean better = asMany ? matched > best[0] || matched == best[0] && total > best[1] : total > best[1];
            if (better) {
                best[0] = matched;
                best[1] = total;
            }
            return;
        }
        search(instance, i + 1, load, matched, total, asMany, minimumLoad, best);
        for (int j = 0; j < instance.mentors(); j++) {
            double s = instance.score(i, j);
            if (!Double.isNaN(s) && load[j] < instance.capacity(j)) {
                load[j]++;
                search(instance, i + 1, load, matched + 1, total + Math.round(s * MatchingSolver.SCALE), asMany, minimumLoad, best);
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
                    assertThat(scaledTotal(instance, solution)).as("total score, round " + round).isEqualTo(best[1]);
                }
            }
        }
    }

    @Test
    void cpSatWithAMinimumLoadFindsTheBruteForceOptimum() {
        Random random = new Random(7);
        for (int round = 0; round < 60; round++) {
            Instance instance = Instance.random(random, 2 + random.nextInt(6), 1 + random.nextInt(3));
            long[] best = bruteForce(instance, true, 2);
            Solution solution = MatchingSolver.solve(instance, MatchingSolver.Options.DEFAULT.withMinimumLoad(2));
            assertThat(solution.matched()).as("matched, round " + round).isEqualTo(best[0]);
            assertThat(scaledTotal(instance, solution)).as("total, round " + round).isEqualTo(best[1]);
            for (int j = 0; j < instance.mentors(); j++) {
                int load = solution.load()[j];
                assertThat(load == 0 || load >= Math.min(2, instance.capacity(j))).as("load of mentor " + j).isTrue();
            }
        }
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
