package dev.mentorship.matching.pairing.rest;

import dev.mentorship.matching.pairing.Pairing;

import java.time.Instant;
import java.util.UUID;

/** A pairing as the API shows it. */
public record PairingView(UUID id, UUID programId, UUID trackId, UUID mentorId, UUID menteeId,
                          Pairing.Status status, double score, String explanation, Instant createdAt) {

    public static PairingView of(Pairing p) {
        return new PairingView(p.id, p.programId, p.trackId, p.mentorId, p.menteeId, p.status, p.score,
                p.explanation, p.createdAt);
    }
}
