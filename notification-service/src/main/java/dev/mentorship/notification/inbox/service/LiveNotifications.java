package dev.mentorship.notification.inbox.service;

import dev.mentorship.notification.inbox.LiveStreamConfig;
import dev.mentorship.notification.inbox.Notification;
import dev.mentorship.notification.inbox.service.LiveEvent.Ended;
import dev.mentorship.notification.inbox.service.LiveEvent.NewNotification;
import dev.mentorship.notification.inbox.service.LiveEvent.Why;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live inbox streams (server-sent events). Whichever replica writes an event's notifications calls
 * {@code pg_notify('inbox', eventId)} in that transaction; every replica LISTENs, and on each notice reads that
 * event's notifications of the people connected to it and pushes each to its owner's streams only.
 * <p>
 * Each stream holds a slot ({@link StreamSlots}: at most {@code mentorship.live.max-per-person} per person and
 * {@code max-per-instance} in all, else {@link TooManyStreams}), taken before it answers and given back however it
 * ends: the client goes away or cancels, the service ends it, or it was never subscribed to (the client left before
 * the response began: given back after {@link #SUBSCRIBE_WITHIN}). It gets a heartbeat every
 * {@code mentorship.live.heartbeat}, and ends with {@link Why#EXPIRED} at the instant the token that opened it
 * expires, or with {@link Why#ERASED} when its owner is erased: {@code pg_notify('live_erased', personId)} in the
 * erasure's transaction, LISTENed by every replica like {@code inbox}.
 */
@ApplicationScoped
public class LiveNotifications {

    private static final Logger LOG = Logger.getLogger(LiveNotifications.class);
    /** A stream the HTTP layer has not subscribed to by then never will be (its client left first): its slot is freed. */
    static final Duration SUBSCRIBE_WITHIN = Duration.ofSeconds(30);
    static final String ERASED_CHANNEL = "live_erased";

    private final StreamSlots<Stream> slots;
    private final LiveStreamConfig config;
    private final Vertx vertx;
    private final Pool pool;
    private final String url;
    private final String user;
    private final String password;
    private final Counter refusedForPerson;
    private final Counter refusedForInstance;
    private PgSubscriber subscriber;

    public LiveNotifications(Vertx vertx, Pool pool, LiveStreamConfig config, MeterRegistry registry,
                             @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                             @ConfigProperty(name = "quarkus.datasource.username") String user,
                             @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.pool = pool;
        this.config = config;
        this.url = url;
        this.user = user;
        this.password = password;
        this.slots = new StreamSlots<>(config.maxPerPerson(), config.maxPerInstance());
        Gauge.builder("notification.live.streams", slots, StreamSlots::open)
                .description("Live notification streams open on this instance").register(registry);
        this.refusedForPerson = Counter.builder("notification.live.refused").tag("limit", "person")
                .description("Live streams refused because a limit was reached").register(registry);
        this.refusedForInstance = Counter.builder("notification.live.refused").tag("limit", "instance")
                .description("Live streams refused because a limit was reached").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", "")).setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel("inbox").handler(this::onEvent);
        subscriber.channel(ERASED_CHANNEL).handler(this::onErased);
        subscriber.connect().subscribe().with(v -> LOG.debug("Listening to inbox notices"),
                e -> LOG.warnf("Cannot listen to inbox notices yet: %s", e.getMessage()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        // no last event: the clients reconnect, to another replica
        for (Stream stream : slots.all()) {
            stream.end(null);
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /**
     * A person's live stream, until {@code expiresAt} (the expiry of the token that opens it; null: none): their new
     * notifications as they come, a heartbeat when idle, and the reason when the service ends it.
     *
     * @throws TooManyStreams when the person or this instance has as many streams open as allowed; nothing is taken then
     */
    public Multi<LiveEvent> open(UUID person, Instant expiresAt) {
        Stream stream = new Stream(person, expiresAt);
        switch (slots.take(person, stream)) {
            case PERSON_FULL -> {
                refusedForPerson.increment();
                throw new TooManyStreams(TooManyStreams.Limit.PERSON, config.maxPerPerson(), config.retryAfter());
            }
            case INSTANCE_FULL -> {
                refusedForInstance.increment();
                LOG.warnf("Live stream refused: %d streams open, the most this instance keeps (mentorship.live.max-per-instance)",
                        slots.open());
                throw new TooManyStreams(TooManyStreams.Limit.INSTANCE, config.maxPerInstance(), config.retryAfter());
            }
            case TAKEN -> { }
        }
        stream.watchdog = vertx.setTimer(SUBSCRIBE_WITHIN.toMillis(), id -> stream.neverSubscribed());
        return Multi.createFrom().<LiveEvent>emitter(stream::subscribed);
    }

    /**
     * Ends the person's streams on every replica once the caller's transaction commits (ParticipantErased reaches
     * one replica only: the replicas share one consumer group).
     */
    public Uni<Void> endStreamsOfErased(SqlConnection conn, UUID person) {
        return conn.preparedQuery("select pg_notify('" + ERASED_CHANNEL + "', $1)").execute(Tuple.of(person.toString())).replaceWithVoid();
    }

    /** Ends the person's streams on this instance, with {@code why} as their last event. */
    public void end(UUID person, Why why) {
        for (Stream stream : slots.of(person)) {
            stream.end(why);
        }
    }

    /** How many streams are open on this instance. */
    public int open() {
        return slots.open();
    }

    public boolean listening() {
        return subscriber != null && !subscriber.closed();
    }

    private void onErased(String person) {
        try {
            end(UUID.fromString(person), Why.ERASED);
        } catch (IllegalArgumentException notAPerson) {
            LOG.warnf("Ignored a %s notice that names no person: %s", ERASED_CHANNEL, person);
        }
    }

    private void onEvent(String eventId) {
        Set<UUID> connected = slots.people();
        if (connected.isEmpty()) {
            return;
        }
        // raw SQL: this runs on the LISTEN notice, outside any request and Hibernate session, and reads the rows the bulk
        // path (FanOut) just wrote for one event, only those of people connected here; the rows are new, hence unread
        pool.preparedQuery("select * from notification where event_id = $1 and recipient_id = any($2)")
                .execute(Tuple.of(eventId, connected.toArray(new UUID[0])))
                .subscribe().with(rows -> {
                    for (Row row : rows) {
                        Notification notification = notification(row);
                        for (Stream stream : slots.of(notification.recipientId)) {
                            stream.push(new NewNotification(notification));
                        }
                    }
                }, e -> LOG.warnf("Could not push the notifications of %s: %s", eventId, e.getMessage()));
    }

    /** A new inbox entry as it was written (not read yet); detached, never persisted from here. */
    private static Notification notification(Row row) {
        Notification n = new Notification();
        n.id = row.getUUID("id");
        n.recipientId = row.getUUID("recipient_id");
        n.kind = row.getString("kind");
        n.category = row.getString("category");
        n.subject = row.getString("subject");
        n.body = row.getString("body");
        n.link = row.getString("link");
        n.createdAt = row.getOffsetDateTime("created_at").toInstant();
        return n;
    }

    /** One open stream: its slot, its subscriber and its timers. */
    private final class Stream {

        private static final int NEW = 0;
        private static final int OPEN = 1;
        private static final int ENDED = 2;

        private final UUID person;
        private final Instant expiresAt;
        private final AtomicInteger state = new AtomicInteger(NEW);
        private volatile MultiEmitter<? super LiveEvent> emitter;
        private volatile long watchdog = -1;
        private volatile long heartbeat = -1;
        private volatile long expiry = -1;

        Stream(UUID person, Instant expiresAt) {
            this.person = person;
            this.expiresAt = expiresAt;
        }

        /** The HTTP layer subscribed: the response has begun. */
        void subscribed(MultiEmitter<? super LiveEvent> subscriber) {
            if (!state.compareAndSet(NEW, OPEN)) {
                // ended before it began (erased, shut down, or the watchdog gave its slot back)
                subscriber.complete();
                return;
            }
            vertx.cancelTimer(watchdog);
            emitter = subscriber;
            // the client went away or cancelled, the stream completed or failed: the slot is free again
            subscriber.onTermination(this::release);
            heartbeat = vertx.setPeriodic(Math.max(1, config.heartbeat().toMillis()), id -> {
                if (state.get() == OPEN) {
                    subscriber.emit(LiveEvent.HEARTBEAT);
                } else {
                    vertx.cancelTimer(id);
                }
            });
            if (expiresAt != null) {
                // the token's expiry is judged by the wall clock (as quarkus-oidc judges it), not by the service's Clock
                long left = Duration.between(Instant.now(), expiresAt).toMillis();
                expiry = vertx.setTimer(Math.max(1, left), id -> end(Why.EXPIRED));
            }
            if (state.get() != OPEN) {
                // ended while the timers were being set: they must not outlive it
                release();
            }
        }

        void push(LiveEvent event) {
            MultiEmitter<? super LiveEvent> e = emitter;
            if (e != null && state.get() == OPEN) {
                e.emit(event);
            }
        }

        /** Ends the stream; {@code why} (if any) is its last event. */
        void end(Why why) {
            int was = state.getAndSet(ENDED);
            MultiEmitter<? super LiveEvent> e = emitter;
            if (was == OPEN && e != null) {
                if (why != null) {
                    e.emit(new Ended(why));
                }
                e.complete();
            }
            release();
        }

        void neverSubscribed() {
            if (state.compareAndSet(NEW, ENDED)) {
                LOG.debugf("A live stream of %s was never subscribed to: its slot is free again", person);
                release();
            }
        }

        private void release() {
            state.set(ENDED);
            vertx.cancelTimer(watchdog);
            vertx.cancelTimer(heartbeat);
            vertx.cancelTimer(expiry);
            slots.give(person, this);
        }
    }
}
