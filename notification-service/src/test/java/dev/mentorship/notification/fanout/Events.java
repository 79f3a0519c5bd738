package dev.mentorship.notification.fanout;

import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.StaffEvents;
import dev.mentorship.testing.Tokens;

import java.util.List;
import java.util.UUID;

/** The other services' events, as they send them, for one test program. */
final class Events implements AutoCloseable {

    final String programId = UUID.randomUUID().toString();
    final String author = UUID.randomUUID().toString();
    final String reviewer = UUID.randomUUID().toString();
    private final EventProducer producer = new EventProducer();

    String send(String topic, String key, String type, String data) {
        String id = UUID.randomUUID().toString();
        producer.send(topic, key, type, id, "/test", data);
        return id;
    }

    void resend(String topic, String key, String type, String id, String data) {
        producer.send(topic, key, type, id, "/test", data);
    }

    void sendRaw(String topic, String key, String value) {
        producer.sendRaw(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value));
    }

    void programPublished() {
        programPublished(null);
    }

    /**
     * The test program, published; {@code frontendUrl} is its own frontend (null: none, as older events have none).
     * Its staff: olivia with every grant, oscar organizer only (no conduct contact).
     */
    void programPublished(String frontendUrl) {
        StaffEvents.staff(producer, UUID.fromString(programId), List.of(new StaffEvents.Member("olivia", StaffEvents.ALL_GRANTS),
                new StaffEvents.Member("oscar", List.of("ORGANIZER"))));
        send("mentorship.programs", programId, "ProgramPublished", """
                {"programId": "%s", "conference": "ML4H", "name": "ML4H Test", "timeZone": "AoE", %s"publishedAt": "2026-01-01T00:00:00Z",
                 "codeOfConduct": {"title": "ML4H Code of Conduct", "version": "1", "url": "https://ahli.cc/ml4h/code-of-conduct/",
                   "reportContact": "conduct-desk@ml4h.test"},
                 "tracks": [
                  {"trackId": "%s", "key": "author", "kind": "AUTHOR", "name": "Author Mentorship", "topics": [],
                   "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "2020-01-01T00:00:00Z", "applicationDeadline": "2099-01-01T00:00:00Z",
                     "closesAt": "2099-01-01T00:00:00Z", "rolling": true},
                   "milestones": [{"milestoneId": "%s", "key": "first-contact", "name": "First contact", "type": "FIRST_CONTACT_DUE",
                     "window": false, "audience": ["MENTEE"], "date": "2099-07-16", "timeZone": "AoE", "dueAt": "2099-07-17T11:59:59Z",
                     "localRendering": "July 16, 2099 AoE", "reminders": []}]},
                  {"trackId": "%s", "key": "reviewer", "kind": "REVIEWER", "name": "Reviewer Mentorship", "topics": [],
                   "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "2020-01-01T00:00:00Z", "applicationDeadline": "2099-01-01T00:00:00Z",
                     "closesAt": "2099-01-01T00:00:00Z", "rolling": false}, "milestones": []}]}"""
                .formatted(programId, frontendUrl == null ? "" : "\"frontendUrl\": \"" + frontendUrl + "\", ", author, UUID.randomUUID(),
                        reviewer));
        // the staff copy comes on its own topic: wait for it, so that organizer endpoints and notices find it
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!Database.query("select count(*)::text from program_staff where program_id = '" + programId + "'").equals(List.of("2"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the staff of " + programId + " never arrived");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Registers a person; returns their registration id. */
    String registered(String user, String trackId, String kind, String role, String zone, boolean late) {
        String registrationId = UUID.randomUUID().toString();
        send("mentorship.participants", Tokens.subject(user), "ParticipantRegistered", registeredData(user, registrationId, trackId, kind, role, zone, late));
        return registrationId;
    }

    /** The data of a ParticipantRegistered of this program. */
    String registeredData(String user, String registrationId, String trackId, String kind, String role, String zone, boolean late) {
        return """
                {"participantId": "%s",
                 "participant": {"name": "%s Test", "email": "%s", "affiliation": "Somewhere", "careerStage": "PHD_STUDENT",
                   "timeZone": "%s", "interests": [], "availability": []},
                 "registration": {"registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "%s", "role": "%s",
                   "status": "ACTIVE", "late": %s, "priority": false, "capacity": null, "answers": {}, "oneOnOneAvailabilityUtc": [],
                   "codeOfConductVersion": "1", "registeredAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}}"""
                .formatted(Tokens.subject(user), user, Tokens.email(user), zone, registrationId, programId, trackId, kind, role, late);
    }

    String pairingCreatedData(String mentor, String mentee) {
        return pairingCreatedData(UUID.randomUUID().toString(), mentor, mentee);
    }

    String pairingCreatedData(String pairingId, String mentor, String mentee) {
        return """
                {"pairingId": "%s", "runId": null, "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "source": "RUN",
                 "mentor": {"participantId": "%s", "registrationId": "%s", "name": "%s Test", "email": "%s", "timeZone": "Europe/Berlin"},
                 "mentee": {"participantId": "%s", "registrationId": "%s", "name": "%s Test", "email": "%s", "timeZone": "Asia/Tokyo"},
                 "score": 0.62, "explanation": {"score": 0.62, "sharedInterests": ["causal inference"], "rules": [],
                   "summary": "Score 62/100. Shared interests: causal inference, ehr."}, "createdAt": "2026-01-01T00:00:00Z"}"""
                .formatted(pairingId, programId, author, Tokens.subject(mentor), UUID.randomUUID(), mentor, Tokens.email(mentor),
                        Tokens.subject(mentee), UUID.randomUUID(), mentee, Tokens.email(mentee));
    }

    String deadline(String trackId, String audience) {
        return send("mentorship.schedule", programId, "DeadlineApproaching", """
                {"reminderId": "%s", "programId": "%s", "programName": "ML4H Test", "trackId": "%s", "trackKey": "author",
                 "trackKind": "AUTHOR", "trackName": "Author Mentorship", "milestoneId": "%s", "milestoneKey": "submission",
                 "milestoneName": "Paper submission deadline", "milestoneType": "SUBMISSION_DEADLINE", "audience": %s,
                 "dueAt": "2099-09-09T11:59:59Z", "endsAt": null, "timeZone": "AoE", "localRendering": "September 8, 2099 AoE",
                 "lead": "P7D"}""".formatted(UUID.randomUUID(), programId, trackId, UUID.randomUUID(), audience));
    }

    String meetingScheduled(String pairingId, String mentor, String mentee) {
        return meetingScheduled(UUID.randomUUID().toString(), pairingId, mentor, mentee);
    }

    String meetingScheduled(String meetingId, String pairingId, String mentor, String mentee) {
        return send("mentorship.schedule", pairingId, "MeetingScheduled", """
                {"meetingId": "%s", "pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "kind": "MENTORING",
                 "number": 1, "startsAt": "2099-07-22T15:00:00Z", "endsAt": "2099-07-22T16:00:00Z", "durationMinutes": 60, "sequence": 1,
                 "icsUid": "meeting-1@meetings.mentorship", "icsUrl": "http://127.0.0.1:8083/meetings/x.ics",
                 "mentor": {"participantId": "%s", "name": "%s Test", "email": "%s", "timeZone": "Europe/Berlin",
                   "localStart": "Wednesday, July 22, 2099, 17:00 (Europe/Berlin)"},
                 "mentee": {"participantId": "%s", "name": "%s Test", "email": "%s", "timeZone": "Asia/Tokyo",
                   "localStart": "Thursday, July 23, 2099, 00:00 (Asia/Tokyo)"}}"""
                .formatted(meetingId, pairingId, programId, author, Tokens.subject(mentor), mentor, Tokens.email(mentor),
                        Tokens.subject(mentee), mentee, Tokens.email(mentee)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
