package dev.mentorship.notification.messaging;

import dev.mentorship.runtime.messaging.WhileDatabaseDown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.notification.contact.Directory;
import dev.mentorship.notification.delivery.service.MailSender;
import dev.mentorship.notification.fanout.FanOut;
import dev.mentorship.notification.fanout.Messages;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Reads every topic of the platform. Each event is handled once (by its CloudEvent id) in one transaction: the read
 * models it changes, and its inbox entries and queued emails. What cannot be processed goes to the topic's .dlq
 * and the consumer carries on. Sending happens after commit, in {@link MailSender}.
 * An unreachable database is waited for ({@link WhileDatabaseDown}), never a reason to dead-letter an event.
 */
@ApplicationScoped
public class EventsConsumer {

    private static final Logger LOG = Logger.getLogger(EventsConsumer.class);

    private final Pool pool;
    private final Directory directory;
    private final Messages messages;
    private final FanOut fanOut;
    private final MailSender sender;
    private final ObjectMapper json;
    private final Clock clock;

    public EventsConsumer(Pool pool, Directory directory, Messages messages, FanOut fanOut, MailSender sender, ObjectMapper json,
                          Clock clock) {
        this.pool = pool;
        this.directory = directory;
        this.messages = messages;
        this.fanOut = fanOut;
        this.sender = sender;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("programs")
    public Uni<Void> programs(ConsumerRecord<String, String> record) {
        return handle(record);
    }

    @Incoming("participants")
    public Uni<Void> participants(ConsumerRecord<String, String> record) {
        return handle(record);
    }

    @Incoming("pairings")
    public Uni<Void> pairings(ConsumerRecord<String, String> record) {
        return handle(record);
    }

    @Incoming("schedule")
    public Uni<Void> schedule(ConsumerRecord<String, String> record) {
        return handle(record);
    }

    Uni<Void> handle(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "Not a CloudEvent (no ce_id or ce_type) at " + record.topic() + "/" + record.partition() + "@" + record.offset()));
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (IOException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("The data of " + type + " " + id + " is not JSON", e));
        }
        Instant now = clock.instant();
        Instant happened = time(header(record, "ce_time"));
        return WhileDatabaseDown.retry(type + " " + id, () -> pool.withTransaction(conn -> conn.preparedQuery(
                        "insert into processed_event (event_id, type, processed_at) values ($1, $2, $3) on conflict do nothing")
                .execute(Tuple.of(id, type, now.atOffset(ZoneOffset.UTC)))
                .chain(inserted -> {
                    if (inserted.rowCount() == 0) {
                        LOG.debugf("%s %s was handled already", type, id);
                        return Uni.createFrom().item(0);
                    }
                    return directory.apply(conn, type, data, now)
                            .chain(() -> messages.of(conn, type, data))
                            .chain(list -> fanOut.persist(conn, id, type, happened, list, now));
                })))
                .invoke(queued -> {
                    if (queued > 0) {
                        sender.wakeUp();
                    }
                })
                .replaceWithVoid();
    }

    /** The event's ce_time, or null when absent or not an RFC 3339 time (the mail's latency is then counted from now). */
    private static Instant time(String ceTime) {
        try {
            return ceTime == null ? null : java.time.OffsetDateTime.parse(ceTime).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
