package dev.mentorship.runtime.limits;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits per person on the actions that send mail to other people (moving a meeting, filing a conduct report,
 * registering and withdrawing again and again), so that nobody can flood someone's inbox through the platform.
 * Each action has a budget per fixed window, {@code mentorship.limits.<action>=<count>/<ISO-8601 duration>} (e.g.
 * {@code 30/PT1H}); the count is kept in the service's database ({@code action_limit}), so every replica shares it,
 * taken with one atomic upsert before the action runs (an attempt counts even if the action then fails: refusing
 * attempts is what stops a loop). Over budget: {@link RateLimited}, answered 429 with {@code Retry-After} = the rest of
 * the window. An action without a configured budget is not limited.
 */
@ApplicationScoped
public class ActionLimits {

    private static final Logger LOG = Logger.getLogger(ActionLimits.class);

    /** A budget: at most {@code count} in each {@code window}. */
    public record Budget(int count, Duration window) {
        static Budget parse(String action, String value) {
            String[] parts = value.strip().split("/");
            try {
                Budget budget = new Budget(Integer.parseInt(parts[0].strip()), Duration.parse(parts[1].strip()));
                if (budget.count < 1 || budget.window.isNegative() || budget.window.isZero()) {
                    throw new IllegalArgumentException("a budget needs a count of 1 or more and a positive window");
                }
                return budget;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("mentorship.limits." + action + "=" + value
                        + ": expected <count>/<ISO-8601 duration>, e.g. 30/PT1H", e);
            }
        }
    }

    private final Pool pool;
    private final Config config;
    private final Clock clock;
    private final Map<String, java.util.Optional<Budget>> budgets = new ConcurrentHashMap<>();

    public ActionLimits(Pool pool, Config config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    /** The action's budget, if it has one. */
    public java.util.Optional<Budget> budget(String action) {
        return budgets.computeIfAbsent(action, a -> config.getOptionalValue("mentorship.limits." + a, String.class)
                .map(value -> Budget.parse(a, value)));
    }

    /** Counts one more of the person's action in the current window; fails with {@link RateLimited} over budget. */
    public Uni<Void> take(UUID person, String action) {
        java.util.Optional<Budget> configured = budget(action);
        if (configured.isEmpty() || person == null) {
            return Uni.createFrom().voidItem();
        }
        Budget budget = configured.get();
        Instant now = clock.instant();
        long windowMillis = budget.window().toMillis();
        Instant windowStart = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
        Instant windowEnd = windowStart.plusMillis(windowMillis);
        return pool.preparedQuery("""
                        insert into action_limit (person_id, action, window_start, taken) values ($1, $2, $3, 1)
                        on conflict (person_id, action, window_start) do update set taken = action_limit.taken + 1
                        returning taken""")
                .execute(Tuple.of(person, action, windowStart.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return row.getInteger("taken");
                })
                .chain(taken -> {
                    if (taken <= budget.count()) {
                        return Uni.createFrom().voidItem();
                    }
                    Duration wait = Duration.between(now, windowEnd);
                    if (taken == budget.count() + 1) {
                        LOG.infof("Person %s reached the limit of %s (%d per %s)", person, action, budget.count(), budget.window());
                    }
                    return Uni.createFrom().failure(new RateLimited("You did this " + budget.count() + " times in "
                            + human(budget.window()) + ", the most the platform allows, as each time mails other people. "
                            + "Try again in " + human(wait) + ".", wait));
                });
    }

    /** Forgets what an erased person did, inside the erasure's transaction (the counts name the person). */
    public static Uni<Void> forget(UUID person) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session
                .createNativeQuery("delete from action_limit where person_id = :person")
                .setParameter("person", person).executeUpdate()).replaceWithVoid();
    }

    /** Windows that ended a day ago are of no use any more. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return pool.preparedQuery("delete from action_limit where window_start < $1")
                .execute(Tuple.of(clock.instant().minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)))
                .onFailure().invoke(e -> LOG.debugf("Old limit windows not deleted this time: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static String human(Duration d) {
        long minutes = Math.max(1, (d.toSeconds() + 59) / 60);
        return minutes >= 120 && minutes % 60 == 0 ? minutes / 60 + " hours" : minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
