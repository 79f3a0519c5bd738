package dev.mentorship.runtime.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes recorded events to Kafka as CloudEvents in binary mode, in the order they were recorded, and marks
 * them published in the same transaction. One replica publishes at a time (a transaction-scoped advisory lock),
 * which keeps each aggregate's events in order; if Kafka is down the batch stays unpublished and is tried again,
 * so nothing is lost (a consumer may see an event twice after a crash, and deduplicates by {@code ce_id}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of this service's relay ("outbox" in ASCII). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final MutinyEmitter<String> emitter;
    /** Whether the last round failed: the next one sends a single event to find out whether Kafka is back. */
    private volatile boolean probing;
    private final EventsConfig config;
    private final Clock clock;

    public OutboxRelay(@Channel("events") MutinyEmitter<String> emitter, EventsConfig config, Clock clock) {
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${mentorship.events.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    Uni<Void> relay() {
        return publishPending()
                // a watchdog: whatever happens below, a round ends, so that the next one can start
                .ifNoItem().after(config.relaySendTimeout().multipliedBy(3)).fail()
                .onFailure().invoke(e -> LOG.warnf("Outbox relay will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1m")
    Uni<Void> housekeeping() {
        return purgePublished()
                .onFailure().invoke(e -> LOG.warnf("Outbox housekeeping will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes events published longer ago than the retention; returns how many. */
    public Uni<Integer> purgePublished() {
        return Panache.withTransaction(() -> OutboxEvent.delete("publishedAt < ?1",
                clock.instant().minus(config.retention()))).map(Long::intValue);
    }

    /** Publishes what is pending; returns how many events were published. */
    public Uni<Integer> publishPending() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                // HQL, not native SQL: Hibernate 7.1 caches a native query's plan under a key never equal to the next
                // call's, so each round added a plan of the same hash and lookups slowed every query of the service
                .createSelectionQuery("select function('pg_try_advisory_xact_lock', :key)", Boolean.class)
                .setParameter("key", RELAY_LOCK)
                .getSingleResult()
                .flatMap(locked -> !Boolean.TRUE.equals(locked) ? Uni.createFrom().item(0) : session
                        .createSelectionQuery("from OutboxEvent where publishedAt is null order by seq", OutboxEvent.class)
                        .setMaxResults(probing ? 1 : config.relayBatchSize())
                        .getResultList()
                        .flatMap(this::sendAll))));
    }

    /**
     * Sends the batch in order without waiting for each acknowledgement in turn (the idempotent producer keeps the
     * order of each partition's records, retries included), waits for all of them, then marks as published the
     * longest run of acknowledged events from the start of the batch; the rest is sent again next round. A broker
     * that does not answer ends the wait after the timeout. What was acknowledged is recorded even then, so a slow
     * broker never makes the relay publish a whole batch twice (found by the fault suite, as was the next point).
     * Mutiny completes sends and timeouts on other threads: the results come back to the Vert.x context the
     * transaction began on, which Hibernate Reactive requires (else HR000068 and a transaction that never ends).
     */
    private Uni<Integer> sendAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Context context = Vertx.currentContext();
        AtomicBoolean[] acked = new AtomicBoolean[events.size()];
        List<Uni<Void>> sends = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            AtomicBoolean ack = acked[i] = new AtomicBoolean();
            sends.add(send(events.get(i)).invoke(() -> ack.set(true)).onFailure().recoverWithNull());
        }
        Uni<Void> all = Uni.join().all(sends).andFailFast().replaceWithVoid()
                .ifNoItem().after(config.relaySendTimeout()).recoverWithItem(() -> null);
        if (context != null) {
            all = all.emitOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return all.chain(() -> {
            int published = 0;
            while (published < events.size() && acked[published].get()) {
                published++;
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (OutboxEvent event : events.subList(0, published)) {
                event.publishedAt = clock.instant();
                if (event.ephemeral) {
                    chain = chain.chain(() -> event.delete());
                }
            }
            // after a failure, one event at a time until Kafka takes it: a batch sent into an outage would only expire
            probing = published < events.size();
            if (probing) {
                LOG.warnf("Kafka acknowledged %d of %d events in time; the rest go again, one at a time until Kafka answers",
                        published, events.size());
            }
            return chain.replaceWith(published);
        });
    }

    private Uni<Void> send(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.id.toString());
        header(headers, "ce_source", config.source());
        header(headers, "ce_type", event.type);
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt));
        header(headers, "ce_dataschema", event.dataSchema);
        if (event.subject != null) {
            header(headers, "ce_subject", event.subject);
        }
        header(headers, "content-type", "application/json");
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic).withKey(event.key).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(event.payload).addMetadata(metadata));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
