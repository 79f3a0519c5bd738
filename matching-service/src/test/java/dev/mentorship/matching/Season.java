package dev.mentorship.matching;

import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.StaffEvents;
import dev.mentorship.testing.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A program and its people as the other services announce them, sent to the real broker: ProgramPublished as
 * schedule-service sends it, ParticipantRegistered/Updated/Withdrawn/Erased as participant-service does.
 */
public final class Season implements AutoCloseable {

    public final String programId = UUID.randomUUID().toString();
    public final String author = UUID.randomUUID().toString();
    public final String career = UUID.randomUUID().toString();
    /** The milestone whose end ends the author track's pairings (its submission deadline), far ahead until moved. */
    public final String authorEnd = UUID.randomUUID().toString();
    private final EventProducer events = new EventProducer();

    /** A registered person: their user name, participant id and registration id. */
    public record Person(String user, String participantId, String registrationId, String trackId, String role) {
    }

    public Season publish() {
        String data = """
                {"programId": "%s", "conference": "ML4H", "name": "ML4H Test", "timeZone": "AoE",
                 "publishedAt": "2026-01-01T00:00:00Z", "codeOfConduct": {"title": "Code", "version": "1"},
                 "tracks": [
                  {"trackId": "%s", "key": "author", "kind": "AUTHOR", "name": "Author track", "topics": [],
                   "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "2020-01-01T00:00:00Z",
                     "applicationDeadline": "2099-01-01T00:00:00Z", "closesAt": "2099-01-01T00:00:00Z", "rolling": true},
                   "milestones": [],
                   "pairingsEnd": {"milestoneId": "%s", "milestoneKey": "submission-deadline",
                     "milestoneName": "Paper submission deadline", "endsAt": "2099-09-09T11:59:59Z"}},
                  {"trackId": "%s", "key": "career", "kind": "CAREER", "name": "Career track",
                   "topics": ["long-term research plan", "work-life balance"], "menteesPerMentorMin": 3, "menteesPerMentorMax": 4,
                   "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "2020-01-01T00:00:00Z",
                     "applicationDeadline": "2099-01-01T00:00:00Z", "closesAt": "2099-01-01T00:00:00Z", "rolling": false},
                   "milestones": []}]}""".formatted(programId, author, authorEnd, career);
        // olivia organizes it (every grant), as schedule-service announces its staff
        StaffEvents.organizers(events, UUID.fromString(programId), "olivia");
        events.send("mentorship.programs", programId, "ProgramPublished", UUID.randomUUID().toString(),
                "/mentorship/schedule-service", data);
        awaitCount("select count(*)::text from track where program_id = '" + programId + "'", 2);
        awaitCount("select count(*)::text from program_staff where program_id = '" + programId + "'", 1);
        return this;
    }

    /** An author-track mentor or mentee with these interests. */
    public Person author(String user, String role, Integer capacity, String... interests) {
        return register(user, author, "AUTHOR", role, capacity, false, List.of(interests), List.of(), List.of());
    }

    /** An author-track mentee with waitlist priority (their track's policy and their self-identification gave it). */
    public Person priorityMentee(String user, String... interests) {
        return register(user, author, "AUTHOR", "MENTEE", null, true, List.of(interests), List.of(), List.of());
    }

    /** A career-track mentor or mentee with these topics, free on these UTC intervals. */
    public Person careerPerson(String user, String role, Integer capacity, List<String> topics, List<String[]> intervals) {
        return register(user, career, "CAREER", role, capacity, false, List.of(), topics, intervals);
    }

    private Person register(String user, String trackId, String kind, String role, Integer capacity, boolean priority, List<String> interests,
                            List<String> topics, List<String[]> intervals) {
        String participantId = Tokens.subject(user);
        String registrationId = UUID.randomUUID().toString();
        if ("MENTEE".equals(role)) {
            // the priority first, on the internal topic: it may well arrive before the registration
            priority(participantId, registrationId, trackId, priority);
        }
        String data = """
                {"participantId": "%s", "participant": %s, "registration": %s}""".formatted(participantId,
                participant(user + " Test", user, interests),
                registration(registrationId, trackId, kind, role, capacity, priority, topics, intervals));
        events.send("mentorship.participants", participantId, "ParticipantRegistered", UUID.randomUUID().toString(),
                "/mentorship/participant-service", data);
        awaitCount("select count(*)::text from registration where registration_id = '" + registrationId + "'", 1);
        return new Person(user, participantId, registrationId, trackId, role);
    }

