package dev.mentorship.matching.event;

import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.scoring.Explanation;
import dev.mentorship.matching.track.Track;

import java.time.Instant;
import java.util.UUID;

/** A mentor and a mentee were paired. Topic mentorship.pairings, key trackId. */
public record PairingCreated(UUID pairingId, UUID runId, UUID programId, UUID trackId, Track.Kind trackKind,
                             Pairing.Source source, Member mentor, Member mentee, double score, Explanation explanation,
                             Instant createdAt) {
    public static final String TYPE = "PairingCreated";
}
