package dev.mentorship.notification.inbox.service;

import dev.mentorship.notification.inbox.Notification;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Live inbox streams (server-sent events). Whichever replica writes an event's notifications calls
 * {@code pg_notify('inbox', eventId)} in that transaction; every replica LISTENs, and on each notice reads that
 * event's notifications of the people connected to it and pushes each to its owner's streams only.
 */
@ApplicationScoped
public class LiveNotifications {

    private static final Logger LOG = Logger.getLogger(LiveNotifications.class);

    private final Map<UUID, List<MultiEmitter<? super Notification>>> streams = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final Pool pool;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    public LiveNotifications(Vertx vertx, Pool pool, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                             @ConfigProperty(name = "quarkus.datasource.username") String user,
                             @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.pool = pool;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent startup) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", "")).setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel("inbox").handler(this::onEvent);
        subscriber.connect().subscribe().with(v -> LOG.debug("Listening to inbox notices"),
                e -> LOG.warnf("Cannot listen to inbox notices yet: %s", e.getMessage()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** A person's live stream: their new notifications as they come. */
    public Multi<Notification> stream(UUID recipient) {
        Multi<Notification> live = Multi.createFrom().emitter(emitter -> {
            streams.computeIfAbsent(recipient, id -> new CopyOnWriteArrayList<>()).add(emitter);
            emitter.onTermination(() -> streams.computeIfPresent(recipient, (id, list) -> {
                list.remove(emitter);
                return list.isEmpty() ? null : list;
            }));
        });
        return live;
    }

    public boolean listening() {
        return subscriber != null && !subscriber.closed();
    }

    private void onEvent(String eventId) {
        Set<UUID> connected = streams.keySet();
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
                        for (MultiEmitter<? super Notification> emitter : streams.getOrDefault(notification.recipientId, List.of())) {
                            emitter.emit(notification);
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
}
