package dev.mentorship.matching.scoring;

import java.util.List;
import java.util.UUID;

/**
 * One registration as the scoring sees it: who, with whom they must not be paired, what they are interested in,
 * when they are free (UTC), how many mentees they take.
 *
 * @param keywords     normalised keywords (interests, and expertise or areas)
 * @param text         free text (interests in their own words, paper title and summary)
 * @param topics       career topics
 * @param availability UTC intervals as epoch seconds, [start, end) pairs
 */
public record Person(UUID participantId, String name, String affiliation, List<String> keywords, String text,
                     List<String> topics, List<long[]> availability, int capacity) {
}
