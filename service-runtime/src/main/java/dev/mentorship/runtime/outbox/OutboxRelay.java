package dev.mentorship.runtime.outbox;

import dev.mentorship.runtime.persistence.PgNotifications;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes recorded events to Kafka as CloudEvents in binary mode, in the order they were recorded, each once.
 * <ul>
 * <li><b>Woken on commit.</b> A trigger on {@code outbox_event} notifies {@code outbox_event} ({@link PgNotifications});
 * the relay publishes at once, and polls every {@code relay-interval} only as a fallback.</li>
 * <li><b>One publisher per service.</b> The relay runs on its own thread and its own database connection, on which it
 * holds a session-level advisory lock while it publishes: among a service's replicas, the one holding it publishes and
 * the others wait to take over (the lock goes with the holder's connection when it dies). Events keep their order.</li>
 * <li><b>Once on the wire.</b> Each round is one Kafka transaction (a transactional producer whose id is the same in
 * every replica of the service): the batch becomes visible to consumers ({@code isolation.level=read_committed})
 * only when Kafka commits it, and only then is it marked published. A round that fails (a broker outage, a timeout) is
 * aborted, and what it had written never reaches a consumer; its events go again, in a new transaction. A replica
 * that takes over fences the previous holder's producer, whose late commit then fails. A commit that timed out is
 * asked again on the same producer (never left to a new one, which would complete it unseen), and a mark that failed
 * is made first thing in the next round. Copies remain possible only when the publisher loses its process or its
 * database connection between Kafka's commit and its mark (a crash, a failover), with the same {@code ce_id};
 * consumers apply an event id once.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of this service's relay ("outbox" in ASCII). */
    static final long RELAY_LOCK = 0x6f7574626f78L;
    public static final String CHANNEL = "outbox_event";
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(5);
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(30);

    private final EventsConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final PgNotifications notifications;
    private final OutboxBacklog backlog;
    private final PgConnectOptions database;
    private final Map<String, Object> kafka;
    private final String transactionalId;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private volatile PgConnection connection;
    private volatile boolean leader;
    private long lastRound;
    /** A round Kafka committed whose mark in the database failed: marked first thing in the next round. */
    private Long[][] unmarked;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(EventsConfig config, Clock clock, Vertx vertx, PgNotifications notifications, OutboxBacklog backlog,
                       @Identifier("default-kafka-broker") Map<String, Object> kafka,
                       @ConfigProperty(name = "quarkus.application.name") String application,
                       @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                       @ConfigProperty(name = "quarkus.datasource.username") String user,
                       @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
        this.notifications = notifications;
        this.backlog = backlog;
        this.kafka = kafka;
        this.transactionalId = config.transactionalId().orElse(application + "-outbox");
        this.database = PgNotifications.connectOptions(url, user, password).addProperty("application_name", application + "-outbox-relay");
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("The outbox relay is disabled (mentorship.events.relay-enabled=false)");
            return;
        }
        running = true;
        notifications.subscribe(CHANNEL, this::wakeUp);
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread current = thread;
        if (current != null) {
            wake.release();
            try {
                // a round ends within its bounds (a commit retried while Kafka answers, a statement's 30 s): waiting that
                // long keeps a stop from cutting a round between Kafka's commit and the database's mark
                current.join(45_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Publishes now rather than at the next poll (on commit of events, from {@link PgNotifications}). */
    public void wakeUp() {
        wake.release();
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
        return PgConnection.connect(vertx, database).chain(conn -> conn
                .preparedQuery("delete from outbox_event where published_at < $1")
                .execute(Tuple.of(clock.instant().minus(config.retention()).atOffset(ZoneOffset.UTC)))
                .map(RowSet::rowCount)
                .eventually(conn::close));
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                if (!backoff.isZero()) {
                    // after a failure, wait it out: commits keep notifying, and must not turn the wait into a spin
                    TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
                } else {
                    // woken on commit; the interval is only the fallback (a notification lost while reconnecting)
                    wake.tryAcquire(config.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
                // under load, commits come faster than rounds: a short pause gathers them into one Kafka transaction
                // (the cost of a transaction is per round, not per event); an idle relay answers at once
                long since = System.nanoTime() - lastRound;
                if (since < config.relayLinger().toNanos()) {
                    TimeUnit.NANOSECONDS.sleep(config.relayLinger().toNanos() - since);
                }
                wake.drainPermits();
                lastRound = System.nanoTime();
                int published;
                do {
                    published = round();
                } while (running && published >= config.relayBatchSize());
                backoff = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                backoff = backoff.isZero() ? Duration.ofMillis(500) : min(backoff.multipliedBy(2), LONGEST_BACKOFF);
                LOG.warnf("Outbox relay will retry in %s: %s", backoff, describe(e));
            }
        }
        closeProducer();
        closeConnection();
    }

    /** One round: the lock (if not held yet), the oldest pending events, one Kafka transaction, then their mark. */
    private int round() {
        if (!lead()) {
            return 0;
        }
        if (unmarked != null) {
            // the last round's events are in Kafka but their mark failed: mark them before reading, or they go again
            mark(unmarked[0], unmarked[1]);
            unmarked = null;
        }
        RowSet<Row> rows = database(() -> connection.preparedQuery("""
                        select seq, id, topic, event_key, type, subject, data_schema, payload, occurred_at, ephemeral
                        from outbox_event where published_at is null order by seq limit $1""")
                .execute(Tuple.of(config.relayBatchSize())));
        if (rows.size() == 0) {
            return 0;
        }
        List<Long> published = new ArrayList<>();
        List<Long> ephemeral = new ArrayList<>();
        KafkaProducer<String, String> kafka = producer();
        try {
            kafka.beginTransaction();
            for (Row row : rows) {
                kafka.send(record(row));
                (row.getBoolean("ephemeral") ? ephemeral : published).add(row.getLong("seq"));
            }
            // flushes every send and fails if any of them failed: then nothing of this round is visible
            commit(kafka);
            backlog.published(rows.size());
        } catch (RuntimeException e) {
            // the producer is dropped (an abort would wait for the broker too); the next one, with the same
            // transactional id, aborts what this one left open as it starts
            closeProducer();
            throw e;
        }
        Long[][] done = {published.toArray(Long[]::new), ephemeral.toArray(Long[]::new)};
        try {
            mark(done[0], done[1]);
        } catch (RuntimeException e) {
            unmarked = done;
            throw e;
        }
        return rows.size();
    }

    /** Records a committed round: published rows marked, ephemeral ones deleted (both by seq, so doing it twice is harmless). */
    private void mark(Long[] published, Long[] ephemeral) {
        if (connection == null) {
            throw new IllegalStateException("The relay's connection closed before its round was marked");
        }
        PgConnection conn = connection;
        database(() -> conn.preparedQuery("update outbox_event set published_at = $1 where seq = any($2)")
                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC), published))
                .chain(() -> conn.preparedQuery("delete from outbox_event where seq = any($1)")
                        .execute(Tuple.of((Object) ephemeral))));
    }

    /**
     * Commits the round's Kafka transaction. A commit that timed out may have reached the broker: it is retried on the
     * same producer (which Kafka allows and which then completes or reports it) while the relay runs, never abandoned
     * for a new producer, whose start would complete that commit behind the relay's back and publish the round twice.
     */
    private void commit(KafkaProducer<String, String> kafka) {
        while (true) {
            try {
                kafka.commitTransaction();
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (!running) {
                    throw e;
                }
                LOG.warnf("Kafka has not confirmed the commit of a round yet (%s); asking again", e.getMessage());
            }
        }
    }

    /** A statement on the relay's connection; a failure closes it, so the next round starts on a new one. */
    private <T> T database(java.util.function.Supplier<Uni<T>> statement) {
        try {
            return statement.get().await().atMost(DATABASE_TIMEOUT);
        } catch (RuntimeException e) {
            closeConnection();
            throw e;
        }
    }

    /** Whether this replica publishes: it holds the lock on its own connection (opened here when needed). */
    private boolean lead() {
        if (connection == null) {
            leader = false;
            PgConnection conn = PgConnection.connect(vertx, database).await().atMost(DATABASE_TIMEOUT);
            conn.closeHandler(() -> {
                // the lock went with the connection: another replica may publish now, and this one must take it again
                if (connection == conn) {
                    connection = null;
                    leader = false;
                }
            });
            connection = conn;
        }
        if (!leader) {
            PgConnection conn = connection;
            leader = database(() -> conn.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(RELAY_LOCK)))
                    .iterator().next().getBoolean(0);
            if (leader) {
                LOG.info("This replica publishes the service's outbox");
                // a fresh producer fences whichever producer of another replica published before
                closeProducer();
            }
        }
        return leader;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>(kafka);
            settings.keySet().removeIf(key -> key.startsWith("isolation.") || key.startsWith("group.")
                    || key.startsWith("auto.") || key.contains("deserializer") || key.startsWith("health"));
            settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.relaySendTimeout().toMillis());
            // an open transaction holds back read_committed consumers of its partitions: a crashed relay's is aborted
            // by its successor's start, or by the broker after this
            settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
            KafkaProducer<String, String> created = new KafkaProducer<>(settings);
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private ProducerRecord<String, String> record(Row row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.getUUID("id").toString());
        header(headers, "ce_source", config.source());
        header(headers, "ce_type", row.getString("type"));
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.getOffsetDateTime("occurred_at").toInstant()));
        header(headers, "ce_dataschema", row.getString("data_schema"));
        String subject = row.getString("subject");
        if (subject != null) {
            header(headers, "ce_subject", subject);
        }
        header(headers, "content-type", "application/json");
        return new ProducerRecord<>(row.getString("topic"), null, row.getString("event_key"), row.getString("payload"), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debugf("Closing the producer: %s", e.getMessage());
            }
            producer = null;
        }
    }

    private void closeConnection() {
        PgConnection current = connection;
        connection = null;
        leader = false;
        if (current != null) {
            current.closeAndForget();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static String describe(Throwable e) {
        return e.getCause() != null && e.getCause() != e ? e.getMessage() + " (" + e.getCause().getMessage() + ")" : e.getMessage();
    }
}
