package dev.mentorship.notification.fanout;

import dev.mentorship.testing.Database;
import dev.mentorship.notification.Mailbox;
import dev.mentorship.notification.Mailbox.Mail;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mentorship.notification.fanout.NotificationFlowTest.WAIT;
import static dev.mentorship.notification.fanout.NotificationFlowTest.awaitInbox;
import static dev.mentorship.notification.fanout.NotificationFlowTest.awaitProgramKnown;
import static dev.mentorship.notification.fanout.NotificationFlowTest.to;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Mails lead somewhere: each links to what it is about in the frontend (the deployment's, or the program's own),
 * the inbox entry carries the same link; optional notices carry a one-click unsubscribe (RFC 8058) that only a POST
 * with a genuine token uses, and mandatory ones say why they cannot be turned off.
 */
@QuarkusTest
class MailLinksTest {

    /** The test profile's FRONTEND_URL (the local stack's default: the frontend's dev origin). */
    static final String FRONTEND = "http://localhost:5173";
    /** The test profile's PUBLIC_BASE_URL: where the one-click links point (the test server runs on a random port). */
    static final String UNSUBSCRIBE = "http://127.0.0.1:8084/unsubscribe?token=";

    @Test
    void mailsAndInboxEntriesLeadToThePairingAndTheMeetingInTheFrontend() {
        String mentor = "links-mentor";
        String mentee = "links-mentee";
        String pairingId = UUID.randomUUID().toString();
        String meetingId = UUID.randomUUID().toString();
        try (Events events = new Events()) {
            events.programPublished();
            awaitProgramKnown(events.programId);
            events.registered(mentor, events.author, "AUTHOR", "MENTOR", "Europe/Berlin", false);
            events.registered(mentee, events.author, "AUTHOR", "MENTEE", "Asia/Tokyo", false);

            // a registration (mandatory): to the inbox, why it cannot be turned off, no unsubscribe
            Mail registration = Mailbox.await(to(mentee, "Your registration"), 1, WAIT).get(0);
            assertThat(registration.text()).contains("Open your inbox: " + FRONTEND + "/inbox")
                    .contains("You receive this because it concerns your registration; it cannot be turned off.")
                    .contains("Choose which notices you get by email: " + FRONTEND + "/settings/notifications")
                    .doesNotContain("unsubscribe").doesNotContain("127.0.0.1:8084");
            assertThat(registration.listUnsubscribe()).isNull();
            assertThat(registration.listUnsubscribePost()).isNull();

            // a pairing (mandatory): both members to the pairing, in text and HTML, and the inbox entry too
            events.send("mentorship.pairings", events.author, "PairingCreated", events.pairingCreatedData(pairingId, mentor, mentee));
            String pairing = FRONTEND + "/pairings/" + pairingId;
            for (Mail mail : List.of(Mailbox.await(to(mentee, "Your mentor"), 1, WAIT).get(0),
                    Mailbox.await(to(mentor, "Your new mentee"), 1, WAIT).get(0))) {
                assertThat(mail.text()).contains("Open your pairing: " + pairing)
                        .contains("You receive this because it concerns your pairing; it cannot be turned off.");
                assertThat(mail.html()).contains("<a href=\"" + pairing + "\"").contains(">Open your pairing</a>")
                        .contains("<a href=\"" + FRONTEND + "/settings/notifications\">");
                assertThat(mail.listUnsubscribe()).isNull();
                assertThat(mail.listUnsubscribePost()).isNull();
            }
            awaitInbox(mentee, "Your mentor");
            assertThat(inboxLink(mentee, "Your mentor")).isEqualTo(pairing);
            assertThat(inboxLink(mentor, "Your new mentee")).isEqualTo(pairing);
            assertThat(inboxLink(mentee, "Your registration")).isEqualTo(FRONTEND + "/inbox");

            // a meeting (optional): both parties to the meeting, with the one-click unsubscribe in the headers and the body
            events.meetingScheduled(meetingId, pairingId, mentor, mentee);
            String meeting = FRONTEND + "/meetings/" + meetingId;
            for (String user : List.of(mentor, mentee)) {
                Mail mail = Mailbox.await(to(user, "Confirmed: mentoring meeting 1"), 1, WAIT).get(0);
                assertThat(mail.text()).contains("Open the meeting: " + meeting)
                        .contains("You receive this because you get meeting confirmations, changes and reminders, and draft reminders by email.")
                        .doesNotContain("cannot be turned off");
                assertThat(mail.html()).contains("<a href=\"" + meeting + "\"");
                assertThat(mail.listUnsubscribe()).startsWith("<" + UNSUBSCRIBE).endsWith(">");
                assertThat(mail.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
                String oneClick = oneClickUrl(mail);
                assertThat(mail.text()).contains("Unsubscribe from these with one click: " + oneClick);
                assertThat(mail.html()).contains("<a href=\"" + oneClick + "\">Unsubscribe from these with one click</a>");
                awaitInbox(user, "Confirmed: mentoring meeting 1");
                assertThat(inboxLink(user, "Confirmed: mentoring meeting 1")).isEqualTo(meeting);
            }
            // each person's link is their own
            assertThat(oneClickUrl(Mailbox.await(to(mentor, "Confirmed: mentoring meeting 1"), 1, WAIT).get(0)))
                    .isNotEqualTo(oneClickUrl(Mailbox.await(to(mentee, "Confirmed: mentoring meeting 1"), 1, WAIT).get(0)));
        }
    }

    @Test
    void aProgramsOwnFrontendIsWhereItsMailsLead() {
        String user = "links-own-frontend";
        try (Events events = new Events()) {
            events.programPublished("https://mentorship.ml4h.example/2099/");
            awaitProgramKnown(events.programId);
            events.registered(user, events.author, "AUTHOR", "MENTEE", "UTC", false);
            Mail registration = Mailbox.await(to(user, "Your registration"), 1, WAIT).get(0);
            assertThat(registration.text()).contains("Open your inbox: https://mentorship.ml4h.example/2099/inbox")
                    .contains("https://mentorship.ml4h.example/2099/settings/notifications").doesNotContain(FRONTEND);

            // a deadline reminder (optional): to the program's frontend, unsubscribing from deadline notices only
            events.deadline(events.author, "[\"MENTEE\"]");
            Mail deadline = Mailbox.await(to(user, "Paper submission deadline"), 1, WAIT).get(0);
            assertThat(deadline.text()).contains("Open your inbox: https://mentorship.ml4h.example/2099/inbox")
                    .contains("You receive this because you get deadline reminders and moved deadlines by email.");
            assertThat(deadline.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
            oneClick(deadline).then().statusCode(200).body("turnedOff", equalTo("DEADLINES"));
            given().auth().oauth2(Tokens.participant(user)).get("/me/notification-preferences").then().statusCode(200)
                    .body("deadlines", equalTo(false)).body("meetings", equalTo(true)).body("inactivity", equalTo(true))
                    .body("dailyDigest", equalTo(false));
        }
    }

    @Test
    void theOneClickLinkTurnsThatKindOffOnlyByPostAndOnlyWithAGenuineToken() {
        String user = "unsub-ulla";
        String partner = "unsub-partner";
        String pairingId = UUID.randomUUID().toString();
        try (Events events = new Events()) {
            events.programPublished();
            awaitProgramKnown(events.programId);
            events.registered(user, events.author, "AUTHOR", "MENTEE", "UTC", false);
            events.registered(partner, events.author, "AUTHOR", "MENTOR", "UTC", false);
            events.meetingScheduled(UUID.randomUUID().toString(), pairingId, partner, user);
            Mail first = Mailbox.await(to(user, "Confirmed: mentoring meeting 1"), 1, WAIT).get(0);
            String url = oneClickUrl(first);
            URI uri = URI.create(url);
            String token = uri.getQuery().substring("token=".length());

            // opening the link (a person, a mail client, a link scanner) shows what a POST would do, and changes nothing
            given().accept("text/html").get(uri.getPath() + "?" + uri.getRawQuery()).then().statusCode(200).contentType(ContentType.HTML)
                    .body(containsString("Stop getting meeting confirmations, changes and reminders, and draft reminders by email?"))
                    .body(containsString("<form method=\"post\" action=\"unsubscribe?token=" + token + "\">"));
            given().get(uri.getPath() + "?" + uri.getRawQuery()).then().statusCode(200);
            given().auth().oauth2(Tokens.participant(user)).get("/me/notification-preferences").then().statusCode(200)
                    .body("meetings", equalTo(true));

            // forged, altered, cut short or missing: 400 problem+json naming the token, nothing changed
            int dot = token.indexOf('.');
            String otherPerson = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("1:" + Tokens.subject(partner) + ":MEETINGS").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            char c = token.charAt(token.length() - 2);
            String flipped = token.substring(0, token.length() - 2) + (c == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
            for (String bad : List.of(otherPerson + token.substring(dot), flipped, token.substring(0, token.length() - 5), "forged", "")) {
                given().queryParam("token", bad).formParam("List-Unsubscribe", "One-Click").post("/unsubscribe")
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("status", equalTo(400)).body("errors.field", hasItem("token"));
                given().queryParam("token", bad).get("/unsubscribe")
                        .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("token"));
            }
            given().post("/unsubscribe").then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("token"));
            given().auth().oauth2(Tokens.participant(user)).get("/me/notification-preferences").then().statusCode(200)
                    .body("meetings", equalTo(true));
            given().auth().oauth2(Tokens.participant(partner)).get("/me/notification-preferences").then().statusCode(200)
                    .body("meetings", equalTo(true));

            // the one-click POST from the mail's header, as a mail client sends it (no bearer token): meetings off, twice is fine
            oneClick(first).then().statusCode(200).contentType(ContentType.JSON).body("turnedOff", equalTo("MEETINGS"))
                    .body("detail", containsString("no longer get meeting confirmations"));
            oneClick(first).then().statusCode(200).body("turnedOff", equalTo("MEETINGS"));
            // a browser (the button of the confirmation page) gets a page
            given().accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").formParam("List-Unsubscribe", "One-Click")
                    .queryParam("token", token).post("/unsubscribe").then().statusCode(200).contentType(ContentType.HTML)
                    .body(containsString("You no longer get meeting confirmations"));
            given().auth().oauth2(Tokens.participant(user)).get("/me/notification-preferences").then().statusCode(200)
                    .body("meetings", equalTo(false)).body("deadlines", equalTo(true)).body("inactivity", equalTo(true))
                    .body("pairing", equalTo(true));

            // the next meeting notice: in the inbox, not by email; the partner, who did not unsubscribe, still gets it
            events.send("mentorship.schedule", pairingId, "MeetingCancelled", """
                    {"meetingId": "%s", "pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "kind": "MENTORING",
                     "number": 2, "startsAt": "2099-08-05T15:00:00Z", "endsAt": "2099-08-05T16:00:00Z", "durationMinutes": 60, "sequence": 2,
                     "icsUid": "meeting-2@meetings.mentorship", "reason": "Conference travel",
                     "mentor": {"participantId": "%s", "name": "%s Test", "email": "%s", "timeZone": "UTC",
                       "localStart": "Wednesday, August 5, 2099, 15:00 (UTC)"},
                     "mentee": {"participantId": "%s", "name": "%s Test", "email": "%s", "timeZone": "UTC",
                       "localStart": "Wednesday, August 5, 2099, 15:00 (UTC)"}}"""
                    .formatted(UUID.randomUUID(), pairingId, events.programId, events.author, Tokens.subject(partner), partner,
                            Tokens.email(partner), Tokens.subject(user), user, Tokens.email(user)));
            assertThat(Mailbox.await(to(partner, "Cancelled: mentoring meeting 2"), 1, WAIT)).hasSize(1);
            awaitInbox(user, "Cancelled: mentoring meeting 2");
        }
        // the inbox entry and the decision about its mail are written in one transaction: no mail was queued, none arrives
        assertThat(Database.query("select count(*)::text from email_delivery where recipient_id = '" + Tokens.subject(user)
                + "' and subject like 'Cancelled:%'")).containsExactly("0");
        sleep(1000);
        assertThat(Mailbox.to(Tokens.email(user))).extracting(Mail::subject).noneMatch(s -> s.startsWith("Cancelled:"))
                .contains("Confirmed: mentoring meeting 1 with unsub-partner Test");
    }

    @Test
    void theLinkOfAPersonWhoseDataWasErasedStoresNothing() {
        String user = "unsub-erased";
        try (Events events = new Events()) {
            events.programPublished();
            awaitProgramKnown(events.programId);
            events.registered(user, events.author, "AUTHOR", "MENTEE", "UTC", false);
            // participants and deadlines are different topics: the reminder finds its audience once the registration is in
            Mailbox.await(to(user, "Your registration"), 1, WAIT);
            events.deadline(events.author, "[\"MENTEE\"]");
            Mail deadline = Mailbox.await(to(user, "Paper submission deadline"), 1, WAIT).get(0);
            events.send("mentorship.participants", Tokens.subject(user), "ParticipantErased",
                    "{\"participantId\": \"" + Tokens.subject(user) + "\", \"erasedAt\": \"2026-01-02T00:00:00Z\"}");
            long deadlineNanos = System.nanoTime() + WAIT.toNanos();
            while (!Database.query("select participant_id::text from contact where participant_id = '" + Tokens.subject(user) + "'").isEmpty()) {
                assertThat(System.nanoTime()).as("the erasure never arrived").isLessThan(deadlineNanos);
                sleep(100);
            }
            // the mail outlives the data: its link still answers (nothing to send them anyway), and keeps nothing of them
            oneClick(deadline).then().statusCode(200).body("turnedOff", equalTo("DEADLINES"));
            assertThat(Database.rowsMentioning(Tokens.subject(user), Tokens.email(user))).isEmpty();
        }
    }

    @Test
    void oddRequestsToTheOneClickEndpointGetAProblemNeverAnError() {
        String forged = "MToxMjM0NTY3OC0xMjM0LTEyMzQtMTIzNC0xMjM0NTY3ODkwMTI6TUVFVElOR1M.AAAA";
        for (String contentType : List.of("multipart/form-data; boundary=x", "application/xml", "text/plain", "application/json")) {
            for (String accept : List.of("text/html", "application/xml", "*/*", "application/json;q=0")) {
                Response post = given().header("Content-Type", contentType).header("Accept", accept).body("--x\r\nbroken".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .queryParam("token", forged).post("/unsubscribe");
                assertThat(post.statusCode()).as(contentType + " / " + accept).isBetween(400, 499);
                assertThat(post.contentType()).as(contentType + " / " + accept).startsWith("application/problem+json");
                assertThat(post.jsonPath().getInt("status")).isEqualTo(post.statusCode());
            }
        }
        for (String accept : List.of("text/html", "application/xml", "*/*", "application/json;q=0")) {
            Response get = given().header("Accept", accept).queryParam("token", forged).get("/unsubscribe");
            assertThat(get.statusCode()).as(accept).isBetween(400, 499);
            assertThat(get.contentType()).as(accept).startsWith("application/problem+json");
        }
        given().queryParam("token", "x".repeat(1000)).post("/unsubscribe").then().statusCode(400).contentType("application/problem+json");
    }

    /** The one-click URL of a mail's List-Unsubscribe header. */
    static String oneClickUrl(Mail mail) {
        String header = mail.listUnsubscribe();
        assertThat(header).as("List-Unsubscribe of " + mail.subject()).isNotNull().startsWith("<").endsWith(">");
        return header.substring(1, header.length() - 1);
    }

    /**
     * The POST a mail client makes for RFC 8058 (the body "List-Unsubscribe=One-Click", no credentials), to the URL
     * of the mail's header; sent to the service under test, which runs on a port of its own.
     */
    static Response oneClick(Mail mail) {
        URI uri = URI.create(oneClickUrl(mail));
        assertThat(uri.toString()).startsWith(UNSUBSCRIBE);
        return given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .post(uri.getPath() + "?" + uri.getRawQuery());
    }

    private static String inboxLink(String user, String subjectPart) {
        List<Map<String, Object>> items = given().auth().oauth2(Tokens.participant(user)).queryParam("size", 200).get("/me/notifications")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> String.valueOf(i.get("subject")).contains(subjectPart)).map(i -> (String) i.get("link"))
                .findFirst().orElseThrow(() -> new AssertionError(user + " has no '" + subjectPart + "' in the app: " + items));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
