package dev.mentorship.runtime.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A CloudEvent as it arrives from Kafka in binary mode: the envelope from the {@code ce_*} headers, the data as JSON.
 * {@link #data(Class)} binds the data into a record the consuming service owns, ignoring fields it does not know, so
 * that producers may add fields and domain code never looks fields up by name. A record that is not a CloudEvent, or
 * whose data cannot be bound, is poison: {@link PoisonEventException}, which the channel dead-letters.
 */
public final class IncomingEvent {

    private final String id;
    private final String type;
    private final Instant time;
    private final JsonNode data;
    private final ObjectReader reader;

    private IncomingEvent(String id, String type, Instant time, JsonNode data, ObjectReader reader) {
        this.id = id;
        this.type = type;
        this.time = time;
        this.data = data;
        this.reader = reader;
    }

    /** Reads the envelope and parses the data; poison when a required header is missing or the data is not JSON. */
    public static IncomingEvent read(ConsumerRecord<String, String> record, ObjectMapper json) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new PoisonEventException("Not a CloudEvent (no ce_id or ce_type) at "
                    + record.topic() + "/" + record.partition() + "@" + record.offset());
        }
        JsonNode data;
        try {
            data = record.value() == null ? null : json.readTree(record.value());
        } catch (IOException e) {
            throw new PoisonEventException("The data of " + type + " " + id + " is not JSON", e);
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("The data of " + type + " " + id + " is not a JSON object");
        }
        ObjectReader reader = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        return new IncomingEvent(id, type, time(header(record, "ce_time")), data, reader);
    }

    /** The data bound into {@code target}; poison when it does not fit (a wrong type, an unreadable value). */
    public <T> T data(Class<T> target) {
        try {
            T bound = reader.treeToValue(data, target);
            if (bound == null) {
                throw new PoisonEventException("The data of " + type + " " + id + " is empty");
            }
            return bound;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("The data of " + type + " " + id + " is not a " + target.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** {@code ce_id}: consumers handle each id once. */
    public String id() {
        return id;
    }

    /** {@code ce_type}: the event's name, e.g. ProgramPublished. */
    public String type() {
        return type;
    }

    /** {@code ce_time}, or null when absent or not an RFC 3339 time. */
    public Instant time() {
        return time;
    }

    @Override
    public String toString() {
        return type + " " + id;
    }

    private static Instant time(String ceTime) {
        try {
            return ceTime == null ? null : OffsetDateTime.parse(ceTime).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
