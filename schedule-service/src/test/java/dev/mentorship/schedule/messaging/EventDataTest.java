package dev.mentorship.schedule.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.runtime.messaging.IncomingEvent;
import dev.mentorship.testing.CloudEventRecords;
import dev.mentorship.runtime.messaging.PoisonEventException;
import dev.mentorship.schedule.messaging.PairingEvents.PairingCreated;
import dev.mentorship.schedule.messaging.PairingEvents.PairingDissolved;
import dev.mentorship.schedule.messaging.ParticipantEvents.ParticipantErased;
import dev.mentorship.schedule.messaging.ParticipantEvents.ParticipantRegistered;
import dev.mentorship.schedule.messaging.ParticipantEvents.ParticipantUpdated;
import dev.mentorship.schedule.messaging.ParticipantEvents.ParticipantWithdrawn;
import dev.mentorship.schedule.people.Person;
import dev.mentorship.schedule.people.PersonRegistration;
import dev.mentorship.schedule.people.WeeklyInterval;
import dev.mentorship.testing.ProducerContracts;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event data this service reads, bound as the consumer binds it: what the producers' schemas require, what may be
 * missing (and reads as its default, as it always did here), what makes an event poison (a required field missing).
 */
class EventDataTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String PARTICIPANT_ID = "5b0e3c1a-7d2f-4e8b-9a6c-1f2d3e4a5b6c";
    private static final String REGISTRATION_ID = "0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f";
    private static final String PROGRAM_ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String TRACK_ID = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
    private static final String PAIRING_ID = "3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f";

    private static <T> T bind(String type, String data, Class<T> target) {
        return IncomingEvent.read(CloudEventRecords.of(type, data), JSON).data(target);
    }

    private static String participant() {
        return """
                {"name": "Ada", "email": "ada@example.org", "affiliation": "Uni", "careerStage": "POSTDOC",
                 "timeZone": "Europe/Berlin", "interests": ["causal inference"],
                 "availability": [{"day": "MONDAY", "from": "09:00", "to": "12:30"}]}""";
    }

    private static String registration(String status) {
        return """
                {"registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "CAREER", "role": "MENTEE",
                 "status": "%s", "late": false, "priority": false, "capacity": null, "answers": {"topics": ["jobs"]},
                 "oneOnOneAvailabilityUtc": [{"startsAt": "2099-11-24T14:00:00Z", "endsAt": "2099-11-24T16:00:00Z"}],
                 "codeOfConductVersion": "1", "registeredAt": "2025-10-01T08:00:00Z", "updatedAt": "2025-10-01T08:00:00Z"}"""
                .formatted(REGISTRATION_ID, PROGRAM_ID, TRACK_ID, status);
    }

    private static String member(String participantId) {
        return """
                {"participantId": "%s", "registrationId": "%s", "name": "Ada", "email": "ada@example.org",
                 "timeZone": "Europe/Berlin"}""".formatted(participantId, REGISTRATION_ID);
    }

    @Test
    void aRegistrationAsTheProducerSendsItBindsWithTheFieldsSchedulingUses() {
        String data = """
                {"participantId": "%s", "participant": %s, "registration": %s, "someFutureField": {"x": 1}}"""
                .formatted(PARTICIPANT_ID, participant(), registration("ACTIVE"));
        ProducerContracts.assertValid(ParticipantRegistered.TYPE, data);
        ParticipantRegistered event = bind(ParticipantRegistered.TYPE, data, ParticipantRegistered.class);
        assertThat(event.participantId()).isEqualTo(UUID.fromString(PARTICIPANT_ID));
        assertThat(event.participant().name()).isEqualTo("Ada");
        assertThat(event.participant().email()).isEqualTo("ada@example.org");
        assertThat(event.participant().timeZone()).isEqualTo("Europe/Berlin");
        assertThat(event.participant().availability())
                .containsExactly(new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 30)));
        ParticipantEvents.Registration r = event.registration();
        assertThat(r.registrationId()).isEqualTo(UUID.fromString(REGISTRATION_ID));
        assertThat(r.programId()).isEqualTo(UUID.fromString(PROGRAM_ID));
        assertThat(r.trackId()).isEqualTo(UUID.fromString(TRACK_ID));
        assertThat(r.role()).isEqualTo("MENTEE");
        assertThat(r.status()).isEqualTo("ACTIVE");
        assertThat(r.oneOnOneAvailabilityUtc()).containsExactly(new ParticipantEvents.UtcInterval(
                Instant.parse("2099-11-24T14:00:00Z"), Instant.parse("2099-11-24T16:00:00Z")));
    }

    @Test
    void whatThisServiceAlwaysDidWithoutReadsAsItsDefault() {
        String data = """
                {"participantId": "%s", "participant": {"name": "Ada", "email": "ada@example.org", "timeZone": "UTC"},
                 "registration": {"registrationId": "%s", "programId": "%s", "trackId": "%s", "role": "MENTOR",
                  "status": null}}""".formatted(PARTICIPANT_ID, REGISTRATION_ID, PROGRAM_ID, TRACK_ID);
        ParticipantRegistered event = bind(ParticipantRegistered.TYPE, data, ParticipantRegistered.class);
        assertThat(event.participant().availability()).isEmpty();
        assertThat(event.registration().status()).isEqualTo("ACTIVE");
        assertThat(event.registration().oneOnOneAvailabilityUtc()).isEmpty();
        String update = "{\"participantId\": \"" + PARTICIPANT_ID + "\", \"participant\": " + participant() + "}";
        assertThat(bind(ParticipantUpdated.TYPE, update, ParticipantUpdated.class).registrations()).isEmpty();
        String pairing = """
                {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                 "mentor": {"participantId": "%s", "registrationId": "%s"},
                 "mentee": {"participantId": "%s", "registrationId": "%s", "name": null}}"""
                .formatted(PAIRING_ID, PROGRAM_ID, TRACK_ID, PARTICIPANT_ID, REGISTRATION_ID, UUID.randomUUID(), UUID.randomUUID());
        PairingEvents.Member mentee = bind(PairingCreated.TYPE, pairing, PairingCreated.class).mentee();
        assertThat(List.of(mentee.name(), mentee.email(), mentee.timeZone())).containsExactly("", "", "UTC");
    }

    @Test
    void anUpdateCarriesTheProfileAndEveryActiveRegistration() {
        String data = """
                {"participantId": "%s", "changes": ["PROFILE", "SOMETHING_NEW"], "participant": %s, "registrations": [%s],
                 "updatedAt": "2025-10-02T08:00:00Z"}""".formatted(PARTICIPANT_ID, participant(), registration("ACTIVE"));
        ProducerContracts.assertValid(ParticipantUpdated.TYPE, data);
        ParticipantUpdated event = bind(ParticipantUpdated.TYPE, data, ParticipantUpdated.class);
        assertThat(event.participant().name()).isEqualTo("Ada");
        assertThat(event.registrations()).singleElement()
                .satisfies(r -> assertThat(r.registrationId()).isEqualTo(UUID.fromString(REGISTRATION_ID)));
    }

    @Test
    void withdrawalsAndErasuresBindTheIdsSchedulingUses() {
        String withdrawn = """
                {"participantId": "%s", "registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                 "role": "MENTEE", "withdrawnAt": "2025-10-03T08:00:00Z"}""".formatted(PARTICIPANT_ID, REGISTRATION_ID, PROGRAM_ID, TRACK_ID);
        ProducerContracts.assertValid(ParticipantWithdrawn.TYPE, withdrawn);
        assertThat(bind(ParticipantWithdrawn.TYPE, withdrawn, ParticipantWithdrawn.class).registrationId())
                .isEqualTo(UUID.fromString(REGISTRATION_ID));
        String erased = "{\"participantId\": \"" + PARTICIPANT_ID + "\", \"erasedAt\": \"2025-10-04T08:00:00Z\"}";
        ProducerContracts.assertValid(ParticipantErased.TYPE, erased);
        assertThat(bind(ParticipantErased.TYPE, erased, ParticipantErased.class).participantId())
                .isEqualTo(UUID.fromString(PARTICIPANT_ID));
    }

    @Test
    void pairingsAsMatchingSendsThemBindWithTheirMembers() {
        String mentee = UUID.randomUUID().toString();
        String created = """
                {"pairingId": "%s", "runId": null, "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "source": "RUN",
                 "mentor": %s, "mentee": %s, "score": 0.5, "explanation": {"score": 0.5, "rules": [], "summary": "test"},
                 "createdAt": "2025-06-01T00:00:00Z"}""".formatted(PAIRING_ID, PROGRAM_ID, TRACK_ID, member(PARTICIPANT_ID), member(mentee));
        ProducerContracts.assertValid(PairingCreated.TYPE, created);
        PairingCreated event = bind(PairingCreated.TYPE, created, PairingCreated.class);
        assertThat(event.pairingId()).isEqualTo(UUID.fromString(PAIRING_ID));
        assertThat(event.trackKind()).isEqualTo("AUTHOR");
        assertThat(event.mentor().participantId()).isEqualTo(UUID.fromString(PARTICIPANT_ID));
        assertThat(event.mentee().participantId()).isEqualTo(UUID.fromString(mentee));
        assertThat(event.mentee().registrationId()).isEqualTo(UUID.fromString(REGISTRATION_ID));
        assertThat(event.mentee().timeZone()).isEqualTo("Europe/Berlin");
        String dissolved = """
                {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "mentorId": "%s",
                 "menteeId": "%s", "reason": "ORGANIZER", "dissolvedAt": "2025-06-23T00:00:00Z"}"""
                .formatted(PAIRING_ID, PROGRAM_ID, TRACK_ID, PARTICIPANT_ID, mentee);
        ProducerContracts.assertValid(PairingDissolved.TYPE, dissolved);
        assertThat(bind(PairingDissolved.TYPE, dissolved, PairingDissolved.class).pairingId()).isEqualTo(UUID.fromString(PAIRING_ID));
    }

    @Test
    void aRequiredFieldMissingMakesTheEventPoison() {
        assertThatThrownBy(() -> bind(ParticipantErased.TYPE, "{\"erasedAt\": \"2025-10-04T08:00:00Z\"}", ParticipantErased.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("'participantId'");
        String noRegistrationId = """
                {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                 "mentor": {"participantId": "%s"}, "mentee": %s}"""
                .formatted(PAIRING_ID, PROGRAM_ID, TRACK_ID, PARTICIPANT_ID, member(PARTICIPANT_ID));
        assertThatThrownBy(() -> bind(PairingCreated.TYPE, noRegistrationId, PairingCreated.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("'registrationId'");
        String badInterval = """
                {"participantId": "%s", "participant": {"name": "Ada", "email": "ada@example.org", "timeZone": "UTC",
                  "availability": [{"day": "MONDAY", "from": "09:00"}]}, "registration": %s}"""
                .formatted(PARTICIPANT_ID, registration("ACTIVE"));
        assertThatThrownBy(() -> bind(ParticipantRegistered.TYPE, badInterval, ParticipantRegistered.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("'to'");
    }

    @Test
    void whatIsBoundIsKeptInTheColumnsAsBefore() {
        Person person = new Person();
        person.weekly(List.of(new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 30)),
                new WeeklyInterval(DayOfWeek.FRIDAY, LocalTime.of(16, 0), LocalTime.of(20, 0))));
        assertThat(person.availability)
                .isEqualTo("[{\"day\":\"MONDAY\",\"from\":\"09:00\",\"to\":\"12:30\"},{\"day\":\"FRIDAY\",\"from\":\"16:00\",\"to\":\"20:00\"}]");
        assertThat(person.weekly()).extracting(WeeklyInterval::day).containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        PersonRegistration registration = new PersonRegistration();
        registration.oneOnOne(List.of(new long[] {1, 2}, new long[] {3, 4}));
        assertThat(registration.oneOnOneUtc).isEqualTo("[[1,2],[3,4]]");
        assertThat(registration.oneOnOne()).containsExactly(new long[] {1, 2}, new long[] {3, 4});
        registration.oneOnOne(List.of());
        assertThat(registration.oneOnOneUtc).isEqualTo("[]");
    }
}
