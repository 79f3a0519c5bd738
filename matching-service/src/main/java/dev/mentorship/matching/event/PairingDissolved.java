package dev.mentorship.matching.event;

import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.track.Track;

import java.time.Instant;
import java.util.UUID;

/** A pairing ended (an organizer dissolved it, a member withdrew or was erased). Topic mentorship.pairings, key trackId. */
public record PairingDissolved(UUID pairingId, UUID programId, UUID trackId, Track.Kind trackKind, UUID mentorId,
                               UUID menteeId, Pairing.Ended reason, Instant dissolvedAt) {
    public static final String TYPE = "PairingDissolved";
}
