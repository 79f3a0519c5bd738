package dev.mentorship.schedule.reminder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorship.schedule.MovableClock;
import dev.mentorship.schedule.outbox.OutboxEvent;
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
 * reminders, each in its own transaction, as two pods would; every reminder must fire exactly once.
 */
@QuarkusTest
class ReminderReplicasTest {

    private static final int MILESTONES = 40;
    private static final List<String> LEADS = List.of("P5D", "P4D", "P3D", "P2D", "P1D");

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
        String programId = given().auth().oauth2(Tokens.organizer("olivia")).contentType(ContentType.JSON)
                .body(programWithManyReminders().toString())
                .when().post("/programs").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.organizer("olivia")).when().post("/programs/" + programId + "/publish")
                .then().statusCode(200);
        int expected = MILESTONES * LEADS.size();

        // every reminder is due (the 1-day ones since noon UTC), every deadline still ahead (2026-01-01T11:59:59Z)
        clock.set(Instant.parse("2025-12-31T12:00:00Z"));
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> replica = () -> {
            start.await();
            int fired = 0;
            for (int batch; (batch = dispatchOnce()) > 0; ) {
                fired += batch;
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

        List<OutboxEvent> recorded = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                OutboxEvent.<OutboxEvent>list("type = 'DeadlineApproaching' and key = ?1", programId)));
        assertThat(recorded).hasSize(expected);
        assertThat(recorded.stream().map(e -> e.subject + e.payload.replaceAll(".*\"lead\":\"(P\\dD)\".*", "$1")).distinct())
                .hasSize(expected);

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
        ObjectNode track = program.putArray("tracks").addObject()
                .put("key", "author").put("kind", "AUTHOR").put("name", "Author Mentorship").put("rolling", false);
        ArrayNode milestones = track.putArray("milestones");
        ObjectNode application = milestones.addObject().put("key", "application-deadline")
                .put("name", "Application deadline").put("type", "APPLICATION_DEADLINE").put("date", "2025-12-31");
        application.putArray("audience").add("MENTEE").add("MENTOR");
        for (int i = 0; i < MILESTONES; i++) {
            ObjectNode milestone = milestones.addObject().put("key", "task-" + i).put("name", "Task " + i)
                    .put("type", "OTHER_DEADLINE").put("date", "2025-12-31");
            milestone.putArray("audience").add("MENTEE");
            ArrayNode reminders = milestone.putArray("reminders");
            new ArrayList<>(LEADS).forEach(reminders::add);
        }
        return program;
    }
}
