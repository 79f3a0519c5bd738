package dev.mentorship.matching.messaging;

import dev.mentorship.runtime.messaging.WhileDatabaseDown;
import dev.mentorship.runtime.messaging.ProcessedEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.matching.registration.service.RegistrationDirectory;
import dev.mentorship.matching.track.service.TrackDirectory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.BiFunction;

/**
 * Reads the events matching needs: tracks from mentorship.programs, registrations from mentorship.participants.
 * Each event is handled once, by its CloudEvent id, in one transaction with the change it makes (and the events
 * that change causes); what cannot be processed goes to the topic's .dlq and the consumer carries on. Types this
 * consumer does not know are skipped, so that producers may add new ones.
 * An unreachable database is waited for ({@link WhileDatabaseDown}), never a reason to dead-letter an event.
 */
@ApplicationScoped
public class EventsConsumer {

    private static final Logger LOG = Logger.getLogger(EventsConsumer.class);

    private final TrackDirectory tracks;
    private final RegistrationDirectory registrations;
    private final ObjectMapper json;
    private final Clock clock;

    public EventsConsumer(TrackDirectory tracks, RegistrationDirectory registrations, ObjectMapper json, Clock clock) {
        this.tracks = tracks;
        this.registrations = registrations;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("programs")
    public Uni<Void> programs(ConsumerRecord<String, String> record) {
        return handle(record, (type, data) -> switch (type) {
            case "ProgramPublished" -> tracks.onProgramPublished(data);
            default -> Uni.createFrom().voidItem();
        });
    }

    @Incoming("participants")
    public Uni<Void> participants(ConsumerRecord<String, String> record) {
        return handle(record, (type, data) -> switch (type) {
            case "ParticipantRegistered" -> registrations.onRegistered(data);
            case "ParticipantUpdated" -> registrations.onUpdated(data);
            case "ParticipantWithdrawn" -> registrations.onWithdrawn(data);
            case "ParticipantErased" -> registrations.onErased(data);
            default -> Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> handle(ConsumerRecord<String, String> record, BiFunction<String, JsonNode, Uni<Void>> handler) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "Not a CloudEvent (no ce_id or ce_type) at " + record.topic() + "/" + record.partition() + "@" + record.offset()));
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (IOException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("The data of " + type + " " + id + " is not JSON", e));
        }
        return WhileDatabaseDown.retry(type + " " + id, () -> Panache.withTransaction(() -> ProcessedEvent.<ProcessedEvent>findById(id).chain(seen -> {
            if (seen != null) {
                LOG.debugf("%s %s was handled already", type, id);
                return Uni.createFrom().voidItem();
            }
            ProcessedEvent processed = new ProcessedEvent();
            processed.eventId = id;
            processed.type = type;
            processed.processedAt = clock.instant();
            return handler.apply(type, data).chain(() -> processed.persist()).replaceWithVoid();
        })));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