    /**
     * ParticipantUpdated for an author-track person with one registration: their name, waitlist priority, capacity
     * (mentors) and interests as they are now.
     */
    public void update(Person person, String name, boolean priority, Integer capacity, String... interests) {
        String data = """
                {"participantId": "%s", "changes": ["PROFILE", "REGISTRATION"], "participant": %s,
                 "registrations": [%s], "updatedAt": "%s"}""".formatted(person.participantId(),
                participant(name, person.user(), List.of(interests)),
                registration(person.registrationId(), person.trackId(), "AUTHOR", person.role(), capacity, priority,
                        List.of(), List.of()), Instant.now());
        events.send("mentorship.participants", person.participantId(), "ParticipantUpdated", UUID.randomUUID().toString(),
                "/mentorship/participant-service", data);
        if ("MENTEE".equals(person.role())) {
            priority(person.participantId(), person.registrationId(), person.trackId(), priority);
        }
    }

    /** WaitlistPriorityChanged, as participant-service sends it on the internal topic mentorship.confidential. */
    private void priority(String participantId, String registrationId, String trackId, boolean priority) {
        events.send("mentorship.confidential", registrationId, "WaitlistPriorityChanged", UUID.randomUUID().toString(),
                "/mentorship/participant-service", """
                        {"registrationId": "%s", "participantId": "%s", "programId": "%s", "trackId": "%s", "priority": %s,
                         "changedAt": "%s"}""".formatted(registrationId, participantId, programId, trackId, priority, Instant.now()));
    }

    private static String participant(String name, String user, List<String> interests) {
        return """
                {"name": "%s", "email": "%s", "affiliation": "Affiliation of %s", "careerStage": "PHD_STUDENT",
                 "timeZone": "Europe/Berlin", "interests": %s, "interestsText": "%s", "availability": []}""".formatted(
                name, Tokens.email(user), user, json(interests), String.join(" ", interests));
    }

    private String registration(String registrationId, String trackId, String kind, String role, Integer capacity,
                                boolean priority, List<String> topics, List<String[]> intervals) {
        String answers = "MENTOR".equals(role)
                ? "{\"expertise\": [], \"capacity\": " + capacity + (topics.isEmpty() ? "" : ", \"topics\": " + json(topics)) + "}"
                : "{\"topics\": " + json(topics) + "}";
        String utc = intervals.stream().map(i -> "{\"startsAt\": \"" + i[0] + "\", \"endsAt\": \"" + i[1] + "\"}")
                .collect(Collectors.joining(", ", "[", "]"));
        String now = Instant.now().toString();
        return """
                {"registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "%s",
                 "role": "%s", "status": "ACTIVE", "late": false, "capacity": %s, "answers": %s,
                 "oneOnOneAvailabilityUtc": %s, "codeOfConductVersion": "1",
                 "registeredAt": "%s", "updatedAt": "%s"}""".formatted(registrationId, programId, trackId, kind, role,
                capacity == null ? "null" : capacity.toString(), answers, utc, now, now);
    }

    public void withdraw(Person person) {
        String data = """
                {"participantId": "%s", "registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                 "role": "%s", "withdrawnAt": "%s"}""".formatted(person.participantId(), person.registrationId(), programId,
                person.trackId(), person.role(), Instant.now());
        events.send("mentorship.participants", person.participantId(), "ParticipantWithdrawn", UUID.randomUUID().toString(),
                "/mentorship/participant-service", data);
    }

    /** MilestoneRescheduled as schedule-service sends it when the author track's last milestone moves to {@code endsAt}. */
    public void moveAuthorEnd(Instant endsAt) {
        events.send("mentorship.programs", programId, "MilestoneRescheduled", UUID.randomUUID().toString(),
                "/mentorship/schedule-service", """
                        {"changeId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "milestoneId": "%s",
                         "milestoneKey": "submission-deadline", "milestoneName": "Paper submission deadline",
                         "milestoneType": "SUBMISSION_DEADLINE", "audience": ["MENTEE", "MENTOR"], "timeZone": "AoE",
                         "previous": {"date": "2099-09-08", "dueAt": "2099-09-09T11:59:59Z", "localRendering": "September 8, 2099 AoE"},
                         "current": {"date": "2000-01-01", "dueAt": "%s", "localRendering": "January 1, 2000 AoE"},
                         "summary": "moved", "reason": "", "changedAt": "%s", "pairingsEndAt": "%s"}"""
                        .formatted(UUID.randomUUID(), programId, author, authorEnd, endsAt, Instant.now(), endsAt));
        awaitCount("select count(*)::text from track where track_id = '" + author + "' and pairings_end_at = '" + endsAt + "'", 1);
    }

    public void erase(Person person) {
        events.send("mentorship.participants", person.participantId(), "ParticipantErased", UUID.randomUUID().toString(),
                "/mentorship/participant-service",
                "{\"participantId\": \"" + person.participantId() + "\", \"erasedAt\": \"" + Instant.now() + "\"}");
    }

    public static void awaitCount(String sql, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Integer.parseInt(Database.query(sql).get(0)) == count) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Never got " + count + " from " + sql + " (last: " + Database.query(sql) + ")");
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public void close() {
        events.close();
    }
}
