package dev.mentorship.participant.persistence;

import dev.mentorship.runtime.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native queries run on every registration (the person's lock) and every relay round must reuse one cached
 * plan. With a scalar result class each call cached a new plan under an unequal key of the same hash, and lookups
 * grew until they took 12-18 % of the services' CPU under load (docs/benchmarks.md).
 */
@QuarkusTest
class QueryPlanCacheTest {

    @Inject
    Mutiny.SessionFactory factory;

    @Inject
    OutboxRelay relay;

    @Test
    void thePersonLockAndTheRelayReuseTheirQueryPlans() throws Throwable {
        Statistics statistics = factory.getStatistics();
        assertThat(statistics.isStatisticsEnabled()).isTrue();
        lockAndRelay(); // the first calls plan and cache
        long missesBefore = statistics.getQueryPlanCacheMissCount();
        long hitsBefore = statistics.getQueryPlanCacheHitCount();
        for (int i = 0; i < 200; i++) {
            lockAndRelay();
        }
        // other work of the application (its own relay rounds) may plan a query or two meanwhile; before the fix
        // this loop alone missed 400 times
        assertThat(statistics.getQueryPlanCacheMissCount() - missesBefore).isLessThan(10);
        assertThat(statistics.getQueryPlanCacheHitCount() - hitsBefore).isGreaterThanOrEqualTo(400);
    }

    private void lockAndRelay() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> PersonLock.lock(UUID.randomUUID())));
        VertxContextSupport.subscribeAndAwait(() -> relay.publishPending());
    }
}
