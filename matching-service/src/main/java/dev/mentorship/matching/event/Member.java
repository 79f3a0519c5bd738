package dev.mentorship.matching.event;

import dev.mentorship.matching.registration.Registration;

import java.util.UUID;

/** One side of a pairing as events carry it: who, and how to reach them. */
public record Member(UUID participantId, UUID registrationId, String name, String email, String timeZone) {

    public static Member of(Registration r) {
        return new Member(r.participantId, r.registrationId, r.name, r.email, r.timeZone);
    }
}
