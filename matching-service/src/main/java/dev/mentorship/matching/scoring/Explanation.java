package dev.mentorship.matching.scoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Why a pair was proposed, for people to read: what they share, the parts of the score, and the rules that applied.
 */
public record Explanation(double score, List<String> sharedInterests, double textSimilarity,
                          @Schema(description = "CAREER: the mentee's topics the mentor shares, in the mentee's order: a "
                                  + "topic both named, or 'mentee topic ~ mentor topic' where the mentor's is similar in words")
                          List<String> sharedTopics,
                          double sharedHours, List<String> rules,
                          @Schema(description = "In words; parts of the score that are zero are left out")
                          String summary) {
}
