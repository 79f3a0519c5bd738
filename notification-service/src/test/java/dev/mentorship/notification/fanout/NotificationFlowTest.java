package dev.mentorship.notification.fanout;

import dev.mentorship.testing.Database;
import dev.mentorship.notification.Mailbox;
import dev.mentorship.notification.Mailbox.Mail;
import dev.mentorship.notification.SmtpServer;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.ManagementInterface;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Each event kind reaches the right people by email (a real SMTP server) and in the app, once. */
@QuarkusTest
class NotificationFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/me/notifications/stream")
    URL stream;

    static Predicate<Mail> to(String user, String subjectPart) {
        return m -> m.to().equalsIgnoreCase(Tokens.email(user)) && m.subject().contains(subjectPart);
    }

    static List<String> inboxSubjects(String user) {
        return given().auth().oauth2(Tokens.participant(user)).queryParam("size", 200).get("/me/notifications")
                .then().statusCode(200).extract().path("items.subject");
    }

    static void awaitProgramKnown(String programId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Integer.parseInt(Database.query("select count(*)::text from track_info where program_id = '" + programId + "'").get(0)) == 0) {
            assertThat(System.nanoTime()).as("notification-service never learnt program " + programId).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void awaitInbox(String user, String subjectPart) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (inboxSubjects(user).stream().anyMatch(s -> s.contains(subjectPart))) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError(user + " never got '" + subjectPart + "' in the app: " + inboxSubjects(user));
    }

    @Test
    void eachEventReachesTheRightPeopleOnceByEmailAndInTheApp() throws Exception {
        String mentor = "note-mentor";
        String mentee = "note-mentee";
        String reviewer = "note-reviewer";
        String deliveries;
        try (Events events = new Events()) {
            deliveries = "/programs/" + events.programId + "/deliveries";
            events.programPublished();
            // programs and pairings are different topics, consumed independently: the pairing mail may only name the
            // first-contact deadline once the program is known, as in production where publishing precedes matching
            awaitProgramKnown(events.programId);
            events.registered(mentor, events.author, "AUTHOR", "MENTOR", "Europe/Berlin", false);
            events.registered(mentee, events.author, "AUTHOR", "MENTEE", "Asia/Tokyo", true);
            events.registered(reviewer, events.reviewer, "REVIEWER", "MENTEE", "America/New_York", false);

            Mail late = Mailbox.await(to(mentee, "Your registration"), 1, WAIT).get(0);
            assertThat(late.text()).contains("Hello note-mentee Test").contains("waitlist");
            // the code of conduct the person accepted, where to read it and where to report a violation
            assertThat(late.text()).contains("You accepted the ML4H Code of Conduct (version 1)")
                    .contains("https://ahli.cc/ml4h/code-of-conduct/")
                    .contains("To report a violation, contact conduct-desk@ml4h.test");
            assertThat(late.html()).contains("https://ahli.cc/ml4h/code-of-conduct/").contains("conduct-desk@ml4h.test");
            assertThat(late.html()).contains("<p>Hello note-mentee Test,</p>");
            assertThat(Mailbox.await(to(mentor, "Your registration"), 1, WAIT)).hasSize(1);

            // a pairing: both members, with the partner's name, contact, the reasons and the next steps; redelivered: still once
            String pairing = events.pairingCreatedData(mentor, mentee);
            String id = events.send("mentorship.pairings", events.author, "PairingCreated", pairing);
            events.resend("mentorship.pairings", events.author, "PairingCreated", id, pairing);
            Mail toMentee = Mailbox.await(to(mentee, "Your mentor"), 1, WAIT).get(0);
            assertThat(toMentee.subject()).isEqualTo("Your mentor: note-mentor Test");
            assertThat(toMentee.text()).contains(Tokens.email(mentor)).contains("Shared interests: causal inference")
                    .contains("Please contact your mentor by July 16, 2099 AoE");
            Mail toMentor = Mailbox.await(to(mentor, "Your new mentee"), 1, WAIT).get(0);
            assertThat(toMentor.text()).contains(Tokens.email(mentee)).contains("Your mentee contacts you by July 16, 2099 AoE");

            // a deadline for the author track's mentees: the mentee, not the mentor, not the reviewer track
            events.deadline(events.author, "[\"MENTEE\"]");
            Mail deadline = Mailbox.await(to(mentee, "Paper submission deadline"), 1, WAIT).get(0);
            assertThat(deadline.text()).contains("September 8, 2099 AoE").contains("(Asia/Tokyo)");

            // a meeting: both, with the invitation attached
            events.meetingScheduled(UUID.randomUUID().toString(), mentor, mentee);
            Mail invitation = Mailbox.await(to(mentor, "Confirmed: mentoring meeting 1"), 1, WAIT).get(0);
            assertThat(invitation.calendarContentType()).contains("text/calendar").contains("method=REQUEST");
            assertThat(invitation.calendar()).contains("METHOD:REQUEST").contains("UID:meeting-1@meetings.mentorship")
                    .contains("DTSTART:20990722T150000Z");
            assertThat(Mailbox.await(to(mentee, "Confirmed: mentoring meeting 1"), 1, WAIT).get(0).text())
                    .contains("Thursday, July 23, 2099, 00:00 (Asia/Tokyo)");

            // a conduct report: the program's conduct contacts only (not oscar, an organizer), and nothing of its content
            String reportId = UUID.randomUUID().toString();
            events.send("mentorship.participants", reportId, "ConductReportFiled", "{\"reportId\": \"" + reportId
                    + "\", \"programId\": \"" + events.programId + "\", \"filedAt\": \"2026-01-01T00:00:00Z\"}");
            Mail report = Mailbox.await(m -> m.to().equals("olivia@mentorship.test") && m.subject().contains("conduct report"), 1, WAIT).get(0);
            assertThat(report.text()).contains(reportId);

            // a poison message on a topic: dead-lettered, and the next good event still arrives
            try (TopicReader dlq = new TopicReader("mentorship.schedule.dlq")) {
                events.sendRaw("mentorship.schedule", "poison", "this is not an event");
                assertThat(dlq.await(e -> "poison".equals(e.key()), 1, WAIT)).hasSize(1);
            }
            events.send("mentorship.pairings", events.author, "MenteeWaitlisted", """
                    {"programId": "%s", "trackId": "%s", "trackKind": "REVIEWER",
                     "mentee": {"participantId": "%s", "registrationId": "%s", "name": "note-reviewer Test", "email": "%s", "timeZone": "America/New_York"},
                     "reason": "NO_CAPACITY", "waitlistedAt": "2026-01-01T00:00:00Z"}"""
                    .formatted(events.programId, events.reviewer, Tokens.subject(reviewer), UUID.randomUUID(), Tokens.email(reviewer)));
            assertThat(Mailbox.await(to(reviewer, "waitlist"), 1, WAIT).get(0).text()).contains("You are on the waitlist.")
                    .doesNotContain("number");

            awaitInbox(mentee, "Paper submission deadline");
            awaitInbox(mentor, "Confirmed: mentoring meeting 1");
        }
        // exactly once per event and recipient, whatever was redelivered
        Thread.sleep(1000);
        assertThat(Mailbox.to(Tokens.email(mentee))).extracting(Mail::subject).containsExactlyInAnyOrder(
                "Your registration for Author Mentorship (ML4H Test)", "Your mentor: note-mentor Test",
                "Paper submission deadline: September 8, 2099 AoE", "Confirmed: mentoring meeting 1 with note-mentor Test");
        assertThat(Mailbox.to(Tokens.email(mentor))).extracting(Mail::subject).containsExactlyInAnyOrder(
                "Your registration for Author Mentorship (ML4H Test)", "Your new mentee: note-mentee Test",
                "Confirmed: mentoring meeting 1 with note-mentee Test");
        assertThat(Mailbox.to(Tokens.email(reviewer))).hasSize(2);
        assertThat(inboxSubjects(mentee)).hasSize(4);
        assertThat(inboxSubjects(mentor)).noneMatch(s -> s.contains("conduct"));
        assertThat(inboxSubjects("oscar")).noneMatch(s -> s.contains("conduct"));

        // the program's delivery log: its organizers only; a program nobody organizes here is nobody's
        given().auth().oauth2(Tokens.organizer("olivia")).queryParam("size", 200).get(deliveries).then().statusCode(200)
                .body("items.status", hasItem("SENT")).body("items.email", hasItem(Tokens.email(mentee)));
        given().auth().oauth2(Tokens.organizer("oscar")).queryParam("size", 200).get(deliveries).then().statusCode(200);
        given().auth().oauth2(Tokens.participant(mentee)).get(deliveries).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.organizer("olivia")).get("/programs/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
        // each mail's latency, from its event's ce_time to SMTP accepting it, is measured against the 1 s objective
        String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("notification_mail_latency_seconds_count(\\{[^}]*\\})? [1-9]")
                .containsPattern("notification_mail_latency_seconds_bucket\\{le=\"1\\.0\",?\\} [1-9]");
    }

    @Test
    void aMenteeWaitlistedAfterRegistrationClosedIsToldTheTruthAndAnEndedPairingThanksBoth() {
        String mentee = "closed-mentee";
        String mentor = "closed-mentor";
        try (Events events = new Events()) {
            events.programPublished();
            awaitProgramKnown(events.programId);
            // the reviewer track (not rolling) closes: its application deadline moves into the past
            events.send("mentorship.programs", events.programId, "MilestoneRescheduled", """
                    {"changeId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "REVIEWER", "milestoneId": "%s",
                     "milestoneKey": "application-deadline", "milestoneName": "Application deadline", "milestoneType": "APPLICATION_DEADLINE",
                     "audience": ["MENTOR"], "timeZone": "AoE",
                     "previous": {"date": "2098-12-31", "dueAt": "2099-01-01T00:00:00Z", "localRendering": "December 31, 2098 AoE"},
                     "current": {"date": "2020-01-01", "dueAt": "2020-01-02T11:59:59Z", "localRendering": "January 1, 2020 AoE"},
                     "summary": "moved earlier", "reason": "", "changedAt": "2026-01-01T00:00:00Z"}"""
                    .formatted(UUID.randomUUID(), events.programId, events.reviewer, UUID.randomUUID()));
            // two topics, two consumers: the waitlisting below must come after the close has been read
            long closed = System.nanoTime() + WAIT.toNanos();
            while (!Database.query("select count(*)::text from track_info where track_id = '" + events.reviewer
                    + "' and registration_closes_at < now()").equals(List.of("1"))) {
                assertThat(System.nanoTime()).as("the close of the reviewer track was never read").isLessThan(closed);
                sleep(50);
            }
            events.send("mentorship.pairings", events.reviewer, "MenteeWaitlisted", """
                    {"programId": "%s", "trackId": "%s", "trackKind": "REVIEWER",
                     "mentee": {"participantId": "%s", "registrationId": "%s", "name": "closed-mentee Test", "email": "%s", "timeZone": "UTC"},
                     "reason": "NO_CAPACITY", "waitlistedAt": "2026-01-01T00:00:00Z"}"""
                    .formatted(events.programId, events.reviewer, Tokens.subject(mentee), UUID.randomUUID(), Tokens.email(mentee)));
            assertThat(Mailbox.await(to(mentee, "waitlist"), 1, WAIT).get(0).text())
                    .contains("has closed, so no new mentor will join").doesNotContain("When a mentor registers");

            String pairingId = UUID.randomUUID().toString();
            events.send("mentorship.pairings", events.reviewer, "PairingEnded", """
                    {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "REVIEWER",
                     "mentor": {"participantId": "%s", "registrationId": "%s", "name": "closed-mentor Test", "email": "%s", "timeZone": "UTC"},
                     "mentee": {"participantId": "%s", "registrationId": "%s", "name": "closed-mentee Test", "email": "%s", "timeZone": "UTC"},
                     "endedAt": "2026-01-01T00:00:00Z"}"""
                    .formatted(pairingId, events.programId, events.reviewer, Tokens.subject(mentor), UUID.randomUUID(), Tokens.email(mentor),
                            Tokens.subject(mentee), UUID.randomUUID(), Tokens.email(mentee)));
            for (String member : List.of(mentor, mentee)) {
                Mail thanks = Mailbox.await(to(member, "has ended"), 1, WAIT).get(0);
                assertThat(thanks.subject()).isEqualTo("Thank you: your mentorship in Reviewer Mentorship has ended");
                assertThat(thanks.text()).contains("No more meetings are scheduled");
            }
        }
    }

    @Test
    void aConductReportReachesTheProgramsConductContactsAndItsOwnReportContactWithoutItsContent() {
        try (Events events = new Events()) {
            events.programPublished();
            awaitProgramKnown(events.programId);
            String reportId = UUID.randomUUID().toString();
            events.send("mentorship.participants", reportId, "ConductReportFiled", "{\"reportId\": \"" + reportId
                    + "\", \"programId\": \"" + events.programId + "\", \"filedAt\": \"2026-01-01T00:00:00Z\"}");
            Predicate<Mail> thisReport = m -> m.subject().contains("conduct report") && m.text().contains(reportId);
            // olivia holds the conduct-contact grant; the program's code of conduct names conduct-desk@ml4h.test (no account)
            Mail toStaff = Mailbox.await(thisReport.and(m -> m.to().equals("olivia@mentorship.test")), 1, WAIT).get(0);
            Mail toDesk = Mailbox.await(thisReport.and(m -> m.to().equals("conduct-desk@ml4h.test")), 1, WAIT).get(0);
            assertThat(toStaff.text()).contains("Read it in the platform").contains(reportId);
            // the report address is no account: it is told where the report is and who reads it
            assertThat(toDesk.text()).contains("names this address as the program's report contact").contains(reportId);
            sleep(500);
            // once each, and not to oscar (an organizer without the grant)
            assertThat(Mailbox.all().stream().filter(thisReport).map(Mail::to))
                    .containsExactlyInAnyOrder("olivia@mentorship.test", "conduct-desk@ml4h.test");
        }
    }

    @Test
    void preferencesTurnOffOptionalEmailsButNeverPairingOnesAndTheInboxKeepsEverything() {
        String user = "prefs-pat";
        given().auth().oauth2(Tokens.participant(user)).get("/me/notification-preferences").then().statusCode(200)
                .body("deadlines", equalTo(true)).body("pairing", equalTo(true));
        given().auth().oauth2(Tokens.participant(user)).contentType(ContentType.JSON)
                .body(Map.of("deadlines", true, "meetings", true, "inactivity", true, "dailyDigest", false, "pairing", false))
                .put("/me/notification-preferences").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("pairingOn"));
        given().auth().oauth2(Tokens.participant(user)).contentType(ContentType.JSON)
                .body(Map.of("deadlines", false, "meetings", true, "inactivity", true, "dailyDigest", false))
                .put("/me/notification-preferences").then().statusCode(200).body("deadlines", equalTo(false))
                .header("ETag", "\"0\"");
        // once chosen, a change names the version it changes (issue 17: no lost updates)
        Map<String, Object> digest = Map.of("deadlines", false, "meetings", true, "inactivity", true, "dailyDigest", true);
        given().auth().oauth2(Tokens.participant(user)).contentType(ContentType.JSON).body(digest)
                .put("/me/notification-preferences").then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(Tokens.participant(user)).contentType(ContentType.JSON).body(digest).header("If-Match", "\"7\"")
                .put("/me/notification-preferences").then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(Tokens.participant(user)).contentType(ContentType.JSON).body(digest).header("If-Match",
                        given().auth().oauth2(Tokens.participant(user)).get("/me/notification-preferences").header("ETag"))
                .put("/me/notification-preferences").then().statusCode(200).header("ETag", "\"1\"").body("dailyDigest", equalTo(true));
        given().auth().oauth2(Tokens.participant(user)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("deadlines", false, "meetings", true, "inactivity", true, "dailyDigest", false))
                .put("/me/notification-preferences").then().statusCode(200).header("ETag", "\"2\"");
        try (Events events = new Events()) {
            events.programPublished();
            events.registered(user, events.author, "AUTHOR", "MENTEE", "Europe/Paris", false);
            Mailbox.await(to(user, "Your registration"), 1, WAIT);
            events.deadline(events.author, "[\"MENTEE\", \"MENTOR\"]");
            awaitInbox(user, "Paper submission deadline");
        }
        assertThat(Mailbox.to(Tokens.email(user))).extracting(Mail::subject).noneMatch(s -> s.contains("Paper submission"));
    }

    @Test
    void theLiveStreamShowsANewNotificationToItsOwnerOnly() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<String> ownerLines = new CopyOnWriteArrayList<>();
        List<String> otherLines = new CopyOnWriteArrayList<>();
        CompletableFuture<?> owner = listen(client, "live-owner", ownerLines);
        CompletableFuture<?> other = listen(client, "live-other", otherLines);
        sleep(1500);
        try (Events events = new Events()) {
            events.programPublished();
            events.registered("live-owner", events.author, "AUTHOR", "MENTEE", "UTC", false);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ownerLines.stream().noneMatch(l -> l.contains("Your registration")) && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(ownerLines).anySatisfy(l -> assertThat(l).startsWith("data:").contains("Your registration"));
        sleep(500);
        assertThat(otherLines).noneMatch(l -> l.contains("Your registration"));
        owner.cancel(true);
        other.cancel(true);
    }

    @Test
    void failedSendsAreRetriedAndRecordedUntilTheSmtpServerIsBack() {
        SmtpServer.stopSmtp();
        try (Events events = new Events()) {
            events.programPublished();
            events.registered("retry-rita", events.author, "AUTHOR", "MENTEE", "UTC", false);
            List<String> state = awaitDelivery("retry-rita", d -> d.startsWith("PENDING:") && !d.endsWith(":"));
            assertThat(state).singleElement().asString().startsWith("PENDING:").doesNotEndWith(":");
            given().auth().oauth2(Tokens.organizer("olivia")).queryParam("status", "PENDING")
                    .get("/programs/" + events.programId + "/deliveries").then().statusCode(200)
                    .body("items.email", hasItem(Tokens.email("retry-rita")));
        } finally {
            SmtpServer.restart();
        }
        assertThat(Mailbox.await(to("retry-rita", "Your registration"), 1, WAIT)).hasSize(1);
        assertThat(Database.query("select status from email_delivery where recipient_id = '" + Tokens.subject("retry-rita") + "'"))
                .containsExactly("SENT");
    }

    @Test
    void anSmtpServerThatStopsAnsweringDelaysMailButNeverStopsTheSender() throws Exception {
        SmtpServer.stopSmtp();
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket()) {
            // takes connections and never says a word, as the local SMTP server did when it ran out of memory
            silent.setReuseAddress(true);
            silent.bind(new InetSocketAddress("127.0.0.1", SmtpServer.port()));
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is done with it
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (Events events = new Events()) {
                events.programPublished();
                events.registered("silent-sam", events.author, "AUTHOR", "MENTEE", "UTC", false);
                List<String> state = awaitDelivery("silent-sam", d -> d.contains("did not accept"));
                assertThat(state).singleElement().asString().startsWith("PENDING:").contains("did not accept the mail within 2 s");
            }
        } finally {
            for (Socket socket : held) {
                // an abortive close (RST): a normal one left the port in TIME_WAIT and GreenMail could not bind it again
                socket.setSoLinger(true, 0);
                socket.close();
            }
            SmtpServer.restart();
        }
        assertThat(Mailbox.await(to("silent-sam", "Your registration"), 1, WAIT)).hasSize(1);
    }

    @Test
    void erasureForgetsThePersonAndRedactsThemFromOtherPeoplesInboxAndMail() throws Exception {
        String user = "erase-nora";
        String partner = "erase-partner";
        try (Events events = new Events()) {
            events.programPublished();
            events.registered(user, events.author, "AUTHOR", "MENTEE", "UTC", false);
            events.registered(partner, events.author, "AUTHOR", "MENTOR", "UTC", false);
            awaitInbox(user, "Your registration");
            // her mentor's inbox and mail name her
            events.send("mentorship.pairings", events.author, "PairingCreated", events.pairingCreatedData(partner, user));
            awaitInbox(partner, "Your new mentee: " + user + " Test");
            Mailbox.await(to(partner, "Your new mentee"), 1, WAIT);
            events.send("mentorship.participants", Tokens.subject(user), "ParticipantErased",
                    "{\"participantId\": \"" + Tokens.subject(user) + "\", \"erasedAt\": \"2026-01-02T00:00:00Z\"}");
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> left = Database.rowsMentioning(Tokens.subject(user), Tokens.email(user), user + " Test");
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            sleep(100);
            left = Database.rowsMentioning(Tokens.subject(user), Tokens.email(user), user + " Test");
        }
        assertThat(left).isEmpty();
        // the mentor keeps the notice, without her name
        assertThat(inboxSubjects(partner)).contains("Your new mentee: a former participant");
    }

    @Test
    void aMeetingsPlaceIsInItsMailAndInTheAttachedInvitation() throws Exception {
        String mentor = "place-mentor";
        String mentee = "place-mentee";
        try (Events events = new Events()) {
            events.programPublished();
            awaitProgramKnown(events.programId);
            events.registered(mentor, events.author, "AUTHOR", "MENTOR", "Europe/Berlin", false);
            events.registered(mentee, events.author, "AUTHOR", "MENTEE", "Asia/Tokyo", false);
            String pairingId = UUID.randomUUID().toString();
            String meetingId = UUID.randomUUID().toString();
            String meeting = """
                    {"meetingId": "%s", "pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "kind": "MENTORING",
                     "number": 2, "startsAt": "2099-08-05T15:00:00Z", "endsAt": "2099-08-05T16:00:00Z", "durationMinutes": 60,
                     "sequence": %d, "icsUid": "%s@meetings.mentorship", "icsUrl": "http://127.0.0.1:8083/meetings/%s.ics",
                     "mentor": {"participantId": "%s", "name": "place-mentor Test", "email": "%s", "timeZone": "Europe/Berlin",
                       "localStart": "Wednesday, August 5, 2099, 17:00 (Europe/Berlin)"},
                     "mentee": {"participantId": "%s", "name": "place-mentee Test", "email": "%s", "timeZone": "Asia/Tokyo",
                       "localStart": "Thursday, August 6, 2099, 00:00 (Asia/Tokyo)"}%s}""";
            java.util.function.BiFunction<Integer, String, String> data = (sequence, extra) -> meeting.formatted(meetingId, pairingId,
                    events.programId, events.author, sequence, meetingId, meetingId, Tokens.subject(mentor), Tokens.email(mentor),
                    Tokens.subject(mentee), Tokens.email(mentee), extra);

            // confirmed with a place: the mail says where, the invitation has LOCATION (escaped) and URL (as it is)
            events.send("mentorship.schedule", pairingId, "MeetingScheduled", data.apply(1,
                    ", \"location\": \"Room 4.12, Building B; 2nd floor\", \"videoUrl\": \"https://zoom.us/j/123?pwd=a,b\""));
            Mail invitation = Mailbox.await(to(mentor, "Confirmed: mentoring meeting 2"), 1, WAIT).get(0);
            assertThat(invitation.text()).contains("Where: Room 4.12, Building B; 2nd floor")
                    .contains("Video link: https://zoom.us/j/123?pwd=a,b");
            assertThat(invitation.html()).contains("Where").contains("Room 4.12, Building B; 2nd floor");
            assertThat(invitation.calendar()).contains("LOCATION:Room 4.12\\, Building B\\; 2nd floor")
                    .contains("URL:https://zoom.us/j/123?pwd=a,b").contains("SEQUENCE:1");

            // the same time at a new place (only a video link now): told as a new place, not a move
            events.send("mentorship.schedule", pairingId, "MeetingRescheduled", data.apply(2,
                    ", \"previousStartsAt\": \"2099-08-05T15:00:00Z\", \"videoUrl\": \"https://meet.example.org/abc\""));
            Mail moved = Mailbox.await(to(mentee, "New place: mentoring meeting 2"), 1, WAIT).get(0);
            assertThat(moved.subject()).isEqualTo("New place: mentoring meeting 2 with place-mentor Test");
            assertThat(moved.text()).contains("now takes place at https://meet.example.org/abc")
                    .contains("Video link: https://meet.example.org/abc").doesNotContain("Where:").doesNotContain("moved to");
            assertThat(moved.calendar()).contains("LOCATION:https://meet.example.org/abc")
                    .contains("URL:https://meet.example.org/abc").contains("SEQUENCE:2");

            // the draft reminder says where too (here a location only)
            events.send("mentorship.schedule", pairingId, "DraftReminder", data.apply(2,
                    ", \"lead\": \"P3D\", \"location\": \"Zoom\""));
            Mail draft = Mailbox.await(to(mentee, "Send your current draft"), 1, WAIT).get(0);
            assertThat(draft.text()).contains("Where: Zoom").doesNotContain("Video link");
        }
    }

    private CompletableFuture<?> listen(HttpClient client, String user, List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString())).header("Authorization", "Bearer " + Tokens.participant(user))
                .header("Accept", "text/event-stream").GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    }
                });
    }

    /**
     * The user's deliveries as "status:attempts:last error", polled until the first one matches {@code until} or
     * {@link #WAIT} has passed; the caller asserts on what it got.
     */
    private static List<String> awaitDelivery(String user, Predicate<String> until) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> state = List.of();
        while (System.nanoTime() < deadline) {
            state = Database.query("select status || ':' || attempts || ':' || coalesce(last_error, '') from email_delivery where recipient_id = '"
                    + Tokens.subject(user) + "'");
            if (!state.isEmpty() && until.test(state.get(0))) {
                break;
            }
            sleep(100);
        }
        return state;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
