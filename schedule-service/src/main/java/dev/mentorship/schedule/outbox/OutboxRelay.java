package dev.mentorship.schedule.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult()
                .flatMap(locked -> !locked ? Uni.createFrom().item(0) : session
                        .createNativeQuery("select * from outbox_event where published_at is null order by seq limit "
                                + config.relayBatchSize(), OutboxEvent.class)
                        .getResultList()
                        .flatMap(this::sendAll))));
    }

    private Uni<Integer> sendAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // one after the other: Kafka keeps the order of one key's records only if they are sent in order
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OutboxEvent event : events) {
            chain = chain.chain(() -> send(event)).chain(() -> {
                event.publishedAt = clock.instant();
                return event.ephemeral ? event.delete() : Uni.createFrom().voidItem();
            });
        }
        return chain.ifNoItem().after(config.relaySendTimeout()).fail().replaceWith(events.size());
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
