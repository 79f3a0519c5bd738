package dev.mentorship.matching.scoring;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Career topics compared by their words, since a topic may be one the track suggests or one a person named in their
 * own words ("searching for a job" and "job search"). A topic is a set of word stems: Unicode NFKC, lower case, split
 * at anything but letters and digits, stop words dropped, a light stemmer (plural -s/-ies, -ing, -ed, a final -e),
 * so that "work-life balance", "Work/life balance" and "balancing work and life" share their stems. Two topics are as
 * similar as the Dice coefficient of their stems (2 |A ∩ B| / (|A| + |B|)); under {@link #MINIMUM} it counts as
 * nothing (one common word among many is chance, not a shared topic); the same topic in any spelling is 1.
 * <p>
 * Built once per track over its distinct topics (people mostly pick the suggested ones, so there are few), with the
 * similarity of every two of them in a table when they fit ({@link #TABLE_LIMIT} topics); scoring a pair then reads
 * only arrays. Deterministic: ids follow the order topics first occur.
 */
final class TopicSimilarity {

    /** Under this, two topics are not similar. */
    static final double MINIMUM = 1.0 / 3;
    /** Up to this many distinct topics, every similarity is looked up in a table (16 MB at most). */
    static final int TABLE_LIMIT = 2048;

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOPWORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
            "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "our", "that", "the", "their", "this", "to",
            "we", "with", "i", "my", "me", "about", "how", "can", "will", "which", "also", "vs", "versus", "v", "e", "g",
            "eg", "etc", "do", "doing", "get", "getting", "being", "your", "you", "what", "when", "while", "one", "s");

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, Integer> stemIds = new HashMap<>();
    private final List<int[]> stems = new ArrayList<>();
    private float[] table;

    /** The id of a topic (its first spelling is kept as its name), or -1 for one without a word. */
    int add(String topic) {
        String key = key(topic);
        if (key.isEmpty()) {
            return -1;
        }
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        id = names.size();
        ids.put(key, id);
        names.add(topic.strip());
        stems.add(stems(key));
        return id;
    }

    /** Once every topic is added: the table of similarities, where it fits. */
    void build() {
        int n = names.size();
        if (n > TABLE_LIMIT) {
            return;
        }
        table = new float[n * n];
        for (int a = 0; a < n; a++) {
            table[a * n + a] = 1;
            for (int b = a + 1; b < n; b++) {
                float s = (float) compute(a, b);
                table[a * n + b] = s;
                table[b * n + a] = s;
            }
        }
    }

    String name(int id) {
        return names.get(id);
    }

    /** How similar two topics are, in [0, 1]: 1 for the same topic, 0 under {@link #MINIMUM}. */
    double similarity(int a, int b) {
        if (a == b) {
            return 1;
        }
        return table != null ? table[a * names.size() + b] : compute(a, b);
    }

    /**
     * The mean, over the mentee's topics, of how similar the mentor's closest topic is: the share of the mentee's
     * topics the mentor offers when topics are named alike; a mentee naming none scores 0.
     */
    double score(int[] mentee, int[] mentor) {
        if (mentee.length == 0 || mentor.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int a : mentee) {
            double best = 0;
            for (int b : mentor) {
                double s = similarity(a, b);
                if (s > best) {
                    best = s;
                    if (best >= 1) {
                        break;
                    }
                }
            }
            sum += best;
        }
        return sum / mentee.length;
    }

    /** The mentor's topic closest to a mentee's topic (the first of equals), or -1 when none is similar. */
    int closest(int a, int[] mentor) {
        int closest = -1;
        double best = 0;
        for (int b : mentor) {
            double s = similarity(a, b);
            if (s > best) {
                best = s;
                closest = b;
            }
        }
        return closest;
    }

    private double compute(int a, int b) {
        int[] x = stems.get(a);
        int[] y = stems.get(b);
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int common = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        double dice = 2.0 * common / (x.length + y.length);
        // at the table's precision either way, so that a track scores alike whether its similarities fit the table
        return dice < MINIMUM ? 0 : (float) dice;
    }

    private int[] stems(String key) {
        return Arrays.stream(key.split(" ")).filter(w -> !w.isEmpty() && !STOPWORDS.contains(w)).map(TopicSimilarity::stem)
                .mapToInt(s -> stemIds.computeIfAbsent(s, k -> stemIds.size())).distinct().sorted().toArray();
    }

    /** Two spellings of one topic have one key: NFKC, lower case, words only ("Work/Life balance!" = "work-life balance"). */
    static String key(String topic) {
        if (topic == null) {
            return "";
        }
        String text = Normalizer.normalize(topic, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_A_WORD.matcher(text).replaceAll(" ").strip();
    }

    /** A light English stemmer: enough for short topics to meet across plural, -ing and -ed forms. */
    static String stem(String word) {
        String w = word;
        boolean suffix = false;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
            suffix = true;
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
            suffix = true;
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        int n = w.length();
        if (suffix && n > 2 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0
                && Character.isLetter(w.charAt(n - 1))) {
            w = w.substring(0, n - 1); // planning -> plann -> plan
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1); // balance, balancing -> balanc
        }
        return w;
    }
}
