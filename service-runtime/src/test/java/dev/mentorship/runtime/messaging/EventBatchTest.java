package dev.mentorship.runtime.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.runtime.messaging.EventBatch.Polled;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll's records in one transaction: poison goes to the dead-letter topic alone and the rest of its batch is applied,
 * a conflict with another transaction is tried again, an unreachable database waited for; nothing is dead-lettered for
 * either.
 */
class EventBatchTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    final ObjectMapper json = new ObjectMapper();
    final List<String> deadLettered = new CopyOnWriteArrayList<>();
    final List<String> deadLetterCounts = new CopyOnWriteArrayList<>();
    long offset;

    /** A transaction that fails on the event whose data says so, and else records what it committed. */
    static final class Ledger implements EventBatch.Transaction {
        final List<List<String>> attempts = new CopyOnWriteArrayList<>();
        final List<String> committed = new CopyOnWriteArrayList<>();

        @Override
        public Uni<?> apply(List<IncomingEvent> events) {
            attempts.add(events.stream().map(IncomingEvent::id).toList());
            for (IncomingEvent event : events) {
                if ("bug".equals(event.data(Data.class).say())) {
                    return Uni.createFrom().failure(new IllegalStateException("a handler's bug in " + event.id()));
                }
            }
            committed.addAll(events.stream().map(IncomingEvent::id).toList());
            return Uni.createFrom().voidItem();
        }
    }

    record Data(String say) {
    }

    Polled event(String id, String say) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("mentorship.participants", 0, offset++, "k",
                "{\"say\": \"" + say + "\"}");
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "Said".getBytes(StandardCharsets.UTF_8));
        return polled(record);
    }

    Polled notAnEvent() {
        return polled(new ConsumerRecord<>("mentorship.participants", 0, offset++, "k", "not an event"));
    }

    Polled polled(ConsumerRecord<String, String> record) {
        return new Polled(record, reason -> Uni.createFrom().voidItem().invoke(() -> deadLettered.add(record.offset() + ": " + reason.getMessage())));
    }

    Uni<Void> consume(List<Polled> polled, EventBatch.Transaction transaction) {
        return EventBatch.consume(polled, json, transaction, deadLetterCounts::add);
    }

    @Test
    void aGoodBatchIsOneTransactionInRecordOrderAndACopyInTheSamePollIsAppliedOnce() {
        Ledger ledger = new Ledger();
        consume(List.of(event("e-1", "a"), event("e-2", "b"), event("e-1", "a"), event("e-3", "c")), ledger)
                .await().atMost(WAIT);

        assertThat(ledger.attempts).containsExactly(List.of("e-1", "e-2", "e-3"));
        assertThat(ledger.committed).containsExactly("e-1", "e-2", "e-3");
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void poisonInTheMiddleIsDeadLetteredAloneAndTheOthersAreAppliedOnceInOrder() {
        Ledger ledger = new Ledger();
        consume(List.of(event("e-1", "a"), notAnEvent(), event("e-2", "bug"), event("e-3", "c")), ledger)
                .await().atMost(WAIT);

        // the record that is not a CloudEvent never reaches the transaction; the batch fails on e-2, then one by one
        assertThat(ledger.attempts).containsExactly(List.of("e-1", "e-2", "e-3"), List.of("e-1"), List.of("e-2"), List.of("e-3"));
        assertThat(ledger.committed).containsExactly("e-1", "e-3");
        assertThat(deadLettered).hasSize(2);
        // the one that fails alone goes in turn; the one that is not a CloudEvent last, once every other record is
        // applied (dead-lettering acknowledges a record: no committed offset may pass an unapplied one)
        assertThat(deadLettered.get(0)).isEqualTo("2: a handler's bug in e-2");
        assertThat(deadLettered.get(1)).startsWith("1: Not a CloudEvent");
        assertThat(deadLetterCounts).containsExactly("mentorship.participants", "mentorship.participants");
    }

    @Test
    void aConflictWithAnotherTransactionIsTriedAgainAndApplied() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> committed = new ArrayList<>();
        consume(List.of(event("e-1", "a"), event("e-2", "b")), events -> switch (attempts.incrementAndGet()) {
            case 1 -> Uni.createFrom().failure(new PgException("duplicate key value violates unique constraint \"processed_event_pkey\"",
                    "ERROR", "23505", null));
            case 2 -> Uni.createFrom().failure(new PgException("deadlock detected", "ERROR", "40P01", null));
            default -> Uni.createFrom().voidItem().invoke(() -> events.forEach(e -> committed.add(e.id())));
        }).await().atMost(WAIT);

        assertThat(attempts).hasValue(3);
        assertThat(committed).containsExactly("e-1", "e-2");
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void aConflictThatDoesNotGoAwayEndsOnTheDeadLetterTopicAfterHalfAMinuteOfAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        consume(List.of(event("e-1", "a")), events -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new PgException("could not obtain lock", "ERROR", "55P03", null));
        }).await().atMost(WAIT);

        assertThat(attempts).hasValue(1 + EventBatch.CONFLICT_RETRIES);
        assertThat(deadLettered).hasSize(1);
    }

    @Test
    void anUnreachableDatabaseIsWaitedForWithTheWholeBatch() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> committed = new ArrayList<>();
        consume(List.of(event("e-1", "a"), event("e-2", "b")), events -> attempts.incrementAndGet() == 1
                ? Uni.createFrom().failure(new ConnectException("Connection refused: /127.0.0.1:5432"))
                : Uni.createFrom().voidItem().invoke(() -> events.forEach(e -> committed.add(e.id())))).await().atMost(WAIT);

        assertThat(attempts).hasValue(2);
        assertThat(committed).containsExactly("e-1", "e-2");
        assertThat(deadLettered).isEmpty();
    }
}
