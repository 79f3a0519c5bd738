package dev.mentorship.matching.solver;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/** Each mentee's candidate mentors: their best ones first, widened by pricing. */
final class Candidates {
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

    /**
     * Each mentee's best {@code k} mentors by score (ties: the lower index first) among the first {@code perMentee}
     * this set started with (its {@link #best} heap, before pricing added any), plus {@code mentorOf[i]} where that is
     * a mentor: a smaller candidate set for CP-SAT that still holds the flow's assignment.
     */
    Candidates narrowed(PairScores scores, int perMentee, int k, int[] mentorOf) {
        int n = mentors.length;
        int m = scores.mentors();
        int[][] narrow = new int[n][];
        BitSet[] set = new BitSet[n];
        double[] lowest = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int first = Math.min(mentors[i].length, Math.min(Math.min(perMentee, m), compatible[i]));
            Integer[] order = new Integer[first];
            for (int c = 0; c < first; c++) {
                order[c] = mentors[i][c];
            }
            Arrays.sort(order, (a, b) -> {
                int byScore = Double.compare(scores.score(i, b), scores.score(i, a));
                return byScore != 0 ? byScore : Integer.compare(a, b);
            });
            int keep = Math.min(k, first);
            BitSet chosen = new BitSet(m);
            int[] list = new int[keep + 1];
            int size = 0;
            for (int c = 0; c < keep; c++) {
                list[size++] = order[c];
                chosen.set(order[c]);
            }
            if (mentorOf[i] >= 0 && !chosen.get(mentorOf[i])) {
                list[size++] = mentorOf[i];
                chosen.set(mentorOf[i]);
            }
            narrow[i] = Arrays.copyOf(list, size);
            set[i] = chosen;
            lowest[i] = keep < compatible[i] && keep > 0 ? scores.score(i, order[keep - 1]) : Double.NEGATIVE_INFINITY;
        });
        return new Candidates(narrow, set, compatible.clone(), lowest);
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
