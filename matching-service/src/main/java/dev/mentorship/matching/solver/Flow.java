package dev.mentorship.matching.solver;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

import java.util.ArrayDeque;
import java.util.Arrays;

/** The flow network over the candidate arcs, solved, with its residual network for pricing. */
final class Flow {
    final int[] mentorOf;
    final long arcCount;
    private final int nodes;
    private final int[] tail;
    private final int[] head;
    private final long[] residualCost;

    private Flow(int[] mentorOf, long arcCount, int nodes, int[] tail, int[] head, long[] residualCost) {
        this.mentorOf = mentorOf;
        this.arcCount = arcCount;
        this.nodes = nodes;
        this.tail = tail;
        this.head = head;
        this.residualCost = residualCost;
    }

    static Flow solve(PairScores scores, Candidates candidates, long bonus) {
        int n = scores.mentees();
        int m = scores.mentors();
        int source = 0;
        int sink = n + m + 1;
        MinCostFlow mcf = new MinCostFlow(n + m + 2, (int) Math.min(Integer.MAX_VALUE, candidates.arcs() + n + m + 1));
        try {
            for (int i = 0; i < n; i++) {
                mcf.addArcWithCapacityAndUnitCost(source, 1 + i, 1, 0);
            }
            int firstPair = mcf.getNumArcs();
            for (int i = 0; i < n; i++) {
                for (int j : candidates.mentors[i]) {
                    mcf.addArcWithCapacityAndUnitCost(1 + i, 1 + n + j, 1, MatchingSolver.cost(scores.score(i, j), bonus));
                }
            }
            int afterPairs = mcf.getNumArcs();
            for (int j = 0; j < m; j++) {
                mcf.addArcWithCapacityAndUnitCost(1 + n + j, sink, Math.max(0, scores.capacity(j)), 0);
            }
            mcf.addArcWithCapacityAndUnitCost(source, sink, n, 0);
            mcf.setNodeSupply(source, n);
            mcf.setNodeSupply(sink, -n);
            MinCostFlowBase.Status status = mcf.solve();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                throw new IllegalStateException("The min-cost flow solver ended with " + status);
            }
            int[] mentorOf = new int[n];
            Arrays.fill(mentorOf, -1);
            int arcs = mcf.getNumArcs();
            // the residual network: each arc forward while below capacity, backward while it carries flow
            int[] tail = new int[2 * arcs];
            int[] head = new int[2 * arcs];
            long[] cost = new long[2 * arcs];
            int r = 0;
            for (int a = 0; a < arcs; a++) {
                long flow = mcf.getFlow(a);
                int t = mcf.getTail(a);
                int h = mcf.getHead(a);
                long c = mcf.getUnitCost(a);
                if (a >= firstPair && a < afterPairs && flow > 0) {
                    mentorOf[t - 1] = h - 1 - n;
                }
                if (flow < mcf.getCapacity(a)) {
                    tail[r] = t;
                    head[r] = h;
                    cost[r++] = c;
                }
                if (flow > 0) {
                    tail[r] = h;
                    head[r] = t;
                    cost[r++] = -c;
                }
            }
            return new Flow(mentorOf, afterPairs - firstPair, n + m + 2,
                    Arrays.copyOf(tail, r), Arrays.copyOf(head, r), Arrays.copyOf(cost, r));
        } finally {
            mcf.delete();
        }
    }

    /**
     * Shortest-path potentials of the residual network, from a virtual root joined to every node at cost 0: the
     * distance of each node (source 0, mentees 1..n, mentors n+1..n+m, sink n+m+1).
     */
    long[] potentials() {
        long[] distance = new long[nodes];
        // queue-based Bellman–Ford; the flow is optimal on its network, so there is no negative cycle
        int[][] out = adjacency();
        boolean[] queued = new boolean[nodes];
        ArrayDeque<Integer> queue = new ArrayDeque<>(nodes);
        for (int v = 0; v < nodes; v++) {
            queue.add(v);
            queued[v] = true;
        }
        long relaxations = 0;
        long limit = (long) nodes * tail.length + 1;
        while (!queue.isEmpty()) {
            int v = queue.poll();
            queued[v] = false;
            for (int a : out[v]) {
                long candidate = distance[v] + residualCost[a];
                if (candidate < distance[head[a]]) {
                    distance[head[a]] = candidate;
                    if (!queued[head[a]]) {
                        queue.add(head[a]);
                        queued[head[a]] = true;
                    }
                }
                if (++relaxations > limit) {
                    throw new IllegalStateException("Negative cycle in the residual network: the flow is not optimal");
                }
            }
        }
        return distance;
    }

    private int[][] adjacency() {
        int[] degree = new int[nodes];
        for (int t : tail) {
            degree[t]++;
        }
        int[][] out = new int[nodes][];
        for (int v = 0; v < nodes; v++) {
            out[v] = new int[degree[v]];
        }
        int[] fill = new int[nodes];
        for (int a = 0; a < tail.length; a++) {
            out[tail[a]][fill[tail[a]]++] = a;
        }
        return out;
    }
}
