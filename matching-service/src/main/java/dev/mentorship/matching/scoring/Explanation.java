package dev.mentorship.matching.scoring;

import java.util.List;

/**
 * Why a pair was proposed, for people to read: what they share, the parts of the score, and the rules that applied.
 */
public record Explanation(double score, List<String> sharedInterests, double textSimilarity, List<String> sharedTopics,
                          double sharedHours, List<String> rules, String summary) {
}
