package dev.mentorship.matching.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.matching.messaging.ParticipantEvents.ParticipantErased;
import dev.mentorship.matching.messaging.ParticipantEvents.ParticipantRegistered;
import dev.mentorship.matching.messaging.ParticipantEvents.ParticipantUpdated;
import dev.mentorship.matching.messaging.ParticipantEvents.ParticipantWithdrawn;
import dev.mentorship.matching.messaging.ProgramEvents.ProgramPublished;
import dev.mentorship.runtime.messaging.IncomingEvent;
import dev.mentorship.testing.CloudEventRecords;
import dev.mentorship.runtime.messaging.PoisonEventException;
import dev.mentorship.testing.ProducerContracts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event data this service reads, bound as the consumer binds it: what the producers' schemas require, what may be
 * missing (and reads as its default), what makes an event poison (a required field missing or null).
 */
class EventDataTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String PARTICIPANT_ID = "5b0e3c1a-7d2f-4e8b-9a6c-1f2d3e4a5b6c";

    private static <T> T bind(String type, String data, Class<T> target) {
        return IncomingEvent.read(CloudEventRecords.of(type, data), JSON).data(target);
    }

    private static String participant(String extra) {
        return """
                {"name": "Ada", "email": "ada@example.org", "affiliation": "Uni", "careerStage": "POSTDOC",
                 "timeZone": "Europe/Berlin", "interests": ["causal inference"], "availability": []%s}""".formatted(extra);
    }

    private static String registration(String extra) {
        return """
                {"registrationId": "0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f", "programId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                 "trackId": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "trackKind": "AUTHOR", "role": "MENTEE", "status": "ACTIVE",
                 "late": true, "priority": true, "answers": {"paperTitle": "Trials", "expertise": ["ehr"]},
                 "oneOnOneAvailabilityUtc": [{"startsAt": "2099-11-24T14:00:00Z", "endsAt": "2099-11-24T16:00:00Z"}],
                 "codeOfConductVersion": "1", "registeredAt": "2025-10-01T08:00:00Z", "updatedAt": "2025-10-01T08:00:00Z"%s}"""
                .formatted(extra);
    }

    @Test
    void aRegistrationAsTheProducerSendsItBindsWithTheFieldsMatchingUses() {
        String data = """
                {"participantId": "%s", "participant": %s, "registration": %s, "someFutureField": {"x": 1}}"""
                .formatted(PARTICIPANT_ID, participant(", \"interestsText\": \"trials\""), registration(""));
        ProducerContracts.assertValid(ParticipantRegistered.TYPE, data);
        ParticipantRegistered event = bind(ParticipantRegistered.TYPE, data, ParticipantRegistered.class);
        assertThat(event.participantId()).isEqualTo(UUID.fromString(PARTICIPANT_ID));
        assertThat(event.participant().interests()).containsExactly("causal inference");
        assertThat(event.participant().interestsText()).isEqualTo("trials");
        ParticipantEvents.Registration r = event.registration();
        assertThat(r.trackKind()).isEqualTo("AUTHOR");
        assertThat(r.late()).isTrue();
        assertThat(r.capacity()).isNull();
        assertThat(r.answers().paperTitle()).isEqualTo("Trials");
        assertThat(r.answers().paperSummary()).isEmpty();
        assertThat(r.answers().expertise()).containsExactly("ehr");
        assertThat(r.answers().areas()).isEmpty();
        assertThat(r.oneOnOneAvailabilityUtc()).containsExactly(new ParticipantEvents.UtcInterval(
                Instant.parse("2099-11-24T14:00:00Z"), Instant.parse("2099-11-24T16:00:00Z")));
        assertThat(r.registeredAt()).isEqualTo(Instant.parse("2025-10-01T08:00:00Z"));
    }

    @Test
    void optionalFieldsThatAreMissingOrNullReadAsTheirDefaults() {
        String data = """
                {"participantId": "%s", "participant": {"name": "Ada", "email": "ada@example.org", "affiliation": "Uni",
                  "timeZone": "UTC", "interestsText": null},
                 "registration": {"registrationId": "0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f",
                  "programId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "trackId": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
                  "trackKind": "CAREER", "role": "MENTOR", "status": "ACTIVE", "capacity": null, "late": null,
                  "registeredAt": "2025-10-01T08:00:00Z"}}""".formatted(PARTICIPANT_ID);
        ParticipantRegistered event = bind(ParticipantRegistered.TYPE, data, ParticipantRegistered.class);
        assertThat(event.participant().interests()).isEmpty();
        assertThat(event.participant().interestsText()).isEmpty();
        ParticipantEvents.Registration r = event.registration();
        assertThat(r.late()).isFalse();
        assertThat(r.capacity()).isNull();
        assertThat(r.answers()).isEqualTo(new ParticipantEvents.Answers("", "", List.of(), List.of(), List.of()));
        assertThat(r.oneOnOneAvailabilityUtc()).isEmpty();
    }

    @Test
    void anUpdateCarriesTheProfileAndEveryActiveRegistration() {
        String data = """
                {"participantId": "%s", "changes": ["PROFILE", "SOMETHING_NEW"], "participant": %s, "registrations": [%s],
                 "updatedAt": "2025-10-02T08:00:00Z"}""".formatted(PARTICIPANT_ID, participant(""), registration(", \"capacity\": 2"));
        ProducerContracts.assertValid(ParticipantUpdated.TYPE, data);
        ParticipantUpdated event = bind(ParticipantUpdated.TYPE, data, ParticipantUpdated.class);
        assertThat(event.participant().name()).isEqualTo("Ada");
        assertThat(event.registrations()).singleElement().satisfies(r -> assertThat(r.capacity()).isEqualTo(2));
    }

    @Test
    void withdrawalsErasuresAndProgramsBindTheIdsMatchingUses() {
        String withdrawn = """
                {"participantId": "%s", "registrationId": "0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f",
                 "programId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "trackId": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
                 "trackKind": "AUTHOR", "role": "MENTEE", "withdrawnAt": "2025-10-03T08:00:00Z"}""".formatted(PARTICIPANT_ID);
        ProducerContracts.assertValid(ParticipantWithdrawn.TYPE, withdrawn);
        assertThat(bind(ParticipantWithdrawn.TYPE, withdrawn, ParticipantWithdrawn.class).trackId())
                .isEqualTo(UUID.fromString("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"));
        String erased = "{\"participantId\": \"" + PARTICIPANT_ID + "\", \"erasedAt\": \"2025-10-04T08:00:00Z\"}";
        ProducerContracts.assertValid(ParticipantErased.TYPE, erased);
        assertThat(bind(ParticipantErased.TYPE, erased, ParticipantErased.class).participantId()).isEqualTo(UUID.fromString(PARTICIPANT_ID));

        String program = """
                {"programId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "name": "ML4H", "tracks": [
                  {"trackId": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "kind": "CAREER", "name": "Career", "menteesPerMentorMin": 3},
                  {"trackId": "3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f", "kind": "AUTHOR", "name": "Authors", "menteesPerMentorMax": null}]}""";
        ProgramPublished published = bind(ProgramPublished.TYPE, program, ProgramPublished.class);
        assertThat(published.tracks()).extracting(ProgramEvents.Track::menteesPerMentorMin).containsExactly(3, null);
        assertThat(published.tracks()).extracting(ProgramEvents.Track::menteesPerMentorMax).containsExactly(null, null);
    }

    @Test
    void aRequiredFieldMissingOrNullMakesTheEventPoison() {
        // a null participantId must never reach the erasure (it would match every "null" in the outbox)
        assertThatThrownBy(() -> bind(ParticipantErased.TYPE, "{\"participantId\": null}", ParticipantErased.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("participantId");
        assertThatThrownBy(() -> bind(ParticipantErased.TYPE, "{\"erasedAt\": \"2025-10-04T08:00:00Z\"}", ParticipantErased.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("participantId");
        String noName = """
                {"participantId": "%s", "participant": {"email": "ada@example.org", "affiliation": "Uni", "timeZone": "UTC"},
                 "registration": %s}""".formatted(PARTICIPANT_ID, registration(""));
        assertThatThrownBy(() -> bind(ParticipantRegistered.TYPE, noName, ParticipantRegistered.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("name");
        String nullRegistration = """
                {"participantId": "%s", "participant": %s, "registrations": [null]}""".formatted(PARTICIPANT_ID, participant(""));
        assertThatThrownBy(() -> bind(ParticipantUpdated.TYPE, nullRegistration, ParticipantUpdated.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("registrations");
        String intervalWithoutEnd = """
                {"participantId": "%s", "participant": %s, "registration": %s}""".formatted(PARTICIPANT_ID, participant(""),
                registration("").replace(", \"endsAt\": \"2099-11-24T16:00:00Z\"", ""));
        assertThatThrownBy(() -> bind(ParticipantRegistered.TYPE, intervalWithoutEnd, ParticipantRegistered.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("endsAt");
        assertThatThrownBy(() -> bind(ProgramPublished.TYPE, "{\"programId\": \"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\", \"name\": \"x\","
                + " \"tracks\": [{\"trackId\": \"2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e\", \"name\": \"Career\"}]}", ProgramPublished.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("kind");
    }
}
