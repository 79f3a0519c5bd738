package dev.mentorship.notification.inbox.service;

import dev.mentorship.notification.inbox.service.StreamSlots.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live streams' slots: both limits, and a slot given back exactly once however often its stream ends. */
class StreamSlotsTest {

    final UUID ann = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    final UUID cat = UUID.randomUUID();

    @Test
    void aPersonGetsAtMostTheirLimitAndAGivenBackSlotServesAgain() {
        StreamSlots<Object> slots = new StreamSlots<>(2, 10);
        Object first = new Object();
        Object second = new Object();
        assertThat(slots.take(ann, first)).isEqualTo(Outcome.TAKEN);
        assertThat(slots.take(ann, second)).isEqualTo(Outcome.TAKEN);
        assertThat(slots.take(ann, new Object())).isEqualTo(Outcome.PERSON_FULL);
        assertThat(slots.take(bob, new Object())).isEqualTo(Outcome.TAKEN);
        assertThat(slots.open()).isEqualTo(3);
        assertThat(slots.of(ann)).containsExactly(first, second);

        assertThat(slots.give(ann, first)).isTrue();
        assertThat(slots.open()).isEqualTo(2);
        assertThat(slots.take(ann, new Object())).isEqualTo(Outcome.TAKEN);
        assertThat(slots.take(ann, new Object())).isEqualTo(Outcome.PERSON_FULL);
    }

    @Test
    void theInstanceGetsAtMostItsLimitAndARefusalTakesNothing() {
        StreamSlots<Object> slots = new StreamSlots<>(3, 2);
        Object annsStream = new Object();
        assertThat(slots.take(ann, annsStream)).isEqualTo(Outcome.TAKEN);
        assertThat(slots.take(bob, new Object())).isEqualTo(Outcome.TAKEN);
        assertThat(slots.take(cat, new Object())).isEqualTo(Outcome.INSTANCE_FULL);
        assertThat(slots.take(ann, new Object())).isEqualTo(Outcome.INSTANCE_FULL);
        assertThat(slots.open()).isEqualTo(2);
        assertThat(slots.of(cat)).isEmpty();

        slots.give(ann, annsStream);
        assertThat(slots.take(cat, new Object())).isEqualTo(Outcome.TAKEN);
        assertThat(slots.people()).containsExactlyInAnyOrder(bob, cat);
    }

    @Test
    void aStreamThatEndsTwiceGivesBackOneSlotNotTwo() {
        StreamSlots<Object> slots = new StreamSlots<>(3, 3);
        Object stream = new Object();
        slots.take(ann, stream);
        slots.take(bob, new Object());
        assertThat(slots.give(ann, stream)).isTrue();
        assertThat(slots.give(ann, stream)).isFalse();
        assertThat(slots.give(cat, new Object())).isFalse();
        assertThat(slots.open()).isEqualTo(1);
        assertThat(slots.people()).containsExactly(bob);
    }

    @Test
    void manyAtOnceNeverExceedALimitAndLeakNothing() throws Exception {
        // 8 threads, 3 people: both limits are met again and again
        int perPerson = 2;
        int perInstance = 5;
        StreamSlots<Object> slots = new StreamSlots<>(perPerson, perInstance);
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            people.add(UUID.randomUUID());
        }
        AtomicInteger mostOpen = new AtomicInteger();
        AtomicInteger mostOfOne = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger personFull = new AtomicInteger();
        AtomicInteger instanceFull = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 5_000; i++) {
                    UUID person = people.get((worker * 7 + i) % people.size());
                    Object stream = new Object();
                    Outcome outcome = slots.take(person, stream);
                    if (outcome == Outcome.PERSON_FULL) {
                        personFull.incrementAndGet();
                    } else if (outcome == Outcome.INSTANCE_FULL) {
                        instanceFull.incrementAndGet();
                    } else {
                        taken.incrementAndGet();
                        mostOpen.accumulateAndGet(slots.open(), Math::max);
                        mostOfOne.accumulateAndGet(slots.of(person).size(), Math::max);
                        LockSupport.parkNanos(20_000); // the stream is open a while
                        slots.give(person, stream);
                        slots.give(person, stream); // ended twice: cancelled, then completed
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(taken.get()).isPositive();
        assertThat(personFull.get()).as("refused for a person").isPositive();
        assertThat(instanceFull.get()).as("refused for the instance").isPositive();
        assertThat(mostOpen.get()).isLessThanOrEqualTo(perInstance);
        assertThat(mostOfOne.get()).isLessThanOrEqualTo(perPerson);
        assertThat(slots.open()).isZero();
        assertThat(slots.people()).isEmpty();
    }

    @Test
    void limitsBelowOneAreAConfigurationMistake() {
        assertThatThrownBy(() -> new StreamSlots<>(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamSlots<>(3, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
