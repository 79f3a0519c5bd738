package dev.mentorship.notification.announcement;

import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.StaffEvents;
import dev.mentorship.testing.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;

/**
 * A program of two tracks (author, reviewer) with people in every status an announcement can be addressed by, as the
 * other services' events tell of them: mentees waiting (one of whom turned announcements off), a pair, a mentee who
 * waited and was paired, a mentee who waited and withdrew, a late mentee, a mentee of the other track who waits.
 */
public final class AnnouncementWorld {

    public final String programId = UUID.randomUUID().toString();
    public final String author = UUID.randomUUID().toString();
    public final String reviewer = UUID.randomUUID().toString();
    public final String tag = UUID.randomUUID().toString().substring(0, 6);
    /** Organizers of the program. */
    public final String olivia = "ann-olivia-" + tag;
    public final String oscar = "ann-oscar-" + tag;
    /** Author track: mentees waiting; the second turned announcements off. */
    public final String waiting = "ann-waiting-" + tag;
    public final String waitingOptedOut = "ann-quiet-" + tag;
    /** Author track: a pair. */
    public final String mentor = "ann-mentor-" + tag;
    public final String pairedMentee = "ann-paired-" + tag;
    /** Author track: waited, then paired. */
    public final String waitedThenPaired = "ann-waitedpaired-" + tag;
    /** Author track: waited, then withdrew. */
    public final String waitedThenWithdrew = "ann-withdrew-" + tag;
    /** Author track: registered late (active, not waiting). */
    public final String late = "ann-late-" + tag;
    /** Reviewer track: a mentee waiting. */
    public final String reviewerWaiting = "ann-revwait-" + tag;
    /** The pairing of mentor and pairedMentee. */
    public String pairing;

    List<String> everybody() {
        return List.of(waiting, waitingOptedOut, mentor, pairedMentee, waitedThenPaired, waitedThenWithdrew, late, reviewerWaiting);
    }

    public static AnnouncementWorld create() {
        AnnouncementWorld w = new AnnouncementWorld();
        try (EventProducer events = new EventProducer()) {
            StaffEvents.staff(events, UUID.fromString(w.programId), List.of(new StaffEvents.Member(w.olivia, StaffEvents.ALL_GRANTS),
                    new StaffEvents.Member(w.oscar, List.of("ORGANIZER"))));
            events.send("mentorship.programs", w.programId, "ProgramPublished", UUID.randomUUID().toString(), "/test", """
                    {"programId": "%s", "conference": "ANN", "name": "ANN 2026", "timeZone": "AoE", "publishedAt": "2026-01-01T00:00:00Z",
                     "codeOfConduct": {"title": "Code", "version": "1"},
                     "tracks": [
                      {"trackId": "%s", "key": "author", "kind": "AUTHOR", "name": "Author Mentorship", "topics": [],
                       "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "2020-01-01T00:00:00Z",
                         "applicationDeadline": "2099-01-01T00:00:00Z", "closesAt": "2099-01-01T00:00:00Z", "rolling": true}, "milestones": []},
                      {"trackId": "%s", "key": "reviewer", "kind": "REVIEWER", "name": "Reviewer Mentorship", "topics": [],
                       "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "2020-01-01T00:00:00Z",
                         "applicationDeadline": "2099-01-01T00:00:00Z", "closesAt": "2099-01-01T00:00:00Z", "rolling": false}, "milestones": []}]}"""
                    .formatted(w.programId, w.author, w.reviewer));
            String withdrawn = null;
            for (String user : w.everybody()) {
                String track = user.equals(w.reviewerWaiting) ? w.reviewer : w.author;
                String registration = registered(events, w, user, track, user.equals(w.mentor) ? "MENTOR" : "MENTEE", user.equals(w.late));
                if (user.equals(w.waitedThenWithdrew)) {
                    withdrawn = registration;
                }
            }
            for (String user : List.of(w.waiting, w.waitingOptedOut, w.waitedThenPaired, w.waitedThenWithdrew)) {
                waitlisted(events, w, user, w.author);
            }
            waitlisted(events, w, w.reviewerWaiting, w.reviewer);
            w.pairing = paired(events, w, w.mentor, w.pairedMentee);
            paired(events, w, w.mentor, w.waitedThenPaired);
            events.send("mentorship.participants", Tokens.subject(w.waitedThenWithdrew), "ParticipantWithdrawn", UUID.randomUUID().toString(),
                    "/test", """
                            {"participantId": "%s", "registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "role": "MENTEE",
                             "withdrawnAt": "2026-01-02T00:00:00Z"}"""
                            .formatted(Tokens.subject(w.waitedThenWithdrew), withdrawn, w.programId, w.author));
        }
        await("the world of " + w.programId, () -> count("select count(*)::text from membership where program_id = '" + w.programId + "'") == 8
                && count("select count(*)::text from program_staff where program_id = '" + w.programId + "'") == 2
                && count("select count(*)::text from member_pairing where track_id = '" + w.author + "'") == 2
                && count("select count(*)::text from membership where program_id = '" + w.programId + "' and status = 'WITHDRAWN'") == 1
                && count("select count(*)::text from waitlist_entry where participant_id in ('" + Tokens.subject(w.waiting) + "', '"
                + Tokens.subject(w.waitingOptedOut) + "', '" + Tokens.subject(w.reviewerWaiting) + "')") == 3
                && count("select count(*)::text from track_info where program_id = '" + w.programId + "'") == 2);
        // one of the waiting mentees turns announcements off
        given().auth().oauth2(Tokens.participant(w.waitingOptedOut)).contentType("application/json")
                .body("{\"deadlines\": true, \"meetings\": true, \"inactivity\": true, \"dailyDigest\": false, \"announcements\": false}")
                .put("/me/notification-preferences").then().statusCode(200);
        return w;
    }

