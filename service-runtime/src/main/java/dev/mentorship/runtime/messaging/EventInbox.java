package dev.mentorship.runtime.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.function.Function;

/**
 * The one way a service consumes an event: the envelope is read ({@link IncomingEvent}); the handler runs in one
 * transaction with the record of the event's id ({@link ProcessedEvent}), so a redelivered event is skipped and a
 * handled one is never half applied; an unreachable database is waited out ({@link WhileDatabaseDown}), never a reason
 * to dead-letter; anything else fails the message, which the channel's failure strategy sends to its .dlq. Types a
 * handler does not know it answers with {@link #ignored()}, so that producers may add new ones.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final ObjectMapper json;
    private final Clock clock;

    public EventInbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public Uni<Void> once(ConsumerRecord<String, String> record, Function<IncomingEvent, Uni<Void>> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.read(record, json);
        } catch (PoisonEventException e) {
            return Uni.createFrom().failure(e);
        }
        return WhileDatabaseDown.retry(event.toString(), () -> Panache.withTransaction(() -> ProcessedEvent
                .<ProcessedEvent>findById(event.id()).chain(seen -> {
                    if (seen != null) {
                        LOG.debugf("%s was handled already", event);
                        return Uni.createFrom().voidItem();
                    }
                    ProcessedEvent processed = new ProcessedEvent();
                    processed.eventId = event.id();
                    processed.type = event.type();
                    processed.processedAt = clock.instant();
                    // deferred: binding the data may throw (poison), which must fail this Uni, not the caller
                    return Uni.createFrom().deferred(() -> handler.apply(event))
                            .chain(() -> processed.persist()).replaceWithVoid();
                })));
    }

    /** What a handler answers for a type it does not consume. */
    public static Uni<Void> ignored() {
        return Uni.createFrom().voidItem();
    }
}
