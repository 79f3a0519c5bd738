package dev.mentorship.runtime.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The envelope every consumer reads: what binds, what is ignored, what is poison (and so dead-lettered). */
class IncomingEventTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    record Moved(@Required UUID trackId, @Required Instant dueAt, String note) {
    }

    @Test
    void bindsTheDataIntoTheConsumersRecordIgnoringFieldsItDoesNotKnow() {
        UUID track = UUID.randomUUID();
        IncomingEvent event = IncomingEvent.read(record("""
                {"trackId": "%s", "dueAt": "2025-09-01T11:59:59Z", "addedLater": {"x": 1}}""".formatted(track), true), json);

        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo("MilestoneRescheduled");
        assertThat(event.time()).isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
        assertThat(event.data(Moved.class)).isEqualTo(new Moved(track, Instant.parse("2025-09-01T11:59:59Z"), null));
    }

    @Test
    void aMissingRequiredFieldIsPoisonNamingIt() {
        IncomingEvent event = IncomingEvent.read(record("{\"dueAt\": \"2025-09-01T11:59:59Z\"}", true), json);
        assertThatThrownBy(() -> event.data(Moved.class)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("MilestoneRescheduled e-1").hasMessageContaining("trackId");
    }

    @Test
    void anExplicitNullInARequiredFieldIsPoisonToo() {
        IncomingEvent event = IncomingEvent.read(record("{\"trackId\": null, \"dueAt\": \"2025-09-01T11:59:59Z\"}", true), json);
        assertThatThrownBy(() -> event.data(Moved.class)).isInstanceOf(PoisonEventException.class).hasMessageContaining("trackId");
    }

    @Test
    void aValueOfTheWrongTypeIsPoison() {
        IncomingEvent event = IncomingEvent.read(record("{\"trackId\": \"not-a-uuid\", \"dueAt\": \"soon\"}", true), json);
        assertThatThrownBy(() -> event.data(Moved.class)).isInstanceOf(PoisonEventException.class);
    }

    @Test
    void aRecordThatIsNotACloudEventOrNotJsonIsPoison() {
        assertThatThrownBy(() -> IncomingEvent.read(record("{}", false), json)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("Not a CloudEvent");
        assertThatThrownBy(() -> IncomingEvent.read(record("{not json", true), json)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> IncomingEvent.read(record("[1, 2]", true), json)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("not a JSON object");
    }

    private static ConsumerRecord<String, String> record(String value, boolean cloudEvent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("mentorship.programs", 0, 42L, "k", value);
        if (cloudEvent) {
            record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", "MilestoneRescheduled".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_time", "2025-07-01T00:00:00Z".getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
