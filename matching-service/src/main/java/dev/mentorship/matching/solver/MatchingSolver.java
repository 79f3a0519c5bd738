package dev.mentorship.matching.solver;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The optimal assignment of mentees to mentors, as a min-cost flow solved by Google OR-Tools (source → mentee,
 * capacity 1; mentee → mentor, capacity 1, cost −score; mentor → sink, capacity = the mentor's capacity; a bypass
 * source → sink for mentees left without a mentor).
 *
 * <p>Objective: where {@code matchAsManyAsPossible}, first as many mentees matched as possible, then the highest
 * total score (each pair costs −(B + score) with B larger than any total of scores); else the highest total score.
 *
 * <p>Large tracks: the flow is first solved on each mentee's best {@code candidatesPerMentee} mentors, then proved
 * optimal for all pairs by pricing: shortest-path potentials of the residual network (Bellman–Ford) give every
 * pair left out a reduced cost; any pair with a negative one joins the network and the flow is solved again. When
 * no pair is left with a negative reduced cost, the flow is optimal over every pair (LP duality), so the result is
 * exactly the optimum of the full problem while the solver only ever sees a small share of the arcs.
 *
 * <p>A minimum load per used mentor ("0 or at least 3") is not a flow constraint; then the same objective is
 * solved with OR-Tools' CP-SAT.
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
        if (options.minimumLoad() > 1) {
            // CP-SAT sees every compatible pair where the track is small enough (career tracks are)
            boolean small = (long) n * m <= CP_SAT_ALL_PAIRS;
            return withCpSat(scores, options, Candidates.best(scores, small ? m : options.candidatesPerMentee()), bonus, started);
        }
        Candidates candidates = Candidates.best(scores, options.candidatesPerMentee());
        int rounds = 0;
        while (true) {
            rounds++;
            Flow flow = Flow.solve(scores, candidates, bonus);
            int added = flow.price(scores, candidates, bonus);
            if (added == 0) {
                return result(scores, candidates, flow.mentorOf, started, flow.arcCount, rounds, "min-cost flow (OR-Tools)");
            }
        }
    }

    /** Each mentee's candidate mentors: their best ones first, widened by pricing. */
    static final class Candidates {
        final int[][] mentors;
        final BitSet[] chosen;
        final int[] compatible;
        /** The lowest score among a mentee's first candidates: no mentor left out scores higher. */
        final double[] bound;

        private Candidates(int[][] mentors, BitSet[] chosen, int[] compatible, double[] bound) {
            this.mentors = mentors;
            this.chosen = chosen;
            this.compatible = compatible;
            this.bound = bound;
        }

        static Candidates best(PairScores scores, int perMentee) {
            int n = scores.mentees();
            int m = scores.mentors();
            int[][] mentors = new int[n][];
            BitSet[] chosen = new BitSet[n];
            int[] compatible = new int[n];
            double[] bound = new double[n];
            IntStream.range(0, n).parallel().forEach(i -> {
                // a bounded min-heap of the best mentors by score
                int k = Math.min(perMentee, m);
                int[] heap = new int[k];
                double[] heapScore = new double[k];
                int size = 0;
                int count = 0;
                for (int j = 0; j < m; j++) {
                    if (scores.capacity(j) <= 0) {
                        continue;
                    }
                    double s = scores.score(i, j);
                    if (Double.isNaN(s)) {
                        continue;
                    }
                    count++;
                    if (size < k) {
                        heap[size] = j;
                        heapScore[size] = s;
                        siftUp(heap, heapScore, size++);
                    } else if (k > 0 && s > heapScore[0]) {
                        heap[0] = j;
                        heapScore[0] = s;
                        siftDown(heap, heapScore, size);
                    }
                }
                compatible[i] = count;
                // every compatible mentor is a candidate when they all fit; else the heap's top is the bound
                bound[i] = size < count ? heapScore[0] : Double.NEGATIVE_INFINITY;
                mentors[i] = Arrays.copyOf(heap, size);
                BitSet set = new BitSet(m);
                for (int c = 0; c < size; c++) {
                    set.set(heap[c]);
                }
                chosen[i] = set;
            });
            return new Candidates(mentors, chosen, compatible, bound);
        }

        void add(int mentee, int[] more, int count) {
            int[] grown = Arrays.copyOf(mentors[mentee], mentors[mentee].length + count);
            System.arraycopy(more, 0, grown, mentors[mentee].length, count);
            for (int c = 0; c < count; c++) {
                chosen[mentee].set(more[c]);
            }
            mentors[mentee] = grown;
        }

        long arcs() {
            long arcs = 0;
            for (int[] list : mentors) {
                arcs += list.length;
            }
            return arcs;
        }

        private static void siftUp(int[] heap, double[] score, int at) {
            while (at > 0) {
                int parent = (at - 1) / 2;
                if (score[parent] <= score[at]) {
                    return;
                }
                swap(heap, score, parent, at);
                at = parent;
            }
        }

        private static void siftDown(int[] heap, double[] score, int size) {
            int at = 0;
            while (true) {
                int left = 2 * at + 1;
                int right = left + 1;
                int smallest = at;
                if (left < size && score[left] < score[smallest]) {
                    smallest = left;
                }
                if (right < size && score[right] < score[smallest]) {
                    smallest = right;
                }
                if (smallest == at) {
                    return;
                }
                swap(heap, score, at, smallest);
                at = smallest;
            }
        }

        private static void swap(int[] heap, double[] score, int a, int b) {
            int h = heap[a];
            heap[a] = heap[b];
            heap[b] = h;
            double s = score[a];
            score[a] = score[b];
            score[b] = s;
        }
    }

    static long cost(double score, long bonus) {
        return -(bonus + Math.round(score * SCALE));
    }

    /** The flow network over the candidate arcs, solved, with its residual network for pricing. */
    static final class Flow {
        final int[] mentorOf;
        final long arcCount;
        private final int nodes;
        private final int[] tail;
        private final int[] head;
        private final long[] residualCost;
        private final int n;

        private Flow(int[] mentorOf, long arcCount, int nodes, int[] tail, int[] head, long[] residualCost, int n) {
            this.mentorOf = mentorOf;
            this.arcCount = arcCount;
            this.nodes = nodes;
            this.tail = tail;
            this.head = head;
            this.residualCost = residualCost;
            this.n = n;
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
                        mcf.addArcWithCapacityAndUnitCost(1 + i, 1 + n + j, 1, cost(scores.score(i, j), bonus));
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
                        Arrays.copyOf(tail, r), Arrays.copyOf(head, r), Arrays.copyOf(cost, r), n);
            } finally {
                mcf.delete();
            }
        }

        /**
         * Shortest-path potentials of the residual network (from a virtual root joined to every node at cost 0),
         * then every pair not yet in the network priced against them; pairs with a negative reduced cost join the
         * candidates. Returns how many joined: 0 proves the flow optimal over all pairs.
         */
        int price(PairScores scores, Candidates candidates, long bonus) {
            long[] distance = potentials();
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
                        || distance[1 + i] + cost(candidates.bound[i], bonus) - highest >= 0) {
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
                    long reduced = distance[1 + i] + cost(s, bonus) - distance[1 + n + j];
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

        private long[] potentials() {
            long[] distance = new long[nodes];
            // queue-based Bellman–Ford; the flow is optimal on its network, so there is no negative cycle
            int[][] out = adjacency();
            boolean[] queued = new boolean[nodes];
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(nodes);
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

    private static Solution withCpSat(PairScores scores, Options options, Candidates candidates, long bonus, long started) {
        int n = scores.mentees();
        int m = scores.mentors();
        CpModel model = new CpModel();
        List<List<Literal>> byMentor = new ArrayList<>();
        List<List<Integer>> menteesOf = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            byMentor.add(new ArrayList<>());
            menteesOf.add(new ArrayList<>());
        }
        Literal[][] x = new Literal[n][];
        LinearExprBuilder objective = LinearExpr.newBuilder();
        long arcs = 0;
        for (int i = 0; i < n; i++) {
            int[] list = candidates.mentors[i];
            x[i] = new Literal[list.length];
            for (int c = 0; c < list.length; c++) {
                int j = list[c];
                x[i][c] = model.newBoolVar("x" + i + "_" + j);
                byMentor.get(j).add(x[i][c]);
                objective.addTerm(x[i][c], -cost(scores.score(i, j), bonus));
                arcs++;
            }
            model.addAtMostOne(x[i]);
        }
        for (int j = 0; j < m; j++) {
            List<Literal> assigned = byMentor.get(j);
            if (assigned.isEmpty()) {
                continue;
            }
            Literal used = model.newBoolVar("used" + j);
            LinearExpr load = LinearExpr.sum(assigned.toArray(new Literal[0]));
            model.addLessOrEqual(load, scores.capacity(j)).onlyEnforceIf(used);
            model.addGreaterOrEqual(load, Math.min(options.minimumLoad(), scores.capacity(j))).onlyEnforceIf(used);
            model.addEquality(load, 0).onlyEnforceIf(used.not());
        }
        model.maximize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(options.cpSatTimeLimit().toMillis() / 1000.0);
        solver.getParameters().setNumWorkers(Math.max(1, Runtime.getRuntime().availableProcessors()));
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            throw new IllegalStateException("CP-SAT found no assignment: " + status);
        }
        int[] mentorOf = new int[n];
        Arrays.fill(mentorOf, -1);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < x[i].length; c++) {
                if (solver.booleanValue(x[i][c])) {
                    mentorOf[i] = candidates.mentors[i][c];
                }
            }
        }
        String method = "CP-SAT (OR-Tools), minimum " + options.minimumLoad() + " mentees per mentor, "
                + (status == CpSolverStatus.OPTIMAL ? "optimal" : "best found within " + options.cpSatTimeLimit().toSeconds() + " s")
                + (candidates.arcs() < countCompatible(candidates) ? " over each mentee's best " + options.candidatesPerMentee() + " mentors" : "");
        return result(scores, candidates, mentorOf, started, arcs, 1, method);
    }

    private static long countCompatible(Candidates candidates) {
        long total = 0;
        for (int c : candidates.compatible) {
            total += c;
        }
        return total;
    }

    private static Solution result(PairScores scores, Candidates candidates, int[] mentorOf, long started, long arcs,
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
