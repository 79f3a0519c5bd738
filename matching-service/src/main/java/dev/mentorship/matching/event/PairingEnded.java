package dev.mentorship.matching.event;

import dev.mentorship.matching.track.Track;

import java.time.Instant;
import java.util.UUID;

/**
 * A pairing came to its end with its track's part of the program (the author track's submission deadline, the
 * reviewer track's revised reviews, the career track's one-on-one week): both members are thanked, nothing more is
 * scheduled for it. Topic mentorship.pairings, key trackId.
 */
public record PairingEnded(UUID pairingId, UUID programId, UUID trackId, Track.Kind trackKind, Member mentor,
                           Member mentee, Instant endedAt) {
    public static final String TYPE = "PairingEnded";
}
