package dev.mentorship.notification.announcement;

import dev.mentorship.notification.Mailbox;
import dev.mentorship.notification.Mailbox.Mail;
import dev.mentorship.notification.announcement.service.AnnouncementDispatcher;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.Tokens;
import dev.mentorship.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mentorship.notification.announcement.AnnouncementWorld.await;
import static dev.mentorship.notification.announcement.AnnouncementWorld.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Announcements end to end: an organizer writes to an audience (a track's waitlisted mentees), the preview counts who it
 * reaches, the dispatcher delivers to inbox and SMTP (GreenMail) exactly those people once each, following preferences
 * unless essential; scheduled ones wait for their time and can be cancelled before; replicas racing deliver once; bad input
 * is a 400 problem, anyone but the program's organizers a 404.
 */
@QuarkusTest
class AnnouncementTest {

    static AnnouncementWorld w;

    @Inject
    AnnouncementDispatcher dispatcher;

    @BeforeEach
    void world() {
        if (w == null) {
            w = AnnouncementWorld.create();
        }
    }

    static String waitlistedOfAuthor(String subject, String body, boolean essential, String sendAt) {
        return """
                {"subject": "%s", "body": "%s", "audience": {"trackId": "%s", "role": "MENTEE", "status": "WAITLISTED"},
                 "essential": %s%s}""".formatted(subject, body, w.author, essential, sendAt == null ? "" : ", \"sendAt\": \"" + sendAt + "\"");
    }

    static Response post(String user, String path, String json) {
        return given().auth().oauth2(Tokens.participant(user)).contentType("application/json").body(json)
                .post("/programs/" + w.programId + "/announcements" + path);
    }

    static Map<String, Object> awaitSent(String id) {
        await("announcement " + id + " sent", () -> "SENT".equals(get(id).path("status")));
        return get(id).path("report");
    }

    static Response get(String id) {
        return given().auth().oauth2(Tokens.participant(w.olivia)).get("/programs/" + w.programId + "/announcements/" + id);
    }

    static List<String> inboxSubjects(String user) {
        return given().auth().oauth2(Tokens.participant(user)).queryParam("size", 200).get("/me/notifications")
                .then().statusCode(200).extract().path("items.subject");
    }

    @Test
    void toTheWaitlistedMenteesOfATrackReachesOnlyThemOnceFollowingPreferences() {
        String subject = "Waitlist update " + UUID.randomUUID();
        String json = waitlistedOfAuthor(subject, "Dear mentees,\\n\\n<b>New mentors</b> join next week & we pair you then.\\n\\nThe organizers", false, null);

        Response preview = post(w.olivia, "/preview", json);
        preview.then().statusCode(200);
        assertThat((Integer) preview.path("recipients")).isEqualTo(2);
        assertThat((String) preview.path("html")).contains("&lt;b&gt;New mentors&lt;/b&gt; join next week &amp; we pair you then.")
                .doesNotContain("<b>New mentors");
        assertThat((String) preview.path("text")).contains("the mentees on the waitlist of Author Mentorship (ANN 2026)");
        assertThat(count("select count(*)::text from announcement where subject = '" + subject + "'")).as("a preview stores nothing").isZero();

        Response created = post(w.olivia, "", json);
        created.then().statusCode(201).header("ETag", org.hamcrest.Matchers.notNullValue());
        String id = created.path("id");
        assertThat((Integer) created.path("recipients")).isEqualTo(2);

        Map<String, Object> report = awaitSent(id);
        assertThat(report).containsEntry("recipients", 2).containsEntry("inbox", 2).containsEntry("mailed", 1).containsEntry("sent", 1)
                .containsEntry("skippedByPreference", 1).containsEntry("failed", 0);
        // the preview's count is the number reached
        assertThat(report.get("recipients")).isEqualTo(preview.path("recipients"));

        assertThat(inboxSubjects(w.waiting)).containsOnlyOnce(subject);
        assertThat(inboxSubjects(w.waitingOptedOut)).as("turned off: inbox only").containsOnlyOnce(subject);
        for (String other : List.of(w.mentor, w.pairedMentee, w.waitedThenPaired, w.waitedThenWithdrew, w.late, w.reviewerWaiting, w.olivia)) {
            assertThat(inboxSubjects(other)).as(other).doesNotContain(subject);
        }
        List<Mail> mails = Mailbox.await(m -> m.subject().equals(subject), 1, Duration.ofSeconds(30));
        assertThat(mails).hasSize(1);
        Mail mail = mails.get(0);
        assertThat(mail.to()).isEqualToIgnoringCase(Tokens.email(w.waiting));
        assertThat(mail.text()).contains("Hello " + w.waiting + " Test,").contains("<b>New mentors</b> join next week")
                .contains("Unsubscribe from these with one click: http");
        assertThat(mail.html()).contains("&lt;b&gt;New mentors&lt;/b&gt;").doesNotContain("<b>New mentors");
        assertThat(mail.listUnsubscribe()).startsWith("<http").contains("/unsubscribe?token=");
        assertThat(mail.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
        // nobody else got it by mail either
        assertThat(Mailbox.all().stream().filter(m -> m.subject().equals(subject)).count()).isEqualTo(1);

        // the one-click link turns announcements off for that person
        String url = mail.listUnsubscribe().substring(1, mail.listUnsubscribe().length() - 1);
        String token = url.substring(url.indexOf("token=") + 6);
        given().queryParam("token", token).accept("application/json").post("/unsubscribe").then().statusCode(200)
                .body("turnedOff", org.hamcrest.Matchers.equalTo("ANNOUNCEMENTS"));
        String etag = given().auth().oauth2(Tokens.participant(w.waiting)).get("/me/notification-preferences").then().statusCode(200)
                .body("announcements", org.hamcrest.Matchers.equalTo(false)).extract().header("ETag");
        given().auth().oauth2(Tokens.participant(w.waiting)).contentType("application/json").header("If-Match", etag)
                .body("{\"deadlines\": true, \"meetings\": true, \"inactivity\": true, \"dailyDigest\": false, \"announcements\": true}")
                .put("/me/notification-preferences").then().statusCode(200);

        // listed, newest first, with its report
        given().auth().oauth2(Tokens.participant(w.oscar)).get("/programs/" + w.programId + "/announcements").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void anEssentialOneIsMailedToWhoTurnedAnnouncementsOffAndSaysWhy() {
        String subject = "Essential " + UUID.randomUUID();
        String id = post(w.olivia, "", waitlistedOfAuthor(subject, "The program moves to a new date.", true, null))
                .then().statusCode(201).extract().path("id");
        Map<String, Object> report = awaitSent(id);
        assertThat(report).containsEntry("recipients", 2).containsEntry("mailed", 2).containsEntry("skippedByPreference", 0);
        List<Mail> mails = Mailbox.await(m -> m.subject().equals(subject), 2, Duration.ofSeconds(30));
        assertThat(mails).extracting(m -> m.to().toLowerCase())
                .containsExactlyInAnyOrder(Tokens.email(w.waiting).toLowerCase(), Tokens.email(w.waitingOptedOut).toLowerCase());
        for (Mail mail : mails) {
            assertThat(mail.text()).contains("Essential message of ANN 2026")
                    .contains("You receive this because you are one of the mentees on the waitlist of Author Mentorship (ANN 2026), "
                            + "and the organizers marked this message as essential to the program: it cannot be turned off.")
                    .doesNotContain("Unsubscribe from these");
            assertThat(mail.listUnsubscribe()).isNull();
        }
    }

    @Test
    void aScheduledOneGoesAtItsTimeAndOneCancelledBeforeNever() {
        String soon = "Soon " + UUID.randomUUID();
        String later = "Later " + UUID.randomUUID();
        Instant at = Instant.now().plusSeconds(4);
        String soonId = post(w.olivia, "", waitlistedOfAuthor(soon, "Soon.", false, at.toString())).then().statusCode(201)
                .extract().path("id");
        String laterId = post(w.olivia, "", waitlistedOfAuthor(later, "Later.", false, Instant.now().plusSeconds(3600).toString()))
                .then().statusCode(201).extract().path("id");
        assertThat((String) get(soonId).path("status")).isEqualTo("SCHEDULED");
        assertThat(inboxSubjects(w.waiting)).doesNotContain(soon);

        // cancelled before its time: 204, again 204, never delivered
        given().auth().oauth2(Tokens.participant(w.olivia)).delete("/programs/" + w.programId + "/announcements/" + laterId)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.participant(w.olivia)).delete("/programs/" + w.programId + "/announcements/" + laterId)
                .then().statusCode(204);
        assertThat((String) get(laterId).path("status")).isEqualTo("CANCELLED");

        awaitSent(soonId);
        Instant sentAt = Instant.parse(get(soonId).path("dispatchedAt"));
        assertThat(sentAt).isAfterOrEqualTo(at).isBefore(at.plusSeconds(10));
        assertThat(inboxSubjects(w.waiting)).containsOnlyOnce(soon);
        // too late to cancel once sent
        given().auth().oauth2(Tokens.participant(w.olivia)).delete("/programs/" + w.programId + "/announcements/" + soonId)
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(inboxSubjects(w.waiting)).doesNotContain(later);
        assertThat(count("select count(*)::text from notification where event_id = 'announcement:" + laterId + "'")).isZero();
    }

    @Test
    void twoReplicasDispatchingTheSameAnnouncementDeliverItOnce() throws Exception {
        String subject = "Race " + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        // due now, written as the REST side would: the scheduled round and three more "replicas" race for it
        Database.query("insert into announcement (id, program_id, subject, body, track_id, role, audience_status, essential, send_at, status,"
                + " created_by, created_at) values ('" + id + "', '" + w.programId + "', '" + subject + "', 'Hello.', '" + w.author
                + "', 'MENTEE', 'WAITLISTED', true, now(), 'SCHEDULED', '" + Tokens.subject(w.olivia) + "', now()) returning 'x'");
        List<Integer> delivered = Uni.join().all(dispatcher.dispatchDue(), dispatcher.dispatchDue(), dispatcher.dispatchDue())
                .andFailFast().await().atMost(Duration.ofSeconds(60));
        assertThat(delivered.stream().mapToInt(Integer::intValue).sum()).as("delivered by at most one of them").isLessThanOrEqualTo(1);
        awaitSent(id);
        assertThat(count("select count(*)::text from notification where event_id = 'announcement:" + id + "'")).isEqualTo(2);
        assertThat(count("select count(*)::text from email_delivery where event_id = 'announcement:" + id + "'")).isEqualTo(2);
        Mailbox.await(m -> m.subject().equals(subject), 2, Duration.ofSeconds(30));
        Thread.sleep(1000);
        assertThat(Mailbox.all().stream().filter(m -> m.subject().equals(subject)).map(m -> m.to().toLowerCase()).toList())
                .containsExactlyInAnyOrder(Tokens.email(w.waiting).toLowerCase(), Tokens.email(w.waitingOptedOut).toLowerCase());
    }

    /**
     * A second program, whose author track's pairing of mentor and pairedMentee ENDED with the season, and with a mentee
     * ("switcher") who withdrew from the author track but is still a mentee of the reviewer track.
     */
    static AnnouncementWorld s;
    static String switcher;

    static AnnouncementWorld statusWorld() {
        if (s == null) {
            AnnouncementWorld world = AnnouncementWorld.create();
            String moved = "ann-switcher-" + world.tag;
            try (dev.mentorship.testing.EventProducer events = new dev.mentorship.testing.EventProducer()) {
                AnnouncementWorld.ended(events, world, world.pairing, world.mentor, world.pairedMentee);
                String left = AnnouncementWorld.registered(events, world, moved, world.author, "MENTEE", false);
                AnnouncementWorld.registered(events, world, moved, world.reviewer, "MENTEE", false);
                AnnouncementWorld.withdrew(events, world, moved, left, world.author);
            }
            await("the season ended, the switcher moved", () -> count("select count(*)::text from member_pairing where pairing_id = '"
                    + world.pairing + "' and status = 'ENDED'") == 1
                    && count("select count(*)::text from membership where program_id = '" + world.programId + "' and participant_id = '"
                    + Tokens.subject(moved) + "' and status = 'ACTIVE'") == 1
                    && count("select count(*)::text from membership where program_id = '" + world.programId + "' and participant_id = '"
                    + Tokens.subject(moved) + "' and status = 'WITHDRAWN'") == 1);
            switcher = moved;
            s = world;
        }
        return s;
    }

    /** Sends an announcement to this audience of the program now; returns its id once sent. */
    static String deliver(AnnouncementWorld world, String audience, boolean essential) {
        String id = given().auth().oauth2(Tokens.participant(world.olivia)).contentType("application/json")
                .body("{\"subject\": \"S " + UUID.randomUUID() + "\", \"body\": \"B\", \"essential\": " + essential
                        + ", \"audience\": " + audience + "}")
                .post("/programs/" + world.programId + "/announcements").then().statusCode(201).extract().path("id");
        await("announcement " + id + " sent", () -> "SENT".equals(given().auth().oauth2(Tokens.participant(world.olivia))
                .get("/programs/" + world.programId + "/announcements/" + id).path("status")));
        return id;
    }

    static Map<String, Object> report(AnnouncementWorld world, String id) {
        return given().auth().oauth2(Tokens.participant(world.olivia)).get("/programs/" + world.programId + "/announcements/" + id)
                .then().statusCode(200).extract().path("report");
    }

    /** Who got the announcement in their inbox, by user name. */
    static List<String> inboxOf(String id, List<String> people) {
        List<String> ids = Database.query("select recipient_id::text from notification where event_id = 'announcement:" + id + "'");
        List<String> named = people.stream().filter(p -> ids.contains(Tokens.subject(p))).toList();
        assertThat(named).as("every recipient is one of the world's people").hasSize(ids.size());
        return named;
    }

    @Test
    void theOtherStatusesReachTheirPeople() {
        // the previews of the first world
        Map<String, Integer> expected = Map.of("MATCHED", 3, "LATE", 1, "WITHDRAWN", 1);
        for (Map.Entry<String, Integer> status : expected.entrySet()) {
            Response preview = post(w.olivia, "/preview", """
                    {"subject": "S", "body": "B", "audience": {"trackId": "%s", "status": "%s"}}""".formatted(w.author, status.getKey()));
            preview.then().statusCode(200);
            assertThat((Integer) preview.path("recipients")).as(status.getKey()).isEqualTo(status.getValue());
            assertThat((String) preview.path("note")).as("a fresh install knows every status").isNull();
        }
        // the whole program: every active registration (the withdrawn one is not)
        Response all = post(w.olivia, "/preview", "{\"subject\": \"S\", \"body\": \"B\", \"audience\": {}}");
        assertThat((Integer) all.path("recipients")).isEqualTo(7);
        Response mentors = post(w.olivia, "/preview", "{\"subject\": \"S\", \"body\": \"B\", \"audience\": {\"role\": \"MENTOR\"}}");
        assertThat((Integer) mentors.path("recipients")).isEqualTo(1);

        // delivered in the second world: exactly these people get each one
        AnnouncementWorld s = statusWorld();
        List<String> people = new java.util.ArrayList<>(s.everybody());
        people.add(switcher);
        String author = "\"trackId\": \"" + s.author + "\"";
        assertThat(inboxOf(deliver(s, "{" + author + ", \"status\": \"MATCHED\"}", false), people))
                .as("matched: the pair whose pairing ended with the season is still matched")
                .containsExactlyInAnyOrder(s.mentor, s.pairedMentee, s.waitedThenPaired);
        assertThat(inboxOf(deliver(s, "{" + author + ", \"role\": \"MENTEE\", \"status\": \"MATCHED\"}", false), people))
                .containsExactlyInAnyOrder(s.pairedMentee, s.waitedThenPaired);
        assertThat(inboxOf(deliver(s, "{" + author + ", \"status\": \"LATE\"}", false), people)).containsExactly(s.late);
        assertThat(inboxOf(deliver(s, "{" + author + ", \"status\": \"WAITLISTED\"}", false), people))
                .containsExactlyInAnyOrder(s.waiting, s.waitingOptedOut);
        assertThat(inboxOf(deliver(s, "{" + author + ", \"status\": \"WITHDRAWN\"}", false), people))
                .as("withdrawn from the author track: both, though one is still in the reviewer track")
                .containsExactlyInAnyOrder(s.waitedThenWithdrew, switcher);
        assertThat(inboxOf(deliver(s, "{\"status\": \"WITHDRAWN\"}", false), people))
                .as("withdrawn from the program: only who has no active registration left in it")
                .containsExactly(s.waitedThenWithdrew);
    }

    @Test
    void theReportTellsWhoTurnedAnnouncementsOffApartFromWhoHasNoAddress() {
        AnnouncementWorld s = statusWorld();
        // the waiting mentee has no address here (waitingOptedOut turned announcements off)
        Database.query("update contact set email = '' where participant_id = '" + Tokens.subject(s.waiting) + "' returning 'x'");
        String waitlisted = "{\"trackId\": \"" + s.author + "\", \"status\": \"WAITLISTED\"}";
        assertThat(report(s, deliver(s, waitlisted, false))).containsEntry("recipients", 2).containsEntry("inbox", 2)
                .containsEntry("mailed", 0).containsEntry("skippedByPreference", 1).containsEntry("withoutEmail", 1);
        assertThat(report(s, deliver(s, waitlisted, true))).as("essential: nobody is skipped by preference")
                .containsEntry("recipients", 2).containsEntry("mailed", 1).containsEntry("skippedByPreference", 0)
                .containsEntry("withoutEmail", 1);
    }

    @Test
    void afterAnUpgradeMidSeasonThePreviewSaysStatusesMayBeIncomplete() {
        Database.query("update status_knowledge set events_before = true returning 'x'");
        try {
            Response late = post(w.olivia, "/preview", "{\"subject\": \"S\", \"body\": \"B\", \"audience\": {\"status\": \"LATE\"}}");
            late.then().statusCode(200);
            assertThat((String) late.path("note")).contains("only from the events it read since").contains("are missing from this audience");
            Response everyone = post(w.olivia, "/preview", "{\"subject\": \"S\", \"body\": \"B\", \"audience\": {}}");
            assertThat((String) everyone.path("note")).as("who is registered is known from the start").isNull();
        } finally {
            Database.query("update status_knowledge set events_before = false returning 'x'");
        }
    }

    @Test
    void theSameIdempotencyKeyCreatesOnceAndAnswersTheFirstAnswerAgain() {
        String subject = "Once " + UUID.randomUUID();
        String json = waitlistedOfAuthor(subject, "B", false, Instant.now().plusSeconds(3600).toString());
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(Tokens.participant(w.olivia)).contentType("application/json").header("Idempotency-Key", key)
                .body(json).post("/programs/" + w.programId + "/announcements");
        first.then().statusCode(201);
        Response again = given().auth().oauth2(Tokens.participant(w.olivia)).contentType("application/json").header("Idempotency-Key", key)
                .body(json).post("/programs/" + w.programId + "/announcements");
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat((String) again.path("id")).isEqualTo(first.path("id"));
        assertThat(count("select count(*)::text from announcement where subject = '" + subject + "'")).isEqualTo(1);
        // its ETag is its version
        get(first.path("id")).then().statusCode(200).header("ETag", org.hamcrest.Matchers.equalTo(first.header("ETag")));
        given().auth().oauth2(Tokens.participant(w.olivia)).delete("/programs/" + w.programId + "/announcements/" + first.path("id"))
                .then().statusCode(204);
    }

    @Test
    void pairingEventsReadOutOfOrderLeaveNobodyMatched() {
        // a dissolution read before its creation: the pairing stays dissolved; a redelivered creation changes nothing
        String pairingId = UUID.randomUUID().toString();
        String mentorId = UUID.randomUUID().toString();
        String menteeId = UUID.randomUUID().toString();
        String created = """
                {"pairingId": "%s", "runId": null, "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "source": "RUN",
                 "mentor": {"participantId": "%s", "registrationId": "%s", "name": "Late Mentor", "email": "late-mentor@mentorship.test", "timeZone": "UTC"},
                 "mentee": {"participantId": "%s", "registrationId": "%s", "name": "Late Mentee", "email": "late-mentee@mentorship.test", "timeZone": "UTC"},
                 "score": 0.5, "explanation": {"score": 0.5, "rules": [], "summary": "Score 50/100."}, "createdAt": "2026-01-01T00:00:00Z"}"""
                .formatted(pairingId, w.programId, w.reviewer, mentorId, UUID.randomUUID(), menteeId, UUID.randomUUID());
        try (dev.mentorship.testing.EventProducer events = new dev.mentorship.testing.EventProducer()) {
            events.send("mentorship.pairings", w.programId, "PairingDissolved", UUID.randomUUID().toString(), "/test", """
                    {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "mentorId": "%s", "menteeId": "%s",
                     "reason": "ORGANIZER", "dissolvedAt": "2026-01-03T00:00:00Z"}""".formatted(pairingId, w.programId, w.reviewer, mentorId, menteeId));
            events.send("mentorship.pairings", w.programId, "PairingCreated", UUID.randomUUID().toString(), "/test", created);
        }
        await("the pairing known", () -> count("select count(*)::text from member_pairing where pairing_id = '" + pairingId
                + "' and mentee_id = '" + menteeId + "'") == 1);
        assertThat(Database.query("select status || ' ' || track_id from member_pairing where pairing_id = '" + pairingId + "'"))
                .containsExactly("DISSOLVED " + w.reviewer);
    }

    @Test
    void badInputIsA400Problem() {
        String other = UUID.randomUUID().toString();
        // each bad request and the one field of the request its problem names
        List<List<String>> bad = List.of(
                List.of("subject", "{\"subject\": \"two\\nlines\", \"body\": \"B\", \"audience\": {}}"),
                List.of("body", "{\"subject\": \"S\", \"body\": \"" + "x".repeat(20_001) + "\", \"audience\": {}}"),
                List.of("audience", "{\"subject\": \"S\", \"body\": \"B\"}"),
                List.of("audience.trackId", "{\"subject\": \"S\", \"body\": \"B\", \"audience\": {\"trackId\": \"" + other + "\"}}"),
                List.of("sendAt", "{\"subject\": \"S\", \"body\": \"B\", \"audience\": {}, \"sendAt\": \"2020-01-01T00:00:00Z\"}"),
                List.of("audience.status", "{\"subject\": \"S\", \"body\": \"B\", \"audience\": {\"role\": \"MENTOR\", \"status\": \"WAITLISTED\"}}"),
                List.of("body", "{\"subject\": \"S\", \"body\": \"B\\u202Eevil\", \"audience\": {}}"));
        for (List<String> input : bad) {
            for (String path : List.of("", "/preview")) {
                Response r = post(w.olivia, path, input.get(1));
                r.then().statusCode(400).contentType("application/problem+json");
                List<String> fields = r.path("errors.field");
                assertThat(fields).as(input.get(0) + " " + path).containsExactly(input.get(0));
            }
        }
        Response unknownStatus = post(w.olivia, "", "{\"subject\": \"S\", \"body\": \"B\", \"audience\": {\"status\": \"HAPPY\"}}");
        unknownStatus.then().statusCode(400).contentType("application/problem+json");
        assertThat(count("select count(*)::text from announcement where program_id = '" + w.programId + "' and subject = 'S'")).isZero();
    }

    @Test
    void anyoneButTheProgramsOrganizersGets404() {
        String id = post(w.olivia, "", waitlistedOfAuthor("Hidden " + UUID.randomUUID(), "B", false,
                Instant.now().plusSeconds(3600).toString())).then().statusCode(201).extract().path("id");
        String base = "/programs/" + w.programId + "/announcements";
        for (String user : List.of(w.waiting, w.mentor, "ann-stranger-" + w.tag)) {
            var as = given().auth().oauth2(Tokens.participant(user));
            as.contentType("application/json").body("{\"subject\": \"S\", \"body\": \"B\", \"audience\": {}}").post(base)
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(Tokens.participant(user)).contentType("application/json")
                    .body("{\"subject\": \"S\", \"body\": \"B\", \"audience\": {}}").post(base + "/preview").then().statusCode(404);
            given().auth().oauth2(Tokens.participant(user)).get(base).then().statusCode(404);
            given().auth().oauth2(Tokens.participant(user)).get(base + "/" + id).then().statusCode(404);
            given().auth().oauth2(Tokens.participant(user)).delete(base + "/" + id).then().statusCode(404);
        }
        given().auth().oauth2(Tokens.admin("ann-admin-" + w.tag)).get(base).then().statusCode(404);
        given().get(base).then().statusCode(401);
        // another program's id for this announcement: 404 even for its organizers
        given().auth().oauth2(Tokens.participant(w.olivia)).get("/programs/" + UUID.randomUUID() + "/announcements/" + id).then().statusCode(404);
        assertThat((String) get(id).path("status")).isEqualTo("SCHEDULED");
    }

    @Test
    void writingAndCancellingAreAudited() {
        String id = post(w.oscar, "", waitlistedOfAuthor("Audited " + UUID.randomUUID(), "B", false,
                Instant.now().plusSeconds(3600).toString())).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.participant(w.oscar)).delete("/programs/" + w.programId + "/announcements/" + id).then().statusCode(204);
        // cancelling it again changes nothing, so records nothing
        given().auth().oauth2(Tokens.participant(w.oscar)).delete("/programs/" + w.programId + "/announcements/" + id).then().statusCode(204);
        try (TopicReader audit = new TopicReader("mentorship.audit")) {
            audit.await(e -> id.equals(e.data().path("subject").asText()), 2, Duration.ofSeconds(30));
            List<TopicReader.Event> entries = audit.readFor(Duration.ofSeconds(3), e -> id.equals(e.data().path("subject").asText()));
            assertThat(entries).extracting(e -> e.data().path("action").asText())
                    .containsExactlyInAnyOrder("ANNOUNCEMENT_CREATED", "ANNOUNCEMENT_CANCELLED");
            assertThat(entries.stream().filter(e -> e.data().path("action").asText().equals("ANNOUNCEMENT_CANCELLED")).findFirst().orElseThrow()
                    .data().path("before").asText()).contains("SCHEDULED");
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.data().path("service").asText()).isEqualTo("notification-service");
                assertThat(e.data().path("actorId").asText()).isEqualTo(Tokens.subject(w.oscar));
                assertThat(e.data().path("programId").asText()).isEqualTo(w.programId);
            });
        }
    }
}
