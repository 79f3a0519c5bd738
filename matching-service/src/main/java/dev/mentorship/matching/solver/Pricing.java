package dev.mentorship.matching.solver;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Pricing: proves a flow solved on the candidate arcs optimal over every pair, or widens the candidates. Each pair
 * not yet among them is priced against the shortest-path potentials of the flow's residual network; the pairs with a
 * negative reduced cost join the candidates (and the flow is solved again). When none is left, the flow is optimal over
 * all pairs (LP duality).
 */
final class Pricing {

    private Pricing() {
    }

    /** Adds the left-out pairs with a negative reduced cost to the candidates; returns how many: 0 proves the flow optimal. */
    static int price(Flow flow, PairScores scores, Candidates candidates, long bonus) {
        long[] distance = flow.potentials();
        int n = scores.mentees();
        int m = scores.mentors();
        long highestMentor = Long.MIN_VALUE;
        for (int j = 0; j < m; j++) {
            highestMentor = Math.max(highestMentor, distance[1 + n + j]);
        }
        long highest = highestMentor;
        int[] added = new int[n];
        int[][] more = new int[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] found = new int[8];
            int count = 0;
            // no mentor left out scores above the bound: if even that cannot make a negative reduced cost
            // against the highest mentor potential, none of this mentee's left-out pairs can
            if (candidates.bound[i] == Double.NEGATIVE_INFINITY
                    || distance[1 + i] + MatchingSolver.cost(candidates.bound[i], bonus) - highest >= 0) {
                more[i] = found;
                return;
            }
            for (int j = 0; j < m; j++) {
                if (candidates.chosen[i].get(j) || scores.capacity(j) <= 0) {
                    continue;
                }
                double s = scores.score(i, j);
                if (Double.isNaN(s)) {
                    continue;
                }
                long reduced = distance[1 + i] + MatchingSolver.cost(s, bonus) - distance[1 + n + j];
                if (reduced < 0) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = j;
                }
            }
            added[i] = count;
            more[i] = found;
        });
        int total = 0;
        for (int i = 0; i < n; i++) {
            if (added[i] > 0) {
                candidates.add(i, more[i], added[i]);
                total += added[i];
            }
        }
        return total;
    }
}
