package dev.mentorship.runtime.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wake-ups on commit: PostgreSQL's {@code LISTEN/NOTIFY} on one dedicated connection per service. A table's trigger
 * calls {@code pg_notify(channel, '')} when rows are written; PostgreSQL delivers it when (and only if) the
 * transaction commits, once per channel and transaction, to every replica listening. Subscribers (the outbox relay, the
 * mail sender) then do their round at once instead of at their next poll; their polling stays, slower, as the fallback
 * for a notification lost while this connection was being re-established.
 */
@ApplicationScoped
public class PgNotifications {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);
    private static final Duration RECONNECT = Duration.ofSeconds(2);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Map<String, List<Runnable>> subscribers = new ConcurrentHashMap<>();
    private volatile PgConnection connection;
    private volatile boolean connecting;
    private volatile boolean stopped;

    public PgNotifications(Vertx vertx,
                           @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                           @ConfigProperty(name = "quarkus.datasource.username") String user,
                           @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.options = connectOptions(url, user, password);
    }

    /** The options of a dedicated connection to the service's database, from the reactive data source's settings. */
    public static PgConnectOptions connectOptions(String url, String user, String password) {
        String uri = url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
        return PgConnectOptions.fromUri(uri).setUser(user).setPassword(password)
                .addProperty("application_name", "mentorship-notifications").setReconnectAttempts(0);
    }

    /** Runs {@code wakeUp} (on an event-loop thread: it must not block) whenever a transaction that notified commits. */
    public synchronized void subscribe(String channel, Runnable wakeUp) {
        boolean first = !subscribers.containsKey(channel);
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(wakeUp);
        PgConnection current = connection;
        if (current == null) {
            connect();
        } else if (first) {
            listen(current, channel);
        }
    }

    private synchronized void connect() {
        if (connecting || stopped || connection != null) {
            return;
        }
        connecting = true;
        PgConnection.connect(vertx, options).subscribe().with(conn -> {
            synchronized (this) {
                connecting = false;
                if (stopped) {
                    conn.closeAndForget();
                    return;
                }
                connection = conn;
            }
            conn.notificationHandler(n -> wake(n.getChannel()));
            conn.closeHandler(() -> {
                connection = null;
                if (!stopped) {
                    LOG.warn("The connection listening for wake-ups closed; reconnecting (polling covers the gap)");
                    vertx.setTimer(RECONNECT.toMillis(), id -> connect());
                }
            });
            // whatever was committed while no connection listened is picked up once each LISTEN holds
            subscribers.keySet().forEach(channel -> listen(conn, channel));
        }, failure -> {
            synchronized (this) {
                connecting = false;
            }
            if (!stopped) {
                LOG.warnf("Cannot listen for wake-ups yet (%s); trying again in %s", failure.getMessage(), RECONNECT);
                vertx.setTimer(RECONNECT.toMillis(), id -> connect());
            }
        });
    }

    private void wake(String channel) {
        List<Runnable> list = subscribers.get(channel);
        if (list != null) {
            list.forEach(PgNotifications::safely);
        }
    }

    private void listen(PgConnection conn, String channel) {
        // a channel is an identifier: ours are constants of the code, quoted all the same
        conn.query("LISTEN \"" + channel.replace("\"", "") + "\"").execute().subscribe().with(
                rows -> {
                    LOG.debugf("Listening for %s", channel);
                    wake(channel);
                },
                failure -> {
                    // without its LISTEN the channel would get no wake-up on this connection: start a new one
                    LOG.warnf("Cannot LISTEN %s (%s); reconnecting", channel, failure.getMessage());
                    conn.closeAndForget();
                });
    }

    private static void safely(Runnable wakeUp) {
        try {
            wakeUp.run();
        } catch (RuntimeException e) {
            LOG.warnf("A wake-up failed: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        PgConnection current = connection;
        if (current != null) {
            current.closeAndForget();
        }
    }
}
