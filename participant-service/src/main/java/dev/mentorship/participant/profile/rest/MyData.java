package dev.mentorship.participant.profile.rest;

import dev.mentorship.participant.profile.PersonalData;
import dev.mentorship.participant.registration.rest.RegistrationView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything participant-service holds about a person (GET /me/export). */
public record MyData(UUID participantId, Instant exportedAt, ProfileView profile, SelfIdentificationView selfIdentification,
                     List<MyRegistration> registrations, List<FiledReport> conductReportsFiled) {

    public static MyData of(PersonalData data) {
        return new MyData(data.participantId(), data.exportedAt(),
                data.profile() == null ? null : ProfileView.of(data.profile()), SelfIdentificationView.of(data.selfIdentification()),
                data.registrations().stream().map(r -> new MyRegistration(RegistrationView.of(r), r.withdrawalReason)).toList(),
                data.conductReportsFiled().stream().map(r -> new FiledReport(r.id, r.programId, r.about, r.description,
                        r.occurredOn, r.location, r.filedAt)).toList());
    }

    /** A registration with, where withdrawn, the reason given. */
    public record MyRegistration(RegistrationView registration, String withdrawalReason) {
    }

    /** A conduct report this person filed, in their words. */
    public record FiledReport(UUID id, UUID programId, String about, String description, java.time.LocalDate occurredOn,
                              String location, Instant filedAt) {
    }
}