    static String registered(EventProducer events, AnnouncementWorld w, String user, String trackId, String role, boolean late) {
        String registrationId = UUID.randomUUID().toString();
        events.send("mentorship.participants", Tokens.subject(user), "ParticipantRegistered", UUID.randomUUID().toString(), "/test", """
                {"participantId": "%s",
                 "participant": {"name": "%s Test", "email": "%s", "affiliation": "Somewhere", "careerStage": "PHD_STUDENT",
                   "timeZone": "Europe/Berlin", "interests": [], "availability": []},
                 "registration": {"registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "role": "%s",
                   "status": "ACTIVE", "late": %s, "answers": {}, "oneOnOneAvailabilityUtc": [],
                   "codeOfConductVersion": "1", "registeredAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}}"""
                .formatted(Tokens.subject(user), user, Tokens.email(user), registrationId, w.programId, trackId, role, late));
        return registrationId;
    }

    static void waitlisted(EventProducer events, AnnouncementWorld w, String user, String trackId) {
        events.send("mentorship.pairings", w.programId, "MenteeWaitlisted", UUID.randomUUID().toString(), "/test", """
                {"programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "reason": "NO_CAPACITY", "waitlistedAt": "2026-01-01T00:00:00Z",
                 "mentee": {"participantId": "%s", "registrationId": "%s", "name": "%s Test", "email": "%s", "timeZone": "Europe/Berlin"}}"""
                .formatted(w.programId, trackId, Tokens.subject(user), UUID.randomUUID(), user, Tokens.email(user)));
    }

    static String paired(EventProducer events, AnnouncementWorld w, String mentor, String mentee) {
        String pairingId = UUID.randomUUID().toString();
        events.send("mentorship.pairings", w.programId, "PairingCreated", UUID.randomUUID().toString(), "/test", """
                {"pairingId": "%s", "runId": null, "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "source": "RUN",
                 "mentor": {"participantId": "%s", "registrationId": "%s", "name": "%s Test", "email": "%s", "timeZone": "Europe/Berlin"},
                 "mentee": {"participantId": "%s", "registrationId": "%s", "name": "%s Test", "email": "%s", "timeZone": "Europe/Berlin"},
                 "score": 0.5, "explanation": {"score": 0.5, "rules": [], "summary": "Score 50/100."}, "createdAt": "2026-01-01T00:00:00Z"}"""
                .formatted(pairingId, w.programId, w.author, Tokens.subject(mentor), UUID.randomUUID(), mentor, Tokens.email(mentor),
                        Tokens.subject(mentee), UUID.randomUUID(), mentee, Tokens.email(mentee)));
        return pairingId;
    }

    /** The author track's part of the season ended, and with it this pairing (PairingEnded). */
    static void ended(EventProducer events, AnnouncementWorld w, String pairingId, String mentor, String mentee) {
        events.send("mentorship.pairings", w.author, "PairingEnded", UUID.randomUUID().toString(), "/test", """
                {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "endedAt": "2026-03-01T00:00:00Z",
                 "mentor": {"participantId": "%s", "registrationId": "%s", "name": "%s Test", "email": "%s", "timeZone": "Europe/Berlin"},
                 "mentee": {"participantId": "%s", "registrationId": "%s", "name": "%s Test", "email": "%s", "timeZone": "Europe/Berlin"}}"""
                .formatted(pairingId, w.programId, w.author, Tokens.subject(mentor), UUID.randomUUID(), mentor, Tokens.email(mentor),
                        Tokens.subject(mentee), UUID.randomUUID(), mentee, Tokens.email(mentee)));
    }

    static void withdrew(EventProducer events, AnnouncementWorld w, String user, String registrationId, String trackId) {
        events.send("mentorship.participants", Tokens.subject(user), "ParticipantWithdrawn", UUID.randomUUID().toString(), "/test", """
                {"participantId": "%s", "registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "role": "MENTEE",
                 "withdrawnAt": "2026-01-02T00:00:00Z"}""".formatted(Tokens.subject(user), registrationId, w.programId, trackId));
    }

    public static long count(String sql) {
        return Long.parseLong(Database.query(sql).get(0));
    }

    public static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
