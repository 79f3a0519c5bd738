package dev.mentorship.runtime.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.runtime.persistence.DatabaseFailures;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The records of one poll ({@code mp.messaging.incoming.<channel>.batch=true}), applied in ONE transaction: the
 * service's {@link Transaction} skips the ids it handled already (in bulk) and applies the others in record order, so a
 * partition's (and so a key's) order is kept. What may go wrong, and what then happens:
 * <ul>
 * <li>a record that is not a CloudEvent: dead-lettered alone before the others are applied;</li>
 * <li>the database is unreachable: the whole batch waits for it ({@link WhileDatabaseDown}), never dead-lettered;</li>
 * <li>a conflict with another transaction ({@link DatabaseFailures#conflict}: a unique key taken meanwhile, a deadlock,
 * a serialization failure, a lock not granted), which concurrent consumers of a topic's partitions meet: the batch is
 * tried again a few times after a short random wait;</li>
 * <li>anything else (data that does not bind, a handler's bug, a conflict that did not go away): the batch's
 * transaction rolled back, its events are applied again one by one, each in its own transaction, and only the one
 * that fails alone is dead-lettered; the others are applied.</li>
 * </ul>
 * A record is dead-lettered through its own nack, i.e. the channel's {@code dead-letter-queue} failure strategy, which
 * writes it to {@code <topic>.dlq} with SmallRye's headers ({@code dead-letter-reason}, {@code -cause},
 * {@code -topic}, {@code -partition}, {@code -offset}) as it did for single records: nacking the batch would send
 * every record of it there. The batch is acknowledged once all its records were applied or dead-lettered.
 */
@ApplicationScoped
public class EventBatch {

    private static final Logger LOG = Logger.getLogger(EventBatch.class);
    /**
     * Conflicts are retried this often after the first attempt, waiting from 20 ms up to 2 s, jittered: about half a
     * minute, long enough for concurrent fan-outs to pass each other; a conflict that outlasts it is taken for the
     * event's own (a unique key its data can never satisfy) and the events are applied one by one.
     */
    static final int CONFLICT_RETRIES = 20;
    static final Duration FIRST_CONFLICT_WAIT = Duration.ofMillis(20);
    static final Duration LONGEST_CONFLICT_WAIT = Duration.ofSeconds(2);
    /** A batch that fails as a whole (a dead-letter send refused, say) is tried again, never dropped: up to 30 s apart. */
    static final Duration LONGEST_BATCH_WAIT = Duration.ofSeconds(30);

    /** Applies the events, in this order, in one transaction, leaving out those handled already; fails to roll back. */
    @FunctionalInterface
    public interface Transaction {
        Uni<?> apply(List<IncomingEvent> events);
    }

    /** One record of a poll, and how to dead-letter it. */
    record Polled(ConsumerRecord<String, String> record, Function<Throwable, Uni<Void>> deadLetter) {
    }

    private record Read(Polled polled, IncomingEvent event) {
    }

    private final ObjectMapper json;
    private final DeadLetters deadLetters;

    public EventBatch(ObjectMapper json, DeadLetters deadLetters) {
        this.json = json;
        this.deadLetters = deadLetters;
    }

    /** Consumes the poll's records as the class describes, then acknowledges the batch. */
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch, Transaction transaction) {
        List<Polled> polled = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            polled.add(new Polled(consumerRecord(record), reason -> Uni.createFrom().completionStage(() -> record.nack(reason))));
        }
        // a failure here would end the channel's subscription for good (a batch method acknowledges manually, and
        // SmallRye does not nack a failed one): the whole batch is tried again instead; what it applied is skipped by
        // its ids, so the partition waits, in order, and nothing is lost
        return WhileDatabaseDown.onCallersContext(Uni.createFrom().deferred(() -> consume(polled, json, transaction, deadLetters::counted)))
                .onFailure().invoke(e -> LOG.errorf(e, "A batch of %d records failed as a whole; trying it again", polled.size()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), LONGEST_BATCH_WAIT).indefinitely()
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    static Uni<Void> consume(List<Polled> polled, ObjectMapper json, Transaction transaction, Consumer<String> deadLettered) {
        List<Read> readable = new ArrayList<>();
        List<Uni<Void>> poison = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Polled p : polled) {
            IncomingEvent event;
            try {
                event = IncomingEvent.read(p.record(), json);
            } catch (PoisonEventException e) {
                poison.add(deadLetter(p, e, deadLettered));
                continue;
            }
            // the same event twice in one poll (a producer's retry): the first is applied, the second acknowledged
            if (ids.add(event.id())) {
                readable.add(new Read(p, event));
            } else {
                LOG.debugf("%s came twice in one poll", event);
            }
        }
        // dead-lettering acknowledges a record, and a batch's commit covers each partition up to its last record:
        // the poison goes only once every other record of the poll is applied, so no offset passes an unapplied one
        Uni<Void> deadLetters = Multi.createFrom().iterable(poison).onItem().transformToUniAndConcatenate(u -> u)
                .collect().asList().replaceWithVoid();
        if (readable.isEmpty()) {
            return deadLetters;
        }
        List<IncomingEvent> events = readable.stream().map(Read::event).toList();
        String what = events.size() == 1 ? events.get(0).toString()
                : events.size() + " events from " + events.get(0) + " to " + events.get(events.size() - 1);
        return attempt(what, () -> transaction.apply(events)).replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    if (readable.size() == 1) {
                        return deadLetter(readable.get(0).polled(), e, deadLettered);
                    }
                    LOG.warnf("%s failed together (%s); applying them one by one", what, e.toString());
                    return Multi.createFrom().iterable(readable).onItem().transformToUniAndConcatenate(read ->
                                    attempt(read.event().toString(), () -> transaction.apply(List.of(read.event())))
                                            .replaceWith(read)
                                            .onFailure().recoverWithUni(alone -> deadLetter(read.polled(), alone, deadLettered)
                                                    .replaceWith(read)))
                            .collect().asList().replaceWithVoid();
                })
                .chain(() -> deadLetters);
    }

    /**
     * One attempt at the work, retried while the database is unreachable and for about half a minute on a conflict. A retry is
     * subscribed from Mutiny's timer thread: it runs again on the caller's Vert.x context.
     */
    static <T> Uni<T> attempt(String what, Supplier<Uni<? extends T>> work) {
        return WhileDatabaseDown.retry(what, () -> WhileDatabaseDown.onCallersContext(Uni.createFrom().<T>deferred(work))
                .onFailure(DatabaseFailures::conflict)
                .invoke(e -> LOG.infof("%s met another transaction, tries again: %s", what, e.getMessage()))
                .onFailure(DatabaseFailures::conflict)
                .retry().withBackOff(FIRST_CONFLICT_WAIT, LONGEST_CONFLICT_WAIT).withJitter(0.5).atMost(CONFLICT_RETRIES));
    }

    private static Uni<Void> deadLetter(Polled p, Throwable reason, Consumer<String> deadLettered) {
        ConsumerRecord<String, String> r = p.record();
        LOG.errorf(reason, "%s/%d@%d cannot be processed: to the dead-letter topic", r.topic(), r.partition(), r.offset());
        return p.deadLetter().apply(reason).invoke(() -> deadLettered.accept(r.topic()));
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("A batch's record without its Kafka metadata"));
    }
}
