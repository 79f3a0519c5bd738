package dev.mentorship.matching.scoring;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a pair was scored as it was, in words people read (the proposal, /me/pairings, PairingCreated): what the two
 * share, from {@link TrackScores}, and the rules of the track's policy that applied. Only what counts is said: a
 * part of the score that is zero (no shared keyword, free text 0 %, no hours in common, a weight of 0) is left out
 * of the words rather than shown as "0 %".
 */
public final class Explanations {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Explanations() {
    }

    /** The explanation of pair (i, j) of these scores. */
    public static Explanation of(TrackScores scores, int i, int j) {
        TrackScores.Policy policy = scores.policy();
        double score = scores.raw(i, j);
        List<String> rules = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        List<String> sharedTopics = new ArrayList<>();
        double hours = 0;
        double text = 0;
        String summary;
        Weights weights = policy.weights();
        if (scores.kind() == TrackScores.Kind.CAREER) {
            sharedTopics = weights.topics() == 0 ? List.of() : scores.sharedTopics(i, j);
            hours = scores.sharedHours(i, j);
            List<String> how = new ArrayList<>();
            if (Math.round(weights.topics() * 100) > 0) {
                how.add("similar topics count by the words they share");
            }
            if (Math.round(weights.hours() * 100) > 0) {
                how.add("two hours count fully");
            }
            rules.add("CAREER: " + parts(List.of("topics", "shared hours"), weights.topics(), weights.hours())
                    + (how.isEmpty() ? "" : " (" + String.join("; ", how) + ")"));
            List<String> said = new ArrayList<>();
            if (!sharedTopics.isEmpty()) {
                said.add("Shared topics: " + String.join(", ", sharedTopics));
            }
            if (Math.round(hours * 10) > 0) {
                said.add(formatHours(hours) + " free at the same time in the one-on-one week"
                        + firstCommonSlot(scores.firstCommonSlot(i, j)));
            }
            summary = said.isEmpty() ? "No topic or free time in common." : capitalised(String.join("; ", said)) + ".";
        } else {
            shared = weights.keywords() == 0 ? List.of() : scores.sharedKeywords(i, j);
            text = weights.text() == 0 ? 0 : scores.textSimilarity(i, j);
            rules.add("research interests: " + parts(List.of("keywords", "free text"), weights.keywords(), weights.text())
                    + (Math.round(weights.keywords() * 100) > 0 ? " (rare shared keywords count more)" : ""));
            List<String> said = new ArrayList<>();
            if (!shared.isEmpty()) {
                said.add("Shared interests: " + String.join(", ", shared));
            }
            if (Math.round(text * 100) > 0) {
                said.add("free-text similarity " + Math.round(text * 100) + " %");
            }
            summary = said.isEmpty() ? "No research interest in common." : capitalised(String.join("; ", said)) + ".";
        }
        if (policy.excludeSameAffiliation()) {
            rules.add("pairs from the same affiliation are excluded");
        }
        if (policy.minimumScore() > 0) {
            rules.add("pairs scoring under " + Math.round(policy.minimumScore() * 100) + " are excluded");
        }
        return new Explanation(round(score), shared, round(text), sharedTopics, round(hours), rules,
                "Score " + Math.round(score * 100) + "/100. " + summary);
    }

    private static String firstCommonSlot(long[] slot) {
        if (slot == null) {
            return "";
        }
        String end = HOURS.format(Instant.ofEpochSecond(slot[1]));
        return " (first: " + HOURS.format(Instant.ofEpochSecond(slot[0])) + "–" + end.substring(end.length() - 5) + " UTC)";
    }

    /** The parts that count, with their weights; a part weighted 0 is not mentioned. */
    private static String parts(List<String> names, double... weights) {
        List<String> counted = new ArrayList<>();
        for (int p = 0; p < names.size(); p++) {
            if (Math.round(weights[p] * 100) > 0) {
                counted.add(names.get(p) + " " + percent(weights[p]));
            }
        }
        return counted.isEmpty() ? "nothing weighted" : String.join(", ", counted);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String percent(double weight) {
        return Math.round(weight * 100) + " %";
    }

    private static String formatHours(double hours) {
        return hours == Math.floor(hours) ? (long) hours + " h" : String.format(Locale.ROOT, "%.1f h", hours);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
