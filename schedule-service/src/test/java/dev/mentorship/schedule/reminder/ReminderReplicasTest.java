package dev.mentorship.schedule.reminder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorship.schedule.MovableClock;
import dev.mentorship.schedule.reminder.service.ReminderDispatcher;
import dev.mentorship.runtime.outbox.OutboxEvent;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the service share one database: two dispatchers (and the scheduled one) race for the same due
 * reminders, each in its own transaction, as two pods would; every reminder must fire exactly once. Both lead times
 * of every deadline are due at once (the service was down through both moments): only the shorter one is sent, the
 * other skipped, whichever replica claims which.
 */
@QuarkusTest
class ReminderReplicasTest {

    private static final int MILESTONES = 3 * 49; // three tracks of 49 tasks and an application deadline (50 is a track's limit)
    private static final List<String> LEADS = List.of("P5D", "P1D");

    @Inject
    MovableClock clock;

    @Inject
    ReminderDispatcher dispatcher;

    @AfterEach
    void resetClock() {
        clock.set(MovableClock.START);
    }

    @Test
    void racingReplicasFireEachReminderOnce() throws Throwable {
        String programId = given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON)
                .body(programWithManyReminders().toString())
                .when().post("/programs").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.admin("olivia")).when().post("/programs/" + programId + "/publish")
                .then().statusCode(200);
        int expected = MILESTONES; // the 1-day reminders; the 5-day ones would repeat them

        // every reminder is due (the 1-day ones since noon UTC), every deadline still ahead (2026-01-01T11:59:59Z)
        clock.set(Instant.parse("2025-12-31T12:00:00Z"));
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> replica = () -> {
            start.await();
            int fired = 0;
            // a batch may send nothing and still have work behind it: reminders of earlier tests' programs, due at
            // this clock too but past their deadlines, are settled EXPIRED first (seen when this test ran after another)
            for (int round = 0; round < 50; round++) {
                int batch = dispatchOnce();
                fired += batch;
                if (batch == 0 && pendingDue() == 0) {
                    break;
                }
            }
            return fired;
        };
        ExecutorService pods = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pods.submit(replica);
            Future<Integer> second = pods.submit(replica);
            start.countDown();
            assertThat(first.get() + second.get()).isBetween(1, expected);
        } finally {
            pods.shutdownNow();
        }

        // the scheduled dispatcher races too: a batch it claimed (and the replicas skipped) may still be committing
        List<OutboxEvent> recorded = List.of();
        for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < deadline; Thread.sleep(200)) {
            recorded = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                    OutboxEvent.<OutboxEvent>list("type = 'DeadlineApproaching' and key = ?1", programId)));
            if (recorded.size() >= expected) {
                break;
            }
        }
        assertThat(recorded).hasSize(expected);
        assertThat(recorded.stream().map(e -> e.subject + e.payload.replaceAll(".*\"lead\":\"(P\\dD)\".*", "$1")).distinct())
                .hasSize(expected).allMatch(s -> s.endsWith("P1D"));
        List<Reminder> settled = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Reminder.<Reminder>list(
                "milestoneId in (select m.id from Milestone m where m.programId = ?1 and m.key like 'task-%')", UUID.fromString(programId))));
        assertThat(settled).extracting(r -> r.lead + " " + r.status)
                .containsOnly("P1D SENT", "P5D SKIPPED").hasSize(MILESTONES * LEADS.size());

        try (TopicReader schedule = new TopicReader("mentorship.schedule")) {
            List<TopicReader.Event> fired = schedule.await(e -> "DeadlineApproaching".equals(e.type())
                    && programId.equals(e.key()), expected, Duration.ofSeconds(30));
            assertThat(fired).hasSize(expected);
            assertThat(fired.stream().map(e -> e.data().get("reminderId").asText()).distinct()).hasSize(expected);
            assertThat(schedule.readFor(Duration.ofSeconds(2), e -> "DeadlineApproaching".equals(e.type())
                    && programId.equals(e.key()))).hasSize(expected);
        }
    }

    /** One poll of a replica's dispatcher, on a Vert.x context of its own. */
    /** Reminders still waiting whose moment has come (some may be claimed by the other replica right now). */
    private long pendingDue() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Reminder.count(
                    "status = ?1 and fireAt <= ?2", Reminder.Status.PENDING, clock.instant())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private int dispatchOnce() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatchDue());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode programWithManyReminders() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode program = json.createObjectNode()
                .put("conference", "Replica Con")
                .put("name", "Replica Con " + UUID.randomUUID());
        program.putObject("codeOfConduct").put("title", "Code of Conduct").put("version", "1");
        ArrayNode tracks = program.putArray("tracks");
        for (String kind : List.of("AUTHOR", "REVIEWER", "CAREER")) {
            ObjectNode track = tracks.addObject()
                    .put("key", kind.toLowerCase()).put("kind", kind).put("name", kind + " Mentorship").put("rolling", false);
            ArrayNode milestones = track.putArray("milestones");
            ObjectNode application = milestones.addObject().put("key", "application-deadline")
                    .put("name", "Application deadline").put("type", "APPLICATION_DEADLINE").put("date", "2025-12-31");
            application.putArray("audience").add("MENTEE").add("MENTOR");
            for (int i = 0; i < MILESTONES / 3; i++) {
                ObjectNode milestone = milestones.addObject().put("key", "task-" + i).put("name", "Task " + i)
                        .put("type", "OTHER_DEADLINE").put("date", "2025-12-31");
                milestone.putArray("audience").add("MENTEE");
                ArrayNode reminders = milestone.putArray("reminders");
                new ArrayList<>(LEADS).forEach(reminders::add);
            }
        }
        return program;
    }
}
