package dev.mentorship.notification.subscription;

import dev.mentorship.notification.Mailbox;
import dev.mentorship.notification.Mailbox.Mail;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * An application deadline reaches who may still apply: the program's followers and the people of an earlier edition of
 * the same conference, unless they turned program news off; not those registered for the track in that role. Other
 * deadlines keep their audience. Following is each person's own, and an unknown program is 404.
 */
@QuarkusTest
class ProgramSubscriptionTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TRACK_NAME = "Career Mentorship";

    /** Two editions of one conference (its name unique to this test, so that other tests' programs do not count). */
    static final class Editions implements AutoCloseable {
        final String conference = "ML4H-" + UUID.randomUUID().toString().substring(0, 8);
        final String past = UUID.randomUUID().toString();
        final String pastTrack = UUID.randomUUID().toString();
        final String next = UUID.randomUUID().toString();
        final String nextTrack = UUID.randomUUID().toString();
        final EventProducer producer = new EventProducer();

        Editions() {
            publish(past, "ML4H 2024", pastTrack, "2024-07-06T11:59:59Z", "July 5, 2024 AoE");
            publish(next, "ML4H 2025", nextTrack, "2099-07-06T11:59:59Z", "July 5, 2099 AoE");
            awaitCount("select count(*)::text from program_info where program_id in ('" + past + "', '" + next + "')", 2);
        }

        String send(String topic, String key, String type, String data) {
            String id = UUID.randomUUID().toString();
            producer.send(topic, key, type, id, "/test", data);
            return id;
        }

        void publish(String programId, String name, String trackId, String dueAt, String rendering) {
            send("mentorship.programs", programId, "ProgramPublished", """
                    {"programId": "%s", "conference": "%s", "name": "%s", "timeZone": "AoE", "publishedAt": "2024-01-01T00:00:00Z",
                     "codeOfConduct": {"title": "Code", "version": "1"},
                     "tracks": [{"trackId": "%s", "key": "career", "kind": "CAREER", "name": "%s", "topics": [],
                       "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "2020-01-01T00:00:00Z", "applicationDeadline": "%s",
                         "closesAt": "%s", "rolling": false},
                       "milestones": [{"milestoneId": "%s", "key": "application-deadline", "name": "Application deadline",
                         "type": "APPLICATION_DEADLINE", "window": false, "audience": ["MENTEE", "MENTOR"], "date": "2099-07-05",
                         "timeZone": "AoE", "dueAt": "%s", "localRendering": "%s", "reminders": ["P7D"]}]}]}"""
                    .formatted(programId, conference, name, trackId, TRACK_NAME, dueAt, dueAt, UUID.randomUUID(), dueAt, rendering));
        }

        void registered(String user, String programId, String trackId, String role) {
            send("mentorship.participants", Tokens.subject(user), "ParticipantRegistered", """
                    {"participantId": "%s",
                     "participant": {"name": "%s Test", "email": "%s", "affiliation": "Somewhere", "careerStage": "PHD_STUDENT",
                       "timeZone": "Europe/Berlin", "interests": [], "availability": []},
                     "registration": {"registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "CAREER", "role": "%s",
                       "status": "ACTIVE", "late": false, "answers": {}, "oneOnOneAvailabilityUtc": [],
                       "codeOfConductVersion": "1", "registeredAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}}"""
                    .formatted(Tokens.subject(user), user, Tokens.email(user), UUID.randomUUID(), programId, trackId, role));
        }

        String deadlineData(String type, String milestoneName, String audience) {
            return """
                    {"reminderId": "%s", "programId": "%s", "programName": "ML4H 2025", "trackId": "%s", "trackKey": "career",
                     "trackKind": "CAREER", "trackName": "%s", "milestoneId": "%s", "milestoneKey": "m",
                     "milestoneName": "%s", "milestoneType": "%s", "audience": %s,
                     "dueAt": "2099-07-06T11:59:59Z", "endsAt": null, "timeZone": "AoE", "localRendering": "July 5, 2099 AoE",
                     "lead": "P7D"}""".formatted(UUID.randomUUID(), next, nextTrack, TRACK_NAME, UUID.randomUUID(), milestoneName, type, audience);
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    @Test
    void applicationDeadlineRemindersReachFollowersAndPastParticipantsButNotApplicantsNorWhoOptedOut() throws Exception {
        String follower = "follow-fay";
        String alumna = "follow-alma";
        String optedOut = "follow-otto";
        String applicant = "follow-abby";
        String mentor = "follow-milo";
        String unfollower = "follow-una";
        try (Editions e = new Editions()) {
            String applications = "Mentee applications for " + TRACK_NAME + " (ML4H 2025)";
            // fay follows without ever having registered: her token's address is used; following twice changes nothing
            follow(follower, e.next).statusCode(201).body("programName", equalTo("ML4H 2025")).body("conference", equalTo(e.conference));
            follow(follower, e.next).statusCode(200).body("programId", equalTo(e.next));
            // abby follows and applied as a mentee; una followed and stopped
            follow(applicant, e.next).statusCode(201);
            follow(unfollower, e.next).statusCode(201);
            given().auth().oauth2(Tokens.participant(unfollower)).delete("/me/program-subscriptions/" + e.next).then().statusCode(204);
            given().auth().oauth2(Tokens.participant(unfollower)).get("/me/program-subscriptions").then().statusCode(200)
                    .body("total", equalTo(0));
            e.registered(applicant, e.next, e.nextTrack, "MENTEE");
            // alma and otto took part in 2024; otto turned program news off; milo mentored in 2024 and is a mentor in 2025
            e.registered(alumna, e.past, e.pastTrack, "MENTEE");
            e.registered(optedOut, e.past, e.pastTrack, "MENTEE");
            e.registered(mentor, e.past, e.pastTrack, "MENTOR");
            e.registered(mentor, e.next, e.nextTrack, "MENTOR");
            awaitCount("select count(*)::text from membership where participant_id in ('" + Tokens.subject(applicant) + "', '"
                    + Tokens.subject(alumna) + "', '" + Tokens.subject(optedOut) + "', '" + Tokens.subject(mentor) + "')", 5);
            given().auth().oauth2(Tokens.participant(optedOut)).contentType(ContentType.JSON)
                    .body(Map.of("deadlines", true, "meetings", true, "inactivity", true, "dailyDigest", false, "programNews", false))
                    .put("/me/notification-preferences").then().statusCode(200).body("programNews", equalTo(false));

            // the mentees' application deadline, delivered twice
            String data = e.deadlineData("APPLICATION_DEADLINE", "Application deadline", "[\"MENTEE\"]");
            String id = e.send("mentorship.schedule", e.next, "DeadlineApproaching", data);
            e.producer.send("mentorship.schedule", e.next, "DeadlineApproaching", id, "/test", data);

            Mail toFollower = Mailbox.await(to(follower, applications), 1, WAIT).get(0);
            assertThat(toFollower.subject()).isEqualTo(applications + " close on July 5, 2099 AoE");
            assertThat(toFollower.text()).contains(applications + " close in 7 days, on July 5, 2099 AoE. You get this because you follow this program.")
                    .contains("/programs/" + e.next + "/tracks/" + e.nextTrack).contains("Hello Follow-fay Test");
            assertThat(toFollower.listUnsubscribe()).contains("/unsubscribe?token=");
            Mail toAlumna = Mailbox.await(to(alumna, applications), 1, WAIT).get(0);
            assertThat(toAlumna.text()).contains("You get this because you took part in ML4H 2024.").contains("(Europe/Berlin)");
            // milo is registered in the track as a mentor only: the mentees' deadline is still news to him
            assertThat(Mailbox.await(to(mentor, applications), 1, WAIT)).hasSize(1);
            // one transaction wrote every inbox entry of the event: who has none now gets none
            assertThat(inboxSubjects(follower)).containsExactly(applications + " close on July 5, 2099 AoE");
            for (String nobody : List.of(applicant, optedOut, unfollower)) {
                assertThat(inboxSubjects(nobody)).as(nobody).noneMatch(s -> s.contains("applications"));
            }
            Thread.sleep(1000);
            assertThat(Mailbox.to(Tokens.email(follower))).hasSize(1);
            assertThat(Mailbox.to(Tokens.email(alumna)).stream().filter(to(alumna, applications))).hasSize(1);
            for (String nobody : List.of(applicant, optedOut, unfollower)) {
                assertThat(Mailbox.to(Tokens.email(nobody))).as(nobody).noneMatch(m -> m.subject().contains("applications"));
            }

            // another kind of deadline keeps its audience: the track's registered mentees, not the followers
            e.send("mentorship.schedule", e.next, "DeadlineApproaching", e.deadlineData("GROUP_WORKSHOP", "Group workshop", "[\"MENTEE\"]"));
            awaitInbox(applicant, "Group workshop");
            assertThat(inboxSubjects(follower)).noneMatch(s -> s.contains("Group workshop"));

            // alma's one-click link turns program news off: the next reminder passes her by
            String token = toAlumna.listUnsubscribe().replaceAll(".*[?&]token=([^>&]+).*", "$1");
            given().accept(ContentType.JSON).queryParam("token", token).post("/unsubscribe").then().statusCode(200)
                    .body("turnedOff", equalTo("PROGRAM_NEWS"));
            given().auth().oauth2(Tokens.participant(alumna)).get("/me/notification-preferences").then().statusCode(200)
                    .body("programNews", equalTo(false)).body("deadlines", equalTo(true));
            e.send("mentorship.schedule", e.next, "DeadlineApproaching", e.deadlineData("APPLICATION_DEADLINE", "Application deadline",
                    "[\"MENTEE\", \"MENTOR\"]"));
            awaitInbox(follower, "Applications for " + TRACK_NAME);
            assertThat(inboxSubjects(alumna)).noneMatch(s -> s.startsWith("Applications for"));
            // for both roles, a registration in either keeps a person out
            assertThat(inboxSubjects(mentor)).noneMatch(s -> s.startsWith("Applications for"));

            // erasure forgets what fay followed
            e.send("mentorship.participants", Tokens.subject(follower), "ParticipantErased",
                    "{\"participantId\": \"" + Tokens.subject(follower) + "\", \"erasedAt\": \"2026-01-02T00:00:00Z\"}");
            awaitCount("select count(*)::text from program_subscription where participant_id = '" + Tokens.subject(follower) + "'", 0);
        }
    }

    @Test
    void eachPersonFollowsAndUnfollowsForThemselvesOnlyAndAnUnknownProgramIsNotFound() {
        String owner = "follow-owen";
        String stranger = "follow-stan";
        try (Editions e = new Editions()) {
            follow(owner, e.next).statusCode(201);
            // the stranger's DELETE and PUT touch only the stranger's own subscription
            given().auth().oauth2(Tokens.participant(stranger)).delete("/me/program-subscriptions/" + e.next).then().statusCode(204);
            given().auth().oauth2(Tokens.participant(owner)).get("/me/program-subscriptions/" + e.next).then().statusCode(200)
                    .body("programId", equalTo(e.next));
            follow(stranger, e.next).statusCode(201);
            given().auth().oauth2(Tokens.participant(stranger)).delete("/me/program-subscriptions/" + e.next).then().statusCode(204);
            given().auth().oauth2(Tokens.participant(owner)).get("/me/program-subscriptions").then().statusCode(200)
                    .body("total", equalTo(1)).body("items.programId", hasItem(e.next));
            given().auth().oauth2(Tokens.participant(stranger)).get("/me/program-subscriptions").then().statusCode(200)
                    .body("total", equalTo(0)).body("items.programId", not(hasItem(e.next)));
            given().auth().oauth2(Tokens.participant(stranger)).get("/me/program-subscriptions/" + e.next).then().statusCode(404)
                    .contentType("application/problem+json");
            assertThat(Database.query("select count(*)::text from program_subscription where program_id = '" + e.next + "'"))
                    .containsExactly("1");

            String unknown = UUID.randomUUID().toString();
            follow(owner, unknown).statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("No program " + unknown + " is known here: only a published program can be followed."));
            given().auth().oauth2(Tokens.participant(owner)).delete("/me/program-subscriptions/" + unknown).then().statusCode(404)
                    .contentType("application/problem+json");
            given().delete("/me/program-subscriptions/" + e.next).then().statusCode(401);
            assertThat(Database.query("select count(*)::text from program_subscription where participant_id = '"
                    + Tokens.subject(owner) + "'")).containsExactly("1");
        }
    }

    private static io.restassured.response.ValidatableResponse follow(String user, String programId) {
        return given().auth().oauth2(Tokens.participant(user)).put("/me/program-subscriptions/" + programId).then();
    }

    static Predicate<Mail> to(String user, String subjectPart) {
        return m -> m.to().equalsIgnoreCase(Tokens.email(user)) && m.subject().contains(subjectPart);
    }

    static List<String> inboxSubjects(String user) {
        return given().auth().oauth2(Tokens.participant(user)).queryParam("size", 200).get("/me/notifications")
                .then().statusCode(200).extract().path("items.subject");
    }

    static void awaitInbox(String user, String subjectPart) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (inboxSubjects(user).stream().anyMatch(s -> s.contains(subjectPart))) {
                return;
            }
            sleep();
        }
        throw new AssertionError(user + " never got '" + subjectPart + "' in the app: " + inboxSubjects(user));
    }

    static void awaitCount(String sql, int expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Database.query(sql).equals(List.of(String.valueOf(expected)))) {
            assertThat(System.nanoTime()).as(sql + " never gave " + expected + ": " + Database.query(sql)).isLessThan(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
