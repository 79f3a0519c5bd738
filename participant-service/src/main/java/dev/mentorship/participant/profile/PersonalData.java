package dev.mentorship.participant.profile;

import dev.mentorship.participant.conduct.ConductReport;
import dev.mentorship.participant.registration.Registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything this service holds about one person, at one moment: what they may export (GET /me/export). */
public record PersonalData(UUID participantId, Instant exportedAt, Participant profile, SelfIdentification selfIdentification,
                           List<Registration> registrations, List<ConductReport> conductReportsFiled) {
}
