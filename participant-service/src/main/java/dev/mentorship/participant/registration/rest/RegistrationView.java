package dev.mentorship.participant.registration.rest;

import dev.mentorship.participant.registration.Registration;

import java.time.Instant;
import java.util.UUID;

/** A registration as the API shows it. */
public record RegistrationView(UUID id, UUID programId, UUID trackId, Registration.Role role,
                               Registration.Status status, Instant registeredAt) {

    public static RegistrationView of(Registration r) {
        return new RegistrationView(r.id, r.programId, r.trackId, r.role, r.status, r.registeredAt);
    }
}
