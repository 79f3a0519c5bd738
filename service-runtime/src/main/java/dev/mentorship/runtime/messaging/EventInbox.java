package dev.mentorship.runtime.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The one way a service consumes events: a poll's records at a time ({@code batch=true} on every incoming channel),
 * each envelope read ({@link IncomingEvent}), all in ONE transaction with the records of their ids
 * ({@link ProcessedEvent}): one statement finds which ids were handled already, one inserts the others, then the handler
 * applies the new events in record order; so a redelivered event is skipped and a handled one is never half applied.
 * What goes wrong is sorted out by {@link EventBatch}: an unreachable database is waited out, a conflict with another
 * transaction retried, and anything else makes the events be applied one by one, each in its own transaction, so that
 * only the record that fails alone goes to the channel's .dlq. Types a handler does not know it answers with
 * {@link #ignored()}, so that producers may add new ones.
 * <p>
 * The handler's events share one Hibernate session: an event sees what the earlier ones of its batch changed.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final EventBatch batches;
    private final Clock clock;

    public EventInbox(EventBatch batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    /** Applies the poll's new events with {@code handler}, as the class describes, and acknowledges the batch. */
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch, Function<IncomingEvent, Uni<Void>> handler) {
        return batches.consume(batch, events -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> unhandled(session, events))
                .chain(fresh -> Multi.createFrom().iterable(fresh)
                        // deferred: binding the data may throw (poison), which must fail the transaction, not the caller
                        .onItem().transformToUniAndConcatenate(event -> Uni.createFrom().deferred(() -> handler.apply(event))
                                .replaceWith(event))
                        .collect().asList())));
    }

    /** The events not handled yet, in their order; their ids are recorded as handled (in this transaction). */
    private Uni<List<IncomingEvent>> unhandled(Mutiny.Session session, List<IncomingEvent> events) {
        List<String> ids = events.stream().map(IncomingEvent::id).toList();
        return session.createSelectionQuery("select p.eventId from ProcessedEvent p where p.eventId in :ids", String.class)
                .setParameter("ids", ids).getResultList()
                .chain(handled -> {
                    Set<String> seen = new HashSet<>(handled);
                    List<IncomingEvent> fresh = events.stream().filter(event -> !seen.contains(event.id())).toList();
                    if (!handled.isEmpty()) {
                        LOG.debugf("%d of %d events were handled already", handled.size(), events.size());
                    }
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().item(fresh);
                    }
                    // one statement; ids in order, so that two transactions lock them in the same order. An id another
                    // transaction recorded since the select is a unique-key violation: the batch is tried again
                    List<IncomingEvent> byId = fresh.stream().sorted(Comparator.comparing(IncomingEvent::id)).toList();
                    StringJoiner rows = new StringJoiner(", ");
                    for (int i = 0; i < byId.size(); i++) {
                        rows.add("(:id" + i + ", :type" + i + ", :at)");
                    }
                    Mutiny.MutationQuery insert = session.createMutationQuery(
                            "insert into ProcessedEvent (eventId, type, processedAt) values " + rows);
                    Instant now = clock.instant();
                    insert.setParameter("at", now);
                    for (int i = 0; i < byId.size(); i++) {
                        insert.setParameter("id" + i, byId.get(i).id()).setParameter("type" + i, byId.get(i).type());
                    }
                    return insert.executeUpdate().replaceWith(fresh);
                });
    }

    /** What a handler answers for a type it does not consume. */
    public static Uni<Void> ignored() {
        return Uni.createFrom().voidItem();
    }
}
