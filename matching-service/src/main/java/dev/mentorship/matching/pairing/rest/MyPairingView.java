package dev.mentorship.matching.pairing.rest;

import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.registration.Registration;
import dev.mentorship.matching.scoring.Explanation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A pairing as one of its members sees it: my role, my partner's name and contact (what the mentorship needs and
 * nothing else), and why we were paired.
 */
public record MyPairingView(UUID id, UUID programId, UUID trackId, Pairing.Status status, Registration.Role myRole,
                            Partner partner, double score, Explanation explanation, Instant createdAt, Instant dissolvedAt) {

    public record Partner(UUID participantId, String name, String email, String affiliation, String timeZone) {
    }

    public static MyPairingView of(Pairing p, UUID me, Map<UUID, Registration> people) {
        boolean mentor = p.mentorId.equals(me);
        Registration other = people.get(mentor ? p.menteeRegistrationId : p.mentorRegistrationId);
        Partner partner = other == null ? new Partner(mentor ? p.menteeId : p.mentorId, null, null, null, null)
                : new Partner(other.participantId, other.name, other.email, other.affiliation, other.timeZone);
        return new MyPairingView(p.id, p.programId, p.trackId, p.status, mentor ? Registration.Role.MENTOR : Registration.Role.MENTEE,
                partner, p.score, p.explanation, p.createdAt, p.dissolvedAt);
    }
}
