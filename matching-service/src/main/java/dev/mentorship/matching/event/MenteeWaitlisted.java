package dev.mentorship.matching.event;

import dev.mentorship.matching.track.Track;

import java.time.Instant;
import java.util.UUID;

/** A mentee found no mentor and waits, at this position. Topic mentorship.pairings, key trackId. */
public record MenteeWaitlisted(UUID programId, UUID trackId, Track.Kind trackKind, Member mentee, int position,
                               String reason, boolean priority, Instant waitlistedAt) {
    public static final String TYPE = "MenteeWaitlisted";
}
