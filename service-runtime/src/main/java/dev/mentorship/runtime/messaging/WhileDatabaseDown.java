package dev.mentorship.runtime.messaging;

import dev.mentorship.runtime.persistence.DatabaseFailures;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * An event that cannot be processed because the database is unreachable is not poison: sending it to the dead-letter
 * topic would lose its effect for good (seen: registration confirmations never mailed after PostgreSQL stopped for
 * 5 s). Its processing is tried again, backing off from half a second to ten, until the database answers; the
 * partition waits meanwhile, so order is kept. Any other failure goes on at once to the channel's failure strategy.
 */
public final class WhileDatabaseDown {

    private static final Logger LOG = Logger.getLogger(WhileDatabaseDown.class);
    public static final Duration FIRST_WAIT = Duration.ofMillis(500);
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private WhileDatabaseDown() {
    }

    public static <T> Uni<T> retry(String what, Supplier<Uni<? extends T>> work) {
        return onCallersContext(Uni.createFrom().<T>deferred(work))
                .onFailure(DatabaseFailures::unavailable)
                .invoke(e -> LOG.warnf("%s waits for the database: %s", what, e.getMessage()))
                .onFailure(DatabaseFailures::unavailable)
                .retry().withBackOff(FIRST_WAIT, LONGEST_WAIT).indefinitely();
    }

    /**
     * A retry is subscribed again from Mutiny's timer thread: it must run on the event's own Vert.x context, where the
     * reactive database clients must be called.
     */
    static <T> Uni<T> onCallersContext(Uni<T> attempt) {
        Context context = Vertx.currentContext();
        return context == null ? attempt : attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
