package dev.mentorship.schedule.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorship.schedule.MovableClock;
import dev.mentorship.schedule.reminder.Reminder;
import dev.mentorship.schedule.reminder.service.ReminderDispatcher;
import dev.mentorship.testing.EventSchemas;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Conditional;
import dev.mentorship.testing.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The whole life of a program on the real broker: publish, extend a deadline, and the reminders as time passes. */
@QuarkusTest
class ProgramPublishingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MovableClock clock;

    @Inject
    ReminderDispatcher dispatcher;

    @AfterEach
    void resetClock() {
        clock.set(MovableClock.START);
    }

    @Test
    void aProgramsFrontendUrlTravelsWithProgramPublished() {
        ObjectNode file = ProgramFiles.load("ml4h-2024");
        file.put("frontendUrl", "https://mentorship.ml4h.cc/");
        String programId = ProgramImportTest.create(file).then().statusCode(201).extract().path("id");
        try (TopicReader programs = new TopicReader("mentorship.programs")) {
            given().auth().oauth2(Tokens.admin("olivia")).when().post("/programs/" + programId + "/publish")
                    .then().statusCode(200).body("frontendUrl", equalTo("https://mentorship.ml4h.cc"));
            List<TopicReader.Event> published = programs.await(
                    e -> "ProgramPublished".equals(e.type()) && programId.equals(e.headers().get("ce_subject")), 1, WAIT);
            assertThat(published).hasSize(1);
            EventSchemas.assertValid("META-INF/resources/schemas/ProgramPublished.v1.json", published.get(0).data());
            assertThat(published.get(0).data().get("frontendUrl").asText()).isEqualTo("https://mentorship.ml4h.cc");
        }
    }

    @Test
    void publishingMl4h2025AnnouncesEveryMilestoneAndExtendingADeadlineMovesItsReminders() throws Throwable {
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        JsonPath draft = ProgramImportTest.create(file).then().statusCode(201).extract().jsonPath();
        String programId = draft.getString("id");

        given().auth().oauth2(Tokens.admin("olivia")).when().post("/programs/" + programId + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("publishedAt", equalTo(MovableClock.START.toString()));
        given().auth().oauth2(Tokens.admin("olivia")).when().post("/programs/" + programId + "/publish")
                .then().statusCode(409).contentType("application/problem+json");

        try (TopicReader programs = new TopicReader("mentorship.programs")) {
            List<TopicReader.Event> published = programs.await(
                    e -> "ProgramPublished".equals(e.type()) && programId.equals(e.headers().get("ce_subject")), 1, WAIT);
            assertThat(published).hasSize(1);
            TopicReader.Event event = published.get(0);
            assertThat(event.key()).isEqualTo(programId);
            assertThat(event.headers()).containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_source", "/mentorship/schedule-service")
                    .containsEntry("content-type", "application/json")
                    .containsKeys("ce_id", "ce_time")
                    .containsEntry("ce_dataschema", "http://127.0.0.1:8083/schemas/ProgramPublished.v1.json");
            EventSchemas.assertValid("META-INF/resources/schemas/ProgramPublished.v1.json", event.data());
            List<JsonNode> milestones = StreamSupport.stream(event.data().get("tracks").spliterator(), false)
                    .flatMap(t -> StreamSupport.stream(t.get("milestones").spliterator(), false)).toList();
            assertThat(milestones).hasSize(ProgramFiles.milestoneCount(file));
            assertThat(milestones).allSatisfy(m -> assertThat(Instant.parse(m.get("dueAt").asText())).isNotNull());
            assertThat(event.data().at("/tracks/0/registration/applicationDeadline").asText()).isEqualTo("2025-07-06T11:59:59Z");

            // an extension of the author track's submission deadline, September 8 -> September 10
            String trackId = draft.getString("tracks[0].trackId");
            String deadlineId = draft.getString("tracks[0].milestones.find { it.key == 'submission-deadline' }.milestoneId");
            Conditional.write(() -> given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON), "PATCH",
                    "/programs/" + programId + "/tracks/" + trackId + "/milestones/" + deadlineId, "{\"date\": \"2025-09-10\", \"reason\": \"More time after the OpenReview outage\"}")
                    .then().statusCode(200)
                    .body("summary", equalTo("extended from September 8 to September 10"))
                    .body("newDueAt", equalTo("2025-09-11T11:59:59Z"));

            List<TopicReader.Event> moved = programs.await(
                    e -> "MilestoneRescheduled".equals(e.type()) && deadlineId.equals(e.headers().get("ce_subject")), 1, WAIT);
            assertThat(moved).hasSize(1);
            EventSchemas.assertValid("META-INF/resources/schemas/MilestoneRescheduled.v1.json", moved.get(0).data());
            assertThat(moved.get(0).data().at("/previous/dueAt").asText()).isEqualTo("2025-09-09T11:59:59Z");
            assertThat(moved.get(0).data().at("/current/dueAt").asText()).isEqualTo("2025-09-11T11:59:59Z");
            assertThat(moved.get(0).data().at("/current/localRendering").asText()).isEqualTo("September 10, 2025 AoE");
            assertThat(moved.get(0).key()).isEqualTo(programId);

            given().auth().oauth2(Tokens.participant("anna")).when().get("/programs/" + programId)
                    .then().statusCode(200)
                    .body("changes.find { it.milestoneId == '" + deadlineId + "' }.summary",
                            equalTo("extended from September 8 to September 10"))
                    .body("changes.find { it.milestoneId == '" + deadlineId + "' }.reason",
                            containsString("OpenReview"));

            List<Reminder> reminders = reminders(UUID.fromString(deadlineId));
            assertThat(reminders).filteredOn(r -> r.status == Reminder.Status.CANCELLED).hasSize(3)
                    .allSatisfy(r -> assertThat(r.dueAt).isEqualTo(Instant.parse("2025-09-09T11:59:59Z")));
            assertThat(reminders).filteredOn(r -> r.status == Reminder.Status.PENDING).hasSize(3)
                    .extracting(r -> r.fireAt).containsExactlyInAnyOrder(
                            Instant.parse("2025-08-28T11:59:59Z"), Instant.parse("2025-09-04T11:59:59Z"),
                            Instant.parse("2025-09-10T11:59:59Z"));
        }

        // time passes: the clock moves past each moment a reminder is due, and the dispatcher runs
        List<Instant> moments = pendingFireTimes(UUID.fromString(programId));
        assertThat(moments).hasSize(ProgramFiles.reminderCount(file));
        for (Instant moment : moments.stream().distinct().sorted().toList()) {
            clock.set(moment.plusSeconds(1));
            VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatchDue());
        }
        try (TopicReader schedule = new TopicReader("mentorship.schedule")) {
            List<TopicReader.Event> approaching = schedule.await(e -> "DeadlineApproaching".equals(e.type())
                    && programId.equals(e.data().path("programId").asText()), moments.size(), WAIT);
            assertThat(approaching).hasSize(moments.size());
            Set<String> milestoneAndLead = new HashSet<>();
            for (TopicReader.Event event : approaching) {
                EventSchemas.assertValid("META-INF/resources/schemas/DeadlineApproaching.v1.json", event.data());
                assertThat(milestoneAndLead.add(event.data().get("milestoneId").asText() + "/" + event.data().get("lead").asText()))
                        .as("one DeadlineApproaching per milestone and lead time").isTrue();
            }
            TopicReader.Event sevenDaysBeforeSubmission = approaching.stream()
                    .filter(e -> e.data().get("milestoneKey").asText().equals("submission-deadline")
                            && e.data().get("lead").asText().equals("P7D")).findFirst().orElseThrow();
            assertThat(sevenDaysBeforeSubmission.data().get("localRendering").asText()).isEqualTo("September 10, 2025 AoE");
            assertThat(sevenDaysBeforeSubmission.data().get("dueAt").asText()).isEqualTo("2025-09-11T11:59:59Z");
            assertThat(StreamSupport.stream(sevenDaysBeforeSubmission.data().get("audience").spliterator(), false)
                    .map(JsonNode::asText)).containsExactlyInAnyOrder("MENTEE", "MENTOR");
            // and nothing more comes: no reminder fires twice
            assertThat(schedule.readFor(Duration.ofSeconds(2), e -> "DeadlineApproaching".equals(e.type())
                    && programId.equals(e.data().path("programId").asText()))).hasSize(moments.size());
        }
    }

    @Test
    void aReminderMissedWhileNothingRanFiresLateIfItsDeadlineIsAheadAndNeverAfter() throws Throwable {
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        String programId = ProgramImportTest.create(file).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.admin("olivia")).when().post("/programs/" + programId + "/publish")
                .then().statusCode(200);

        // the service "was down" from June 1 until July 6, 06:00 UTC: the author application deadline
        // (2025-07-06T11:59:59Z) is still ahead, so its 1-day reminder fires late; its 7-day one, also missed, is
        // skipped (it would repeat the 1-day one in the same minute)
        clock.set(Instant.parse("2025-07-06T06:00:00Z"));
        VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatchDue());
        // then down again until after the deadline of the reviewer track's application (Sept 2, 11:59:59Z)
        clock.set(Instant.parse("2025-09-03T00:00:00Z"));
        VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatchDue());

        List<Reminder> all = new ArrayList<>();
        for (String key : List.of("application-deadline")) {
            all.addAll(remindersOf(UUID.fromString(programId), key));
        }
        // author: fired late (deadline ahead); reviewer: its deadline passed while down, so expired, never fired
        assertThat(all).filteredOn(r -> r.dueAt.equals(Instant.parse("2025-07-06T11:59:59Z")))
                .extracting(r -> r.lead + " " + r.status).containsExactlyInAnyOrder("P1D SENT", "P7D SKIPPED");
        assertThat(all).filteredOn(r -> r.dueAt.equals(Instant.parse("2025-09-02T11:59:59Z")))
                .extracting(r -> r.status).containsOnly(Reminder.Status.EXPIRED);
        try (TopicReader schedule = new TopicReader("mentorship.schedule")) {
            List<TopicReader.Event> fired = schedule.readFor(Duration.ofSeconds(3), e -> "DeadlineApproaching".equals(e.type())
                    && programId.equals(e.data().path("programId").asText())
                    && "application-deadline".equals(e.data().path("milestoneKey").asText()));
            assertThat(fired).extracting(e -> e.data().get("trackKey").asText() + " " + e.data().get("lead").asText())
                    .containsExactly("author P1D");
        }
    }

    @Test
    void aDeadlineMovedCloserSkipsTheLeadTimesItPassedInsteadOfSendingThemAtOnce() throws Throwable {
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        JsonPath draft = ProgramImportTest.create(file).then().statusCode(201).extract().jsonPath();
        String programId = draft.getString("id");
        given().auth().oauth2(Tokens.admin("olivia")).when().post("/programs/" + programId + "/publish")
                .then().statusCode(200);
        // June 27: the author application deadline (July 5 AoE) is brought forward to July 2 AoE; the new 7-day
        // moment (June 26) has passed, and the audience is told of the new date by MilestoneRescheduled
        clock.set(Instant.parse("2025-06-27T00:00:00Z"));
        String trackId = draft.getString("tracks[0].trackId");
        String deadlineId = draft.getString("tracks[0].milestones.find { it.key == 'application-deadline' }.milestoneId");
        Conditional.write(() -> given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON), "PATCH",
                "/programs/" + programId + "/tracks/" + trackId + "/milestones/" + deadlineId, "{\"date\": \"2025-07-02\", \"reason\": \"Pairings released early\"}")
                .then().statusCode(200);
        List<Reminder> current = reminders(UUID.fromString(deadlineId)).stream()
                .filter(r -> r.dueAt.equals(Instant.parse("2025-07-03T11:59:59Z"))).toList();
        assertThat(current).extracting(r -> r.lead + " " + r.status).containsExactlyInAnyOrder("P7D SKIPPED", "P1D PENDING");
        VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatchDue());
        try (TopicReader schedule = new TopicReader("mentorship.schedule")) {
            assertThat(schedule.readFor(Duration.ofSeconds(2), e -> "DeadlineApproaching".equals(e.type())
                    && deadlineId.equals(e.data().path("milestoneId").asText()))).isEmpty();
        }
    }

    private static List<Reminder> reminders(UUID milestoneId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> Reminder.<Reminder>list("milestoneId", milestoneId)));
    }

    private static List<Reminder> remindersOf(UUID programId, String milestoneKey) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Reminder.<Reminder>list(
                "milestoneId in (select m.id from Milestone m where m.programId = ?1 and m.key = ?2)", programId, milestoneKey)));
    }

    private static List<Instant> pendingFireTimes(UUID programId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Reminder.<Reminder>list(
                        "status = ?1 and milestoneId in (select m.id from Milestone m where m.programId = ?2)",
                        Reminder.Status.PENDING, programId)))
                .stream().map(r -> r.fireAt).toList();
    }
}
