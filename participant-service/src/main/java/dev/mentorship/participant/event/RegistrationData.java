package dev.mentorship.participant.event;

import dev.mentorship.participant.profile.DatedInterval;
import dev.mentorship.participant.registration.Answers;
import dev.mentorship.participant.registration.Registration;
import dev.mentorship.participant.track.TrackOffer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A registration as events carry it: what matching and scheduling need. The one-on-one availability is given in
 * the person's time zone (in {@code answers}) and as UTC instants, so that consumers need no time zone rules.
 * Nothing derived from self-identification: waitlist priority travels on the internal topic only
 * ({@link WaitlistPriorityChanged}).
 */
public record RegistrationData(UUID registrationId, UUID programId, UUID trackId, TrackOffer.Kind trackKind,
                               Registration.Role role, Registration.Status status, boolean late,
                               Integer capacity, Answers answers, List<UtcInterval> oneOnOneAvailabilityUtc,
                               String codeOfConductVersion, Instant registeredAt, Instant updatedAt) {

    public record UtcInterval(Instant startsAt, Instant endsAt) {
    }

    public static RegistrationData of(Registration r, ZoneId zone) {
        List<DatedInterval> dated = r.answers.oneOnOneAvailability() == null ? List.of() : r.answers.oneOnOneAvailability();
        List<UtcInterval> utc = dated.stream()
                .map(i -> new UtcInterval(i.start(zone).toInstant(), i.end(zone).toInstant()))
                .toList();
        return new RegistrationData(r.id, r.programId, r.trackId, r.trackKind, r.role, r.status, r.late,
                r.capacity, r.answers, utc, r.codeOfConductVersion, r.registeredAt, r.updatedAt);
    }
}
