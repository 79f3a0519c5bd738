package dev.mentorship.runtime.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * Records events in the current transaction (no dual write: the change and its events commit together or not at
 * all); {@link OutboxRelay} publishes them. Must be called inside a transaction.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;
    private final EventsConfig config;

    public Outbox(ObjectMapper json, Clock clock, EventsConfig config) {
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Appends one event. {@code type} is the event's name ({@code ce_type}), {@code key} the aggregate id,
     * {@code subject} what the event is about ({@code ce_subject}), {@code data} a record serialised to JSON.
     */
    public Uni<OutboxEvent> append(String topic, String type, int schemaVersion, String key, String subject, Object data) {
        return append(topic, type, schemaVersion, key, subject, data, false);
    }

    /** As {@link #append(String, String, int, String, String, Object)}; an ephemeral event is deleted once published. */
    public Uni<OutboxEvent> append(String topic, String type, int schemaVersion, String key, String subject, Object data,
                                   boolean ephemeral) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.type = type;
        event.key = key;
        event.subject = subject;
        event.dataSchema = config.schemaBaseUrl() + type + ".v" + schemaVersion + ".json";
        event.occurredAt = clock.instant();
        event.ephemeral = ephemeral;
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Event data is not serialisable: " + type, e));
        }
        return event.persist();
    }
}
