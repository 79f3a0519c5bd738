package dev.mentorship.participant.registration.rest;

import dev.mentorship.participant.registration.TrackPolicy;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** A track's registration policy. */
public record TrackPolicyView(UUID trackId, boolean prioritiseSelfIdentified, Instant updatedAt) {

    /** What an organizer sends. */
    public record Input(@NotNull Boolean prioritiseSelfIdentified) {
    }

    public static TrackPolicyView of(TrackPolicy p) {
        return new TrackPolicyView(p.trackId, p.prioritiseSelfIdentified, p.updatedAt);
    }
}
