package dev.mentorship.matching.scoring;

import dev.mentorship.matching.solver.PairScores;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every mentee–mentor pair of one track, scored in [0, 1]:
 * <ul>
 * <li>AUTHOR and REVIEWER: shared research interests, as the cosine of IDF-weighted keyword sets (a rare shared
 * keyword counts more than a common one) and of TF-IDF vectors of the free text;</li>
 * <li>CAREER: how much of what the mentee wants to talk about the mentor offers (for each mentee topic the mentor's
 * most similar one, averaged: the same topic counts 1, a topic in other words by the words they share, see
 * {@link TopicSimilarity}; the track's topics are suggestions, free topics count too), and the hours both are free
 * in the one-on-one week (from UTC intervals, so time zones are already taken into account), two hours counting
 * fully.</li>
 * </ul>
 * A pair is excluded (NaN) when it is the same person, a pair an organizer forbade, the same affiliation where the
 * policy says so, fewer shared hours than the policy's minimum (CAREER), or a score under the policy's minimum.
 * Built once per run; scoring a pair reads only arrays, so that millions of pairs score in a few seconds. What a pair
 * shares is told in words by {@link Explanations}.
 */
public final class TrackScores implements PairScores {

    private static final Set<String> STOPWORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
            "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "our", "that", "the", "their", "this", "to",
            "we", "with", "i", "my", "me", "using", "use", "based", "about", "how", "can", "will", "which", "also");
    private static final double FULL_HOURS = 2.0;

    /** What a track's policy says about scoring. */
    public record Policy(Weights weights, boolean excludeSameAffiliation, double minimumScore, double minimumSharedHours) {
    }

    public enum Kind { INTERESTS, CAREER }

    private final Kind kind;
    private final Policy policy;
    private final List<Person> mentees;
    private final List<Person> mentors;
    private final Set<Long> forbidden;
    private final String[] keywordNames;
    private final int[][] menteeKeywords;
    private final int[][] mentorKeywords;
    private final double[] keywordWeight;
    private final double[] menteeKeywordNorm;
    private final double[] mentorKeywordNorm;
    private final int[][] menteeTerms;
    private final float[][] menteeTermWeights;
    private final int[][] mentorTerms;
    private final float[][] mentorTermWeights;
    private final TopicSimilarity topics;
    private final int[][] menteeTopics;
    private final int[][] mentorTopics;
    private final long[][] menteeIntervals;
    private final long[][] mentorIntervals;
    private final String[] menteeAffiliation;
    private final String[] mentorAffiliation;

    /**
     * @param forbiddenPairs pairs an organizer forbade, as (mentee participant id, mentor participant id)
     */
    public TrackScores(Kind kind, Policy policy, List<Person> mentees, List<Person> mentors, Set<List<UUID>> forbiddenPairs) {
        this.kind = kind;
        this.policy = policy;
        this.mentees = List.copyOf(mentees);
        this.mentors = List.copyOf(mentors);
        Map<UUID, Integer> menteeIndex = new HashMap<>();
        Map<UUID, Integer> mentorIndex = new HashMap<>();
        for (int i = 0; i < mentees.size(); i++) {
            menteeIndex.put(mentees.get(i).participantId(), i);
        }
        for (int j = 0; j < mentors.size(); j++) {
            mentorIndex.put(mentors.get(j).participantId(), j);
        }
        this.forbidden = new HashSet<>();
        for (List<UUID> pair : forbiddenPairs) {
            Integer i = menteeIndex.get(pair.get(0));
            Integer j = mentorIndex.get(pair.get(1));
            if (i != null && j != null) {
                forbidden.add((long) i * mentors.size() + j);
            }
        }
        // keywords: ids and inverse document frequencies over everyone in the track
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<Integer> frequency = new ArrayList<>();
        this.menteeKeywords = ids(mentees, ids, names, frequency);
        this.mentorKeywords = ids(mentors, ids, names, frequency);
        this.keywordNames = names.toArray(new String[0]);
        int people = Math.max(1, mentees.size() + mentors.size());
        this.keywordWeight = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            keywordWeight[k] = Math.log(1.0 + (double) people / frequency.get(k));
        }
        this.menteeKeywordNorm = norms(menteeKeywords);
        this.mentorKeywordNorm = norms(mentorKeywords);
        // free text: TF-IDF vectors
        Map<String, Integer> termIds = new HashMap<>();
        List<Integer> termFrequency = new ArrayList<>();
        List<Map<Integer, Integer>> menteeCounts = counts(mentees, termIds, termFrequency);
        List<Map<Integer, Integer>> mentorCounts = counts(mentors, termIds, termFrequency);
        this.menteeTerms = new int[mentees.size()][];
        this.menteeTermWeights = new float[mentees.size()][];
        this.mentorTerms = new int[mentors.size()][];
        this.mentorTermWeights = new float[mentors.size()][];
        vectors(menteeCounts, termFrequency, people, menteeTerms, menteeTermWeights);
        vectors(mentorCounts, termFrequency, people, mentorTerms, mentorTermWeights);
        // career topics as ids, with the similarity of every two looked up once
        this.topics = new TopicSimilarity();
        this.menteeTopics = topicIds(mentees, topics);
        this.mentorTopics = topicIds(mentors, topics);
        topics.build();
        this.menteeIntervals = intervals(mentees);
        this.mentorIntervals = intervals(mentors);
        this.menteeAffiliation = mentees.stream().map(p -> normalise(p.affiliation())).toArray(String[]::new);
        this.mentorAffiliation = mentors.stream().map(p -> normalise(p.affiliation())).toArray(String[]::new);
    }

    public Kind kind() {
        return kind;
    }

    public Policy policy() {
        return policy;
    }

    public Person mentee(int i) {
        return mentees.get(i);
    }

    public Person mentor(int j) {
        return mentors.get(j);
    }

    @Override
    public int mentees() {
        return menteeKeywords.length;
    }

    @Override
    public int mentors() {
        return mentorKeywords.length;
    }

    @Override
    public int capacity(int mentor) {
        return mentors.get(mentor).capacity();
    }

    @Override
    public double score(int i, int j) {
        String excluded = exclusion(i, j);
        if (excluded != null) {
            return Double.NaN;
        }
        double score = raw(i, j);
        return score < policy.minimumScore() ? Double.NaN : score;
    }

    /** Why a pair may not be made, or null. */
    public String exclusion(int i, int j) {
        if (mentees.get(i).participantId().equals(mentors.get(j).participantId())) {
            return "the same person";
        }
        if (!forbidden.isEmpty() && forbidden.contains((long) i * mentors.size() + j)) {
            return "forbidden by an organizer";
        }
        if (policy.excludeSameAffiliation() && menteeAffiliation[i] != null && menteeAffiliation[i].equals(mentorAffiliation[j])) {
            return "the same affiliation";
        }
        if (kind == Kind.CAREER && sharedSeconds(menteeIntervals[i], mentorIntervals[j]) < policy.minimumSharedHours() * 3600) {
            return "fewer than " + policy.minimumSharedHours() + " hours in common";
        }
        return null;
    }

    /** The pair's score before the policy's minimum and exclusions apply. */
    double raw(int i, int j) {
        Weights w = policy.weights();
        if (kind == Kind.CAREER) {
            double topics = w.topics() == 0 ? 0 : this.topics.score(menteeTopics[i], mentorTopics[j]);
            double hours = Math.min(sharedSeconds(menteeIntervals[i], mentorIntervals[j]) / 3600.0, FULL_HOURS) / FULL_HOURS;
            double total = w.topics() + w.hours();
            return total == 0 ? 0 : (w.topics() * topics + w.hours() * hours) / total;
        }
        double total = w.keywords() + w.text();
        return total == 0 ? 0 : (w.keywords() * keywordCosine(i, j) + w.text() * textCosine(i, j)) / total;
    }

    /** The keywords both have (AUTHOR, REVIEWER), in the order they first occur in the track. */
    List<String> sharedKeywords(int i, int j) {
        List<String> shared = new ArrayList<>();
        int[] a = menteeKeywords[i];
        int[] b = mentorKeywords[j];
        for (int x = 0, y = 0; x < a.length && y < b.length; ) {
            if (a[x] == b[y]) {
                shared.add(keywordNames[a[x]]);
                x++;
                y++;
            } else if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        return shared;
    }

    /**
     * The career topics both have (CAREER), in the mentee's order: a topic both name ("work-life balance"), or a
     * mentee's topic and the mentor's most similar one ("finding a job in industry ~ job search in industry").
     */
    List<String> sharedTopics(int i, int j) {
        List<String> shared = new ArrayList<>();
        for (int a : menteeTopics[i]) {
            int b = topics.closest(a, mentorTopics[j]);
            if (b == a) {
                shared.add(topics.name(a));
            } else if (b >= 0) {
                shared.add(topics.name(a) + " ~ " + topics.name(b));
            }
        }
        return shared;
    }

    /** The topic part of a CAREER pair's score, in [0, 1]. */
    double topicSimilarity(int i, int j) {
        return topics.score(menteeTopics[i], mentorTopics[j]);
    }

    /** Hours both are free in the one-on-one week (CAREER). */
    double sharedHours(int i, int j) {
        return sharedSeconds(menteeIntervals[i], mentorIntervals[j]) / 3600.0;
    }

    /** The first time both are free, as {start, end} in epoch seconds, or null. */
    long[] firstCommonSlot(int i, int j) {
        long[] a = menteeIntervals[i];
        long[] b = mentorIntervals[j];
        for (int x = 0, y = 0; x + 1 < a.length && y + 1 < b.length; ) {
            long start = Math.max(a[x], b[y]);
            long end = Math.min(a[x + 1], b[y + 1]);
            if (end > start) {
                return new long[]{start, end};
            }
            if (a[x + 1] < b[y + 1]) {
                x += 2;
            } else {
                y += 2;
            }
        }
        return null;
    }

    /** The cosine of the pair's free-text TF-IDF vectors (AUTHOR, REVIEWER). */
    double textSimilarity(int i, int j) {
        return textCosine(i, j);
    }

    private double keywordCosine(int i, int j) {
        int[] a = menteeKeywords[i];
        int[] b = mentorKeywords[j];
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        double dot = 0;
        for (int x = 0, y = 0; x < a.length && y < b.length; ) {
            if (a[x] == b[y]) {
                dot += keywordWeight[a[x]] * keywordWeight[a[x]];
                x++;
                y++;
            } else if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        return dot / (menteeKeywordNorm[i] * mentorKeywordNorm[j]);
    }

    private double textCosine(int i, int j) {
        int[] a = menteeTerms[i];
        int[] b = mentorTerms[j];
        float[] wa = menteeTermWeights[i];
        float[] wb = mentorTermWeights[j];
        double dot = 0;
        for (int x = 0, y = 0; x < a.length && y < b.length; ) {
            if (a[x] == b[y]) {
                dot += wa[x++] * wb[y++];
            } else if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        return Math.min(1, dot);
    }

    /** Seconds both are free: intervals sorted and merged per person, so a linear sweep. */
    static long sharedSeconds(long[] a, long[] b) {
        long shared = 0;
        for (int x = 0, y = 0; x + 1 < a.length && y + 1 < b.length; ) {
            long start = Math.max(a[x], b[y]);
            long end = Math.min(a[x + 1], b[y + 1]);
            if (end > start) {
                shared += end - start;
            }
            if (a[x + 1] < b[y + 1]) {
                x += 2;
            } else {
                y += 2;
            }
        }
        return shared;
    }

    private int[][] ids(List<Person> people, Map<String, Integer> ids, List<String> names, List<Integer> frequency) {
        int[][] result = new int[people.size()][];
        for (int p = 0; p < people.size(); p++) {
            Set<Integer> own = new HashSet<>();
            for (String keyword : people.get(p).keywords()) {
                String k = normalise(keyword);
                if (k == null) {
                    continue;
                }
                Integer id = ids.get(k);
                if (id == null) {
                    id = names.size();
                    ids.put(k, id);
                    names.add(k);
                    frequency.add(0);
                }
                if (own.add(id)) {
                    frequency.set(id, frequency.get(id) + 1);
                }
            }
            result[p] = own.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return result;
    }

    private double[] norms(int[][] keywords) {
        double[] norms = new double[keywords.length];
        for (int p = 0; p < keywords.length; p++) {
            double sum = 0;
            for (int k : keywords[p]) {
                sum += keywordWeight[k] * keywordWeight[k];
            }
            norms[p] = Math.sqrt(sum);
        }
        return norms;
    }

    private static List<Map<Integer, Integer>> counts(List<Person> people, Map<String, Integer> ids, List<Integer> frequency) {
        List<Map<Integer, Integer>> all = new ArrayList<>();
        for (Person person : people) {
            Map<Integer, Integer> counts = new HashMap<>();
            String text = person.text() == null ? "" : person.text().toLowerCase(Locale.ROOT);
            for (String token : text.split("[^\\p{L}\\p{N}]+")) {
                if (token.length() < 3 || STOPWORDS.contains(token)) {
                    continue;
                }
                Integer id = ids.computeIfAbsent(token, t -> {
                    frequency.add(0);
                    return frequency.size() - 1;
                });
                if (counts.merge(id, 1, Integer::sum) == 1) {
                    frequency.set(id, frequency.get(id) + 1);
                }
            }
            all.add(counts);
        }
        return all;
    }

    private static void vectors(List<Map<Integer, Integer>> counts, List<Integer> frequency, int people, int[][] terms, float[][] weights) {
        for (int p = 0; p < counts.size(); p++) {
            int[] ids = counts.get(p).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            float[] w = new float[ids.length];
            double norm = 0;
            for (int t = 0; t < ids.length; t++) {
                double tfidf = (1 + Math.log(counts.get(p).get(ids[t]))) * Math.log(1.0 + (double) people / frequency.get(ids[t]));
                w[t] = (float) tfidf;
                norm += tfidf * tfidf;
            }
            norm = Math.sqrt(norm);
            for (int t = 0; t < w.length && norm > 0; t++) {
                w[t] /= (float) norm;
            }
            terms[p] = ids;
            weights[p] = w;
        }
    }

    /** Each person's topic ids, distinct, in their own order. */
    private static int[][] topicIds(List<Person> people, TopicSimilarity topics) {
        int[][] ids = new int[people.size()][];
        for (int p = 0; p < people.size(); p++) {
            List<String> own = people.get(p).topics() == null ? List.of() : people.get(p).topics();
            ids[p] = own.stream().mapToInt(topics::add).filter(id -> id >= 0).distinct().toArray();
        }
        return ids;
    }

    /** Each person's intervals sorted and merged, flattened to [start, end, start, end, ...]. */
    private static long[][] intervals(List<Person> people) {
        long[][] result = new long[people.size()][];
        for (int p = 0; p < people.size(); p++) {
            List<long[]> sorted = new ArrayList<>(people.get(p).availability());
            sorted.removeIf(i -> i[1] <= i[0]);
            sorted.sort((x, y) -> Long.compare(x[0], y[0]));
            List<long[]> merged = new ArrayList<>();
            for (long[] interval : sorted) {
                if (!merged.isEmpty() && interval[0] <= merged.get(merged.size() - 1)[1]) {
                    merged.get(merged.size() - 1)[1] = Math.max(merged.get(merged.size() - 1)[1], interval[1]);
                } else {
                    merged.add(new long[]{interval[0], interval[1]});
                }
            }
            long[] flat = new long[merged.size() * 2];
            for (int k = 0; k < merged.size(); k++) {
                flat[2 * k] = merged.get(k)[0];
                flat[2 * k + 1] = merged.get(k)[1];
            }
            result[p] = flat;
        }
        return result;
    }

    private static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String n = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\-_/\\s]+", " ");
        return n.isEmpty() ? null : n;
    }

    /** For tests: the keyword vocabulary size. */
    int vocabulary() {
        return keywordNames.length;
    }

}
