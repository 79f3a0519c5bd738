package dev.mentorship.schedule.outbox;

import dev.mentorship.runtime.outbox.OutboxEvent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorship.schedule.program.ProgramFiles;
import dev.mentorship.testing.EmbeddedKafkaBroker;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The outbox keeps what happens while Kafka is down and publishes it once Kafka is back. */
@QuarkusTest
class KafkaOutageTest {

    @Test
    void aProgramPublishedWhileKafkaIsDownIsAnnouncedWhenItComesBack() throws Throwable {
        ObjectNode file = ProgramFiles.load("ml4h-2024");
        String programId;
        EmbeddedKafkaBroker.stopBroker();
        try {
            programId = given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON)
                    .body(file.toString()).when().post("/programs").then().statusCode(201).extract().path("id");
            // the change commits without Kafka: the event waits in the outbox
            given().auth().oauth2(Tokens.admin("olivia")).when().post("/programs/" + programId + "/publish")
                    .then().statusCode(200);
            Thread.sleep(3000);
            assertThat(pending(programId)).hasSize(1);
        } finally {
            EmbeddedKafkaBroker.restartBroker();
        }

        try (TopicReader programs = new TopicReader("mentorship.programs")) {
            List<TopicReader.Event> announced = programs.await(e -> "ProgramPublished".equals(e.type())
                    && programId.equals(e.key()), 1, Duration.ofSeconds(90));
            assertThat(announced).isNotEmpty();
            // once: what a round sent into the outage was aborted with its Kafka transaction (read_committed)
            assertThat(programs.readFor(Duration.ofSeconds(3), e -> "ProgramPublished".equals(e.type())
                    && programId.equals(e.key()))).as("the event, copies included").hasSize(1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!pending(programId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(pending(programId)).isEmpty();
    }

    private static List<OutboxEvent> pending(String programId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> OutboxEvent.<OutboxEvent>list(
                "key = ?1 and type = 'ProgramPublished' and publishedAt is null", programId)));
    }
}
