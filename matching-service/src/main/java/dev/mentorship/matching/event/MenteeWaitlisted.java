package dev.mentorship.matching.event;

import dev.mentorship.matching.track.Track;

import java.time.Instant;
import java.util.UUID;

/**
 * A mentee found no mentor and waits. Topic mentorship.pairings, key trackId. Neither the mentee's priority nor their
 * place: both follow from what people confided (self-identification), which no public event may reveal.
 */
public record MenteeWaitlisted(UUID programId, UUID trackId, Track.Kind trackKind, Member mentee, String reason,
                               Instant waitlistedAt) {
    public static final String TYPE = "MenteeWaitlisted";
}
