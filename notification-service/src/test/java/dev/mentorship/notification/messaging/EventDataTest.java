package dev.mentorship.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.notification.messaging.PairingEvents.MenteeWaitlisted;
import dev.mentorship.notification.messaging.PairingEvents.PairingCreated;
import dev.mentorship.notification.messaging.PairingEvents.PairingDissolved;
import dev.mentorship.notification.messaging.ParticipantEvents.ConductReportFiled;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantErased;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantRegistered;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantUpdated;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantWithdrawn;
import dev.mentorship.notification.messaging.ProgramEvents.Milestone;
import dev.mentorship.notification.messaging.ProgramEvents.MilestoneRescheduled;
import dev.mentorship.notification.messaging.ProgramEvents.ProgramPublished;
import dev.mentorship.notification.messaging.ScheduleEvents.DeadlineApproaching;
import dev.mentorship.notification.messaging.ScheduleEvents.Meeting;
import dev.mentorship.notification.messaging.ScheduleEvents.PairingInactive;
import dev.mentorship.runtime.messaging.IncomingEvent;
import dev.mentorship.testing.CloudEventRecords;
import dev.mentorship.runtime.messaging.PoisonEventException;
import dev.mentorship.testing.ProducerContracts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event data this service reads, bound as the consumer binds it: each type it handles, as its producer sends it
 * (valid against the producer's schema), with the fields notifications use; what may be missing and reads as its
 * default, as it always did here; what makes an event poison (a required field missing).
 */
class EventDataTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String PARTICIPANT_ID = "5b0e3c1a-7d2f-4e8b-9a6c-1f2d3e4a5b6c";
    private static final String OTHER_ID = "6c1f4d2b-8e3a-4f9c-8b7d-2a3e4f5b6c7d";
    private static final String REGISTRATION_ID = "0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f";
    private static final String PROGRAM_ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String TRACK_ID = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
    private static final String PAIRING_ID = "3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f";
    private static final String MEETING_ID = "4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f8a";

    private static <T> T bind(String type, String data, Class<T> target) {
        return IncomingEvent.read(CloudEventRecords.of(type, data), JSON).data(target);
    }

    private static String registration(boolean late) {
        return """
                {"registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "role": "MENTEE",
                 "status": "ACTIVE", "late": %s, "priority": false, "capacity": null, "answers": {}, "oneOnOneAvailabilityUtc": [],
                 "codeOfConductVersion": "2", "registeredAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}"""
                .formatted(REGISTRATION_ID, PROGRAM_ID, TRACK_ID, late);
    }

    private static String participant() {
        return """
                {"name": "Ada", "email": "ada@example.org", "affiliation": "Uni", "careerStage": "POSTDOC",
                 "timeZone": "Europe/Berlin", "interests": [], "availability": []}""";
    }

    private static String member(String participantId, String name) {
        return """
                {"participantId": "%s", "registrationId": "%s", "name": "%s", "email": "%s@example.org", "timeZone": "Asia/Tokyo"}"""
                .formatted(participantId, UUID.randomUUID(), name, name.toLowerCase());
    }

    private static String party(String participantId, String name, String localStart) {
        return """
                {"participantId": "%s", "name": "%s", "email": "%s@example.org", "timeZone": "Europe/Berlin", "localStart": "%s"}"""
                .formatted(participantId, name, name.toLowerCase(), localStart);
    }

    private static String meeting(String extra) {
        return """
                {"meetingId": "%s", "pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "kind": "FEEDBACK",
                 "number": 2, "startsAt": "2099-07-22T15:00:00Z", "endsAt": "2099-07-22T16:00:00Z", "durationMinutes": 60, "sequence": 3,
                 "icsUid": "meeting-1@meetings.mentorship", "mentor": %s,
                 "mentee": {"participantId": "%s", "name": null, "email": null, "timeZone": null, "localStart": null}%s}"""
                .formatted(MEETING_ID, PAIRING_ID, PROGRAM_ID, TRACK_ID, party(PARTICIPANT_ID, "Maria", "Wednesday, July 22, 2099, 17:00 (Europe/Berlin)"),
                        OTHER_ID, extra);
    }

    @Test
    void participantEventsBindWithTheFieldsNotificationsUse() {
        String data = """
                {"participantId": "%s", "participant": %s, "registration": %s, "someFutureField": {"x": 1}}"""
                .formatted(PARTICIPANT_ID, participant(), registration(true));
        ProducerContracts.assertValid(ParticipantRegistered.TYPE, data);
        ParticipantRegistered registered = bind(ParticipantRegistered.TYPE, data, ParticipantRegistered.class);
        assertThat(registered.participantId()).isEqualTo(UUID.fromString(PARTICIPANT_ID));
        assertThat(List.of(registered.participant().name(), registered.participant().email(), registered.participant().timeZone()))
                .containsExactly("Ada", "ada@example.org", "Europe/Berlin");
        ParticipantEvents.Registration r = registered.registration();
        assertThat(List.of(r.registrationId(), r.programId(), r.trackId()))
                .containsExactly(UUID.fromString(REGISTRATION_ID), UUID.fromString(PROGRAM_ID), UUID.fromString(TRACK_ID));
        assertThat(List.of(r.role(), r.status(), r.codeOfConductVersion())).containsExactly("MENTEE", "ACTIVE", "2");
        assertThat(r.late()).isTrue();

        String update = """
                {"participantId": "%s", "changes": ["PROFILE"], "participant": %s, "registrations": [%s],
                 "updatedAt": "2026-01-02T00:00:00Z"}""".formatted(PARTICIPANT_ID, participant(), registration(false));
        ProducerContracts.assertValid(ParticipantUpdated.TYPE, update);
        assertThat(bind(ParticipantUpdated.TYPE, update, ParticipantUpdated.class).registrations()).singleElement()
                .satisfies(one -> assertThat(one.late()).isFalse());

        String withdrawn = """
                {"participantId": "%s", "registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                 "role": "MENTEE", "withdrawnAt": "2026-01-03T00:00:00Z"}""".formatted(PARTICIPANT_ID, REGISTRATION_ID, PROGRAM_ID, TRACK_ID);
        ProducerContracts.assertValid(ParticipantWithdrawn.TYPE, withdrawn);
        assertThat(bind(ParticipantWithdrawn.TYPE, withdrawn, ParticipantWithdrawn.class).registrationId())
                .isEqualTo(UUID.fromString(REGISTRATION_ID));
        String erased = "{\"participantId\": \"" + PARTICIPANT_ID + "\", \"erasedAt\": \"2026-01-04T00:00:00Z\"}";
        ProducerContracts.assertValid(ParticipantErased.TYPE, erased);
        assertThat(bind(ParticipantErased.TYPE, erased, ParticipantErased.class).participantId()).isEqualTo(UUID.fromString(PARTICIPANT_ID));
        String report = "{\"reportId\": \"" + OTHER_ID + "\", \"filedAt\": \"2026-01-05T00:00:00Z\"}";
        ProducerContracts.assertValid(ConductReportFiled.TYPE, report);
        assertThat(bind(ConductReportFiled.TYPE, report, ConductReportFiled.class).reportId()).isEqualTo(UUID.fromString(OTHER_ID));
    }

    @Test
    void pairingEventsBindWithTheirMembers() {
        String created = """
                {"pairingId": "%s", "runId": null, "programId": "%s", "trackId": "%s", "trackKind": "CAREER", "source": "RUN",
                 "mentor": %s, "mentee": %s, "score": 0.62, "explanation": {"score": 0.62, "rules": [], "summary": "Score 62/100."},
                 "createdAt": "2026-01-01T00:00:00Z"}""".formatted(PAIRING_ID, PROGRAM_ID, TRACK_ID, member(PARTICIPANT_ID, "Maria"),
                member(OTHER_ID, "Anna"));
        ProducerContracts.assertValid(PairingCreated.TYPE, created);
        PairingCreated pairing = bind(PairingCreated.TYPE, created, PairingCreated.class);
        assertThat(List.of(pairing.pairingId(), pairing.programId(), pairing.trackId()))
                .containsExactly(UUID.fromString(PAIRING_ID), UUID.fromString(PROGRAM_ID), UUID.fromString(TRACK_ID));
        assertThat(pairing.trackKind()).isEqualTo("CAREER");
        assertThat(pairing.why()).isEqualTo("Score 62/100.");
        assertThat(pairing.mentor().participantId()).isEqualTo(UUID.fromString(PARTICIPANT_ID));
        assertThat(List.of(pairing.mentee().name(), pairing.mentee().email(), pairing.mentee().timeZoneOr("UTC")))
                .containsExactly("Anna", "anna@example.org", "Asia/Tokyo");

        String waitlisted = """
                {"programId": "%s", "trackId": "%s", "trackKind": "REVIEWER", "mentee": %s, "reason": "NO_CAPACITY",
                 "waitlistedAt": "2026-01-01T00:00:00Z"}""".formatted(PROGRAM_ID, TRACK_ID, member(OTHER_ID, "Anna"));
        ProducerContracts.assertValid(MenteeWaitlisted.TYPE, waitlisted);
        MenteeWaitlisted waiting = bind(MenteeWaitlisted.TYPE, waitlisted, MenteeWaitlisted.class);
        assertThat(waiting.reason()).isEqualTo(MenteeWaitlisted.NO_CAPACITY);
        assertThat(waiting.mentee().email()).isEqualTo("anna@example.org");

        String dissolved = """
                {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "mentorId": "%s", "menteeId": "%s",
                 "reason": "WITHDRAWN", "dissolvedAt": "2026-01-02T00:00:00Z"}""".formatted(PAIRING_ID, PROGRAM_ID, TRACK_ID, PARTICIPANT_ID, OTHER_ID);
        ProducerContracts.assertValid(PairingDissolved.TYPE, dissolved);
        PairingDissolved ended = bind(PairingDissolved.TYPE, dissolved, PairingDissolved.class);
        assertThat(List.of(ended.mentorId(), ended.menteeId())).containsExactly(UUID.fromString(PARTICIPANT_ID), UUID.fromString(OTHER_ID));
        assertThat(ended.reason()).isEqualTo(PairingDissolved.WITHDRAWN);
    }

    @Test
    void programEventsBindTheTracksAndTheMovedMilestone() {
        String published = """
                {"programId": "%s", "conference": "ML4H", "name": "ML4H Test", "timeZone": "AoE", "frontendUrl": "https://ml4h.example/",
                 "publishedAt": "2026-01-01T00:00:00Z", "codeOfConduct": {"title": "Code", "version": "1"},
                 "tracks": [{"trackId": "%s", "key": "author", "kind": "AUTHOR", "name": "Author Mentorship", "topics": [],
                   "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "2020-01-01T00:00:00Z",
                     "applicationDeadline": "2099-01-01T00:00:00Z", "closesAt": "2099-01-01T00:00:00Z", "rolling": true},
                   "milestones": [{"milestoneId": "%s", "key": "first-contact", "name": "First contact", "type": "FIRST_CONTACT_DUE",
                     "window": false, "audience": ["MENTEE"], "date": "2099-07-16", "timeZone": "AoE", "dueAt": "2099-07-17T11:59:59Z",
                     "localRendering": "July 16, 2099 AoE", "reminders": []}]}]}""".formatted(PROGRAM_ID, TRACK_ID, UUID.randomUUID());
        ProducerContracts.assertValid(ProgramPublished.TYPE, published);
        ProgramPublished program = bind(ProgramPublished.TYPE, published, ProgramPublished.class);
        assertThat(List.of(program.name(), program.frontendUrl())).containsExactly("ML4H Test", "https://ml4h.example/");
        assertThat(program.tracks()).singleElement().satisfies(track -> {
            assertThat(List.of(track.name(), track.kind())).containsExactly("Author Mentorship", "AUTHOR");
            assertThat(track.milestones()).containsExactly(
                    new Milestone(Milestone.FIRST_CONTACT_DUE, Instant.parse("2099-07-17T11:59:59Z"), "July 16, 2099 AoE",
                            "first-contact", "First contact", null));
            assertThat(track.registration().closesAt()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
        });

        String moved = """
                {"changeId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "milestoneId": "%s",
                 "milestoneKey": "submission", "milestoneName": "Paper submission deadline", "milestoneType": "SUBMISSION_DEADLINE",
                 "audience": ["MENTEE", "MENTOR"], "timeZone": "AoE",
                 "previous": {"date": "2099-09-01", "dueAt": "2099-09-02T11:59:59Z", "localRendering": "September 1, 2099 AoE"},
                 "current": {"date": "2099-09-08", "dueAt": "2099-09-09T11:59:59Z", "localRendering": "September 8, 2099 AoE"},
                 "summary": "moved 7 days later", "reason": "", "changedAt": "2026-01-01T00:00:00Z"}"""
                .formatted(UUID.randomUUID(), PROGRAM_ID, TRACK_ID, UUID.randomUUID());
        ProducerContracts.assertValid(MilestoneRescheduled.TYPE, moved);
        MilestoneRescheduled change = bind(MilestoneRescheduled.TYPE, moved, MilestoneRescheduled.class);
        assertThat(change.audience()).containsExactly("MENTEE", "MENTOR");
        assertThat(change.current().dueAt()).isEqualTo(Instant.parse("2099-09-09T11:59:59Z"));
        assertThat(List.of(change.previousRendering(), change.current().localRendering(), change.summary(), change.reason()))
                .containsExactly("September 1, 2099 AoE", "September 8, 2099 AoE", "moved 7 days later", "");
    }

    @Test
    void scheduleEventsBindTheDeadlineTheMeetingAndBothParties() {
        String deadline = """
                {"reminderId": "%s", "programId": "%s", "programName": "ML4H Test", "trackId": "%s", "trackKey": "author",
                 "trackKind": "AUTHOR", "trackName": "Author Mentorship", "milestoneId": "%s", "milestoneKey": "submission",
                 "milestoneName": "Paper submission deadline", "milestoneType": "SUBMISSION_DEADLINE", "audience": ["MENTEE"],
                 "dueAt": "2099-09-09T11:59:59Z", "endsAt": null, "timeZone": "AoE", "localRendering": "September 8, 2099 AoE",
                 "lead": "P7D"}""".formatted(UUID.randomUUID(), PROGRAM_ID, TRACK_ID, UUID.randomUUID());
        ProducerContracts.assertValid(DeadlineApproaching.TYPE, deadline);
        DeadlineApproaching due = bind(DeadlineApproaching.TYPE, deadline, DeadlineApproaching.class);
        assertThat(due.lead()).isEqualTo(Duration.ofDays(7));
        assertThat(due.dueAt()).isEqualTo(Instant.parse("2099-09-09T11:59:59Z"));
        assertThat(List.of(due.programName(), due.trackName(), due.milestoneName(), due.localRendering()))
                .containsExactly("ML4H Test", "Author Mentorship", "Paper submission deadline", "September 8, 2099 AoE");
        assertThat(due.audience()).containsExactly("MENTEE");

        String cancelled = meeting(", \"reason\": \"Conference travel\"");
        ProducerContracts.assertValid(Meeting.CANCELLED, cancelled);
        Meeting meeting = bind(Meeting.CANCELLED, cancelled, Meeting.class);
        assertThat(List.of(meeting.kind(), meeting.icsUid(), meeting.reason()))
                .containsExactly(Meeting.FEEDBACK, "meeting-1@meetings.mentorship", "Conference travel");
        assertThat(List.of(meeting.number(), meeting.sequence())).containsExactly(2, 3);
        assertThat(List.of(meeting.startsAt(), meeting.endsAt()))
                .containsExactly(Instant.parse("2099-07-22T15:00:00Z"), Instant.parse("2099-07-22T16:00:00Z"));
        assertThat(meeting.mentor().reachable()).isTrue();
        assertThat(meeting.mentor().localStart()).isEqualTo("Wednesday, July 22, 2099, 17:00 (Europe/Berlin)");
        // a party without a contact: known by id only
        assertThat(meeting.mentee().participantId()).isEqualTo(UUID.fromString(OTHER_ID));
        assertThat(meeting.mentee().reachable()).isFalse();
        assertThat(meeting.mentee().nameOr("your partner")).isEqualTo("your partner");

        String draft = meeting(", \"lead\": \"P3D\"");
        ProducerContracts.assertValid(Meeting.DRAFT_REMINDER, draft);
        assertThat(bind(Meeting.DRAFT_REMINDER, draft, Meeting.class).reason()).isEmpty();

        String inactive = """
                {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "mentor": %s,
                 "mentee": {"participantId": "%s"}, "lastActivityAt": "2099-07-01T00:00:00Z", "inactiveDays": 21,
                 "detectedAt": "2099-07-22T00:00:00Z"}""".formatted(PAIRING_ID, PROGRAM_ID, TRACK_ID, party(PARTICIPANT_ID, "Maria", "x"), OTHER_ID);
        ProducerContracts.assertValid(PairingInactive.TYPE, inactive);
        PairingInactive quiet = bind(PairingInactive.TYPE, inactive, PairingInactive.class);
        assertThat(quiet.inactiveDays()).isEqualTo(21);
        assertThat(quiet.mentor().nameOr("?")).isEqualTo("Maria");
        assertThat(quiet.mentee().reachable()).isFalse();
    }

    @Test
    void whatThisServiceAlwaysDidWithoutReadsAsItsDefault() {
        String registered = """
                {"participantId": "%s", "participant": {"name": "Ada", "email": "ada@example.org", "timeZone": "UTC"},
                 "registration": {"registrationId": "%s", "programId": "%s", "trackId": "%s", "role": "MENTOR", "status": null}}"""
                .formatted(PARTICIPANT_ID, REGISTRATION_ID, PROGRAM_ID, TRACK_ID);
        ParticipantEvents.Registration r = bind(ParticipantRegistered.TYPE, registered, ParticipantRegistered.class).registration();
        assertThat(List.of(r.status(), r.codeOfConductVersion())).containsExactly("ACTIVE", "");
        assertThat(r.late()).isFalse();
        assertThat(bind(ParticipantUpdated.TYPE, "{\"participantId\": \"" + PARTICIPANT_ID + "\", \"participant\": " + participant() + "}",
                ParticipantUpdated.class).registrations()).isEmpty();

        String pairing = """
                {"pairingId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                 "mentor": {"participantId": "%s", "name": "Maria", "email": "maria@example.org"},
                 "mentee": {"participantId": "%s", "name": "Anna", "email": "anna@example.org", "timeZone": null}}"""
                .formatted(PAIRING_ID, TRACK_ID, PARTICIPANT_ID, OTHER_ID);
        PairingCreated created = bind(PairingCreated.TYPE, pairing, PairingCreated.class);
        assertThat(created.why()).isEmpty();
        assertThat(created.programId()).isNull();
        assertThat(List.of(created.mentor().timeZoneOr("UTC"), created.mentee().timeZoneOr(""))).containsExactly("UTC", "");

        String program = "{\"programId\": \"" + PROGRAM_ID + "\", \"name\": \"ML4H Test\"}";
        ProgramPublished published = bind(ProgramPublished.TYPE, program, ProgramPublished.class);
        assertThat(published.frontendUrl()).isNull();
        assertThat(published.tracks()).isEmpty();

        String moved = """
                {"trackId": "%s", "milestoneName": "Paper submission deadline",
                 "current": {"dueAt": "2099-09-09T11:59:59Z"}}""".formatted(TRACK_ID);
        MilestoneRescheduled change = bind(MilestoneRescheduled.TYPE, moved, MilestoneRescheduled.class);
        assertThat(change.audience()).isEmpty();
        assertThat(List.of(change.previousRendering(), change.current().localRendering(), change.summary(), change.reason()))
                .containsExactly("", "", "moved", "");

        String meeting = """
                {"meetingId": "%s", "startsAt": "2099-07-22T15:00:00Z", "endsAt": "2099-07-22T16:00:00Z", "sequence": 1,
                 "icsUid": "meeting-1@meetings.mentorship", "mentor": {"participantId": "%s"}, "mentee": {"participantId": "%s"}}"""
                .formatted(MEETING_ID, PARTICIPANT_ID, OTHER_ID);
        Meeting bare = bind(Meeting.APPROACHING, meeting, Meeting.class);
        assertThat(List.of(bare.kind(), bare.reason())).containsExactly("", "");
        assertThat(bare.number()).isEqualTo(1);
        assertThat(bare.programId()).isNull();

        // optional in the producer's schema: a deadline without its track's name still binds
        String deadline = """
                {"programName": "ML4H Test", "trackId": "%s", "milestoneName": "Paper submission deadline",
                 "dueAt": "2099-09-09T11:59:59Z", "localRendering": "September 8, 2099 AoE", "lead": "PT2H"}""".formatted(TRACK_ID);
        DeadlineApproaching due = bind(DeadlineApproaching.TYPE, deadline, DeadlineApproaching.class);
        assertThat(due.trackName()).isNull();
        assertThat(due.audience()).isEmpty();
        assertThat(due.lead()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aRequiredFieldMissingMakesTheEventPoison() {
        assertThatThrownBy(() -> bind(ConductReportFiled.TYPE, "{\"filedAt\": \"2026-01-05T00:00:00Z\"}", ConductReportFiled.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("'reportId'");
        String noEmail = """
                {"pairingId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "mentor": {"participantId": "%s", "name": "Maria"},
                 "mentee": %s}""".formatted(PAIRING_ID, TRACK_ID, PARTICIPANT_ID, member(OTHER_ID, "Anna"));
        assertThatThrownBy(() -> bind(PairingCreated.TYPE, noEmail, PairingCreated.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("'email'");
        String noLead = """
                {"programName": "ML4H Test", "trackId": "%s", "milestoneName": "Paper submission deadline",
                 "dueAt": "2099-09-09T11:59:59Z", "localRendering": "September 8, 2099 AoE"}""".formatted(TRACK_ID);
        assertThatThrownBy(() -> bind(DeadlineApproaching.TYPE, noLead, DeadlineApproaching.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("'lead'");
        String noMentee = """
                {"trackId": "%s"}""".formatted(TRACK_ID);
        assertThatThrownBy(() -> bind(MenteeWaitlisted.TYPE, noMentee, MenteeWaitlisted.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("'mentee'");
        String wrongId = "{\"participantId\": \"not-a-uuid\", \"erasedAt\": \"2026-01-04T00:00:00Z\"}";
        assertThatThrownBy(() -> bind(ParticipantErased.TYPE, wrongId, ParticipantErased.class)).isInstanceOf(PoisonEventException.class);
    }
}
