package dev.mentorship.matching.scoring;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a pair was scored as it was, in words people read (the proposal, /me/pairings, PairingCreated): what the two
 * share, from {@link TrackScores}, and the rules of the track's policy that applied.
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
        if (scores.kind() == TrackScores.Kind.CAREER) {
            sharedTopics = scores.sharedTopics(i, j);
            hours = scores.sharedHours(i, j);
            rules.add("CAREER: topics " + percent(policy.weights().topics()) + ", shared hours " + percent(policy.weights().hours())
                    + " (two hours count fully)");
            summary = (sharedTopics.isEmpty() ? "No topic in common" : "Shared topics: " + String.join(", ", sharedTopics))
                    + "; " + formatHours(hours) + " free at the same time in the one-on-one week"
                    + firstCommonSlot(scores.firstCommonSlot(i, j)) + ".";
        } else {
            shared = scores.sharedKeywords(i, j);
            text = scores.textSimilarity(i, j);
            rules.add("research interests: keywords " + percent(policy.weights().keywords()) + ", free text "
                    + percent(policy.weights().text()) + " (rare shared keywords count more)");
            summary = (shared.isEmpty() ? "No keyword in common" : "Shared interests: " + String.join(", ", shared))
                    + "; free-text similarity " + Math.round(text * 100) + " %.";
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
