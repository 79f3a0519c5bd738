package dev.mentorship.matching.run.rest;

import dev.mentorship.matching.run.PairConstraint;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A pair to pin or forbid, by registration ids. */
public record ConstraintInput(@NotNull UUID menteeRegistrationId, @NotNull UUID mentorRegistrationId) {

    /** A pin or forbid as it is kept. */
    @Schema(name = "ConstraintView", description = "A pin or forbid as it is kept")
    public record View(UUID id, UUID trackId, PairConstraint.Kind kind, UUID menteeRegistrationId, UUID mentorRegistrationId,
                       Instant createdAt) {
        public static View of(PairConstraint c) {
            return new View(c.id, c.trackId, c.kind, c.menteeRegistrationId, c.mentorRegistrationId, c.createdAt);
        }
    }
}
