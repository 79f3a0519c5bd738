package dev.mentorship.schedule.messaging;

import dev.mentorship.runtime.messaging.WhileDatabaseDown;
import dev.mentorship.runtime.messaging.ProcessedEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.schedule.meeting.service.MeetingService;
import dev.mentorship.schedule.people.PeopleDirectory;
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
 * Reads people from mentorship.participants and pairings from mentorship.pairings. Each event is handled once, by
 * its CloudEvent id, in one transaction with the change it makes; what cannot be processed goes to the topic's .dlq
 * and the consumer carries on. Types this consumer does not know are skipped.
 * An unreachable database is waited for ({@link WhileDatabaseDown}), never a reason to dead-letter an event.
 */
@ApplicationScoped
public class EventsConsumer {

    private static final Logger LOG = Logger.getLogger(EventsConsumer.class);

    private final PeopleDirectory people;
    private final MeetingService meetings;
    private final ObjectMapper json;
    private final Clock clock;

    public EventsConsumer(PeopleDirectory people, MeetingService meetings, ObjectMapper json, Clock clock) {
        this.people = people;
        this.meetings = meetings;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("participants")
    public Uni<Void> participants(ConsumerRecord<String, String> record) {
        return handle(record, (type, data) -> switch (type) {
            case "ParticipantRegistered" -> people.onRegistered(data);
            case "ParticipantUpdated" -> people.onUpdated(data);
            case "ParticipantWithdrawn" -> people.onWithdrawn(data);
            case "ParticipantErased" -> people.onErased(data);
            default -> Uni.createFrom().voidItem();
        });
    }

    @Incoming("pairings")
    public Uni<Void> pairings(ConsumerRecord<String, String> record) {
        return handle(record, (type, data) -> switch (type) {
            case "PairingCreated" -> meetings.onPairingCreated(data);
            case "PairingDissolved" -> meetings.onPairingDissolved(data);
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
