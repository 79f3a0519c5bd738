package dev.mentorship.matching.pairing.rest;

import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.registration.Registration;
import dev.mentorship.matching.scoring.Explanation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A pairing as organizers see it: both members, the score and why. */
public record PairingView(UUID id, UUID programId, UUID trackId, Pairing.Status status, Member mentor, Member mentee,
                          double score, Explanation explanation, Pairing.Source source, UUID runId, Instant createdAt,
                          Instant dissolvedAt, Pairing.Ended dissolvedReason) {

    /** A member of a pairing with what the other member needs to get in touch. */
    public record Member(UUID participantId, UUID registrationId, String name, String email, String affiliation, String timeZone) {
        static Member of(UUID participantId, UUID registrationId, Map<UUID, Registration> people) {
            Registration r = people.get(registrationId);
            return r == null ? new Member(participantId, registrationId, null, null, null, null)
                    : new Member(participantId, registrationId, r.name, r.email, r.affiliation, r.timeZone);
        }
    }

    public static PairingView of(Pairing p, Map<UUID, Registration> people) {
        return new PairingView(p.id, p.programId, p.trackId, p.status, Member.of(p.mentorId, p.mentorRegistrationId, people),
                Member.of(p.menteeId, p.menteeRegistrationId, people), p.score, p.explanation, p.source, p.runId,
                p.createdAt, p.dissolvedAt, p.dissolvedReason);
    }
}
