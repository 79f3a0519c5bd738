package dev.mentorship.notification.inbox.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live streams open on this instance, by person, within two limits: at most {@code maxPerPerson} per person and
 * {@code maxPerInstance} in all. A stream takes its slot before it answers and gives it back once, however it ends: a
 * second {@link #give} of the same stream changes nothing, so a stream that ends twice (cancelled, then completed)
 * cannot free someone else's slot. Thread-safe; a stream is compared by identity.
 *
 * @param <S> what a slot holds: the stream
 */
final class StreamSlots<S> {

    /** What {@link #take} did. */
    enum Outcome { TAKEN, PERSON_FULL, INSTANCE_FULL }

    private final int maxPerPerson;
    private final int maxPerInstance;
    private final Map<UUID, List<S>> byPerson = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    StreamSlots(int maxPerPerson, int maxPerInstance) {
        if (maxPerPerson < 1 || maxPerInstance < 1) {
            throw new IllegalArgumentException("the live stream limits must be at least 1: " + maxPerPerson + ", " + maxPerInstance);
        }
        this.maxPerPerson = maxPerPerson;
        this.maxPerInstance = maxPerInstance;
    }

    /** Takes a slot for {@code stream}, one of {@code person}'s, if both limits allow it. */
    Outcome take(UUID person, S stream) {
        // the instance's slot first (never counted beyond the limit), then the person's; a refusal gives it back
        int now;
        do {
            now = open.get();
            if (now >= maxPerInstance) {
                return Outcome.INSTANCE_FULL;
            }
        } while (!open.compareAndSet(now, now + 1));
        boolean[] taken = {false};
        byPerson.compute(person, (id, streams) -> {
            List<S> list = streams == null ? new CopyOnWriteArrayList<>() : streams;
            if (list.size() < maxPerPerson) {
                list.add(stream);
                taken[0] = true;
            }
            return list.isEmpty() ? null : list;
        });
        if (!taken[0]) {
            open.decrementAndGet();
            return Outcome.PERSON_FULL;
        }
        return Outcome.TAKEN;
    }

    /** Gives {@code stream}'s slot back; true if it held one, false if it was given back already (or never taken). */
    boolean give(UUID person, S stream) {
        boolean[] removed = {false};
        byPerson.computeIfPresent(person, (id, streams) -> {
            removed[0] = streams.removeIf(s -> s == stream);
            return streams.isEmpty() ? null : streams;
        });
        if (removed[0]) {
            open.decrementAndGet();
        }
        return removed[0];
    }

    /** The person's streams holding a slot now. */
    List<S> of(UUID person) {
        return byPerson.getOrDefault(person, List.of());
    }

    /** The people with a stream here. */
    Set<UUID> people() {
        return byPerson.keySet();
    }

    /** Every stream holding a slot now. */
    List<S> all() {
        return byPerson.values().stream().flatMap(List::stream).toList();
    }

    /** How many slots are taken. */
    int open() {
        return open.get();
    }
}
