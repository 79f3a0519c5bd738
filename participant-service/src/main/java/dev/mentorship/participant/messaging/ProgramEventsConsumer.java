package dev.mentorship.participant.messaging;

import dev.mentorship.runtime.messaging.WhileDatabaseDown;
import dev.mentorship.runtime.messaging.ProcessedEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.participant.track.service.TrackCatalog;
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

/**
 * Reads schedule-service's program events (topic mentorship.programs). Each event is handled once, by its
 * CloudEvent id, in one transaction with the change it makes; an event that cannot be processed goes to
 * mentorship.programs.dlq and the consumer carries on. Event types it does not know are skipped, so that the
 * producer may add new ones.
 * An unreachable database is waited for ({@link WhileDatabaseDown}), never a reason to dead-letter an event.
 */
@ApplicationScoped
public class ProgramEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ProgramEventsConsumer.class);

    private final TrackCatalog catalog;
    private final ObjectMapper json;
    private final Clock clock;

    public ProgramEventsConsumer(TrackCatalog catalog, ObjectMapper json, Clock clock) {
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("programs")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
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
            Uni<Void> handled = switch (type) {
                case "ProgramPublished" -> catalog.onProgramPublished(data);
                case "MilestoneRescheduled" -> catalog.onMilestoneRescheduled(data);
                default -> Uni.createFrom().voidItem();
            };
            ProcessedEvent processed = new ProcessedEvent();
            processed.eventId = id;
            processed.type = type;
            processed.processedAt = clock.instant();
            return handled.chain(() -> processed.persist()).replaceWithVoid();
        })));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
