package dev.mentorship.participant.registration.rest;

import dev.mentorship.participant.registration.Answers;
import dev.mentorship.participant.registration.Registration;
import dev.mentorship.participant.track.TrackOffer;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration as its owner sees it. {@code priority} (waitlist priority from self-identification) is confidential:
 * the owner sees theirs; organizers only with the program's confidential grant, else it is absent.
 */
public record RegistrationView(UUID id, UUID programId, UUID trackId, TrackOffer.Kind trackKind, Registration.Role role,
                               Registration.Status status, boolean late, Boolean priority, Integer capacity,
                               Answers answers, String codeOfConductVersion, Instant codeOfConductAcceptedAt,
                               Instant registeredAt, Instant updatedAt, Instant withdrawnAt) {

    /** Without what the reader may not see: the priority derived from self-identification. */
    public RegistrationView withoutConfidential() {
        return new RegistrationView(id, programId, trackId, trackKind, role, status, late, null, capacity, answers,
                codeOfConductVersion, codeOfConductAcceptedAt, registeredAt, updatedAt, withdrawnAt);
    }

    public static RegistrationView of(Registration r) {
        return new RegistrationView(r.id, r.programId, r.trackId, r.trackKind, r.role, r.status, r.late, r.priority,
                r.capacity, r.answers, r.codeOfConductVersion, r.codeOfConductAcceptedAt, r.registeredAt, r.updatedAt,
                r.withdrawnAt);
    }
}
