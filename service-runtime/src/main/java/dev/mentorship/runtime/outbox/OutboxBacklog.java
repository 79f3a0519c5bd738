package dev.mentorship.runtime.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox's backlog as Prometheus gauges, for the alert on events that stay unpublished (the broker is down, the
 * relay is stuck): {@code mentorship_outbox_pending_events}, how many events wait, and
 * {@code mentorship_outbox_oldest_pending_age_seconds}, how long the oldest has waited (0 when none waits). Counted every
 * {@code mentorship.outbox.backlog-interval} (15 s) by one query over the partial index of unpublished events
 * ({@code outbox_event_unpublished}), whichever replica runs it: each replica reports the same table. The gauges keep
 * their last value while the database cannot be read (logged), so a stuck backlog does not look empty.
 * <p>
 * Also {@code mentorship_outbox_published_events_total}, the events published, which the relay reports through
 * {@link #published(int)} (the dashboard's "events published" panel).
 */
@Startup // the gauges exist from the start, 0 until the first count
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);
    public static final String PENDING = "mentorship.outbox.pending.events";
    public static final String OLDEST_AGE = "mentorship.outbox.oldest.pending.age.seconds";
    public static final String PUBLISHED = "mentorship.outbox.published.events";

    private final Pool pool;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final Counter published;

    public OutboxBacklog(Pool pool, Clock clock, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        Gauge.builder(PENDING, pending, AtomicLong::get)
                .description("Events recorded in the outbox and not yet published")
                .register(registry);
        Gauge.builder(OLDEST_AGE, oldestAgeSeconds, AtomicLong::get)
                .description("How long the oldest unpublished event of the outbox has waited, 0 when none waits")
                .register(registry);
        published = Counter.builder(PUBLISHED)
                .description("Events of the outbox the broker acknowledged (the relay counts them)")
                .register(registry);
    }

    /** The relay's report: {@code events} events were acknowledged by the broker (their send, or their transaction, committed). */
    public void published(int events) {
        if (events > 0) {
            published.increment(events);
        }
    }

    @Scheduled(every = "${mentorship.outbox.backlog-interval:15s}", delayed = "${mentorship.outbox.backlog-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return count()
                .onFailure().invoke(e -> LOG.warnf("Outbox backlog gauges will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Counts the backlog now and sets the gauges. */
    public Uni<Void> count() {
        // raw SQL: one statement, no entity; the partial index on seq where published_at is null keeps it cheap
        return pool.query("select count(*) as pending, min(occurred_at) as oldest from outbox_event where published_at is null")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime oldest = row.getOffsetDateTime("oldest");
                    pending.set(row.getLong("pending"));
                    oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds()));
                })
                .replaceWithVoid();
    }

    /** The last count: events waiting. */
    public long pending() {
        return pending.get();
    }

    /** The last count: seconds the oldest waiting event has waited. */
    public long oldestAgeSeconds() {
        return oldestAgeSeconds.get();
    }
}
