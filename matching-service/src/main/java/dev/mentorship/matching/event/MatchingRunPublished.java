package dev.mentorship.matching.event;

import dev.mentorship.matching.run.MatchingRun;
import dev.mentorship.matching.track.Track;

import java.time.Instant;
import java.util.UUID;

/** A run was published: its pairings and waitlisted mentees were announced before this. Key trackId. */
public record MatchingRunPublished(UUID runId, UUID programId, UUID trackId, Track.Kind trackKind, MatchingRun.Kind kind,
                                   int pairings, int waitlisted, double totalScore, Double lowestScore, long solverMillis,
                                   String method, Instant publishedAt) {
    public static final String TYPE = "MatchingRunPublished";
}
