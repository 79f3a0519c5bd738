package dev.mentorship.participant.persistence;

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
 * The native query run on every registration (the person's lock) must reuse one cached plan (the outbox relay,
 * which had the same trouble, now runs plain SQL on its own connection). With a scalar result class each call cached a new plan under an unequal key of the same hash, and lookups
 * grew until they took 12-18 % of the services' CPU under load (docs/benchmarks.md).
 */
@QuarkusTest
class QueryPlanCacheTest {

    @Inject
    Mutiny.SessionFactory factory;

    @Test
    void thePersonLockReusesItsQueryPlan() throws Throwable {
        Statistics statistics = factory.getStatistics();
        assertThat(statistics.isStatisticsEnabled()).isTrue();
        lock(); // the first calls plan and cache
        long missesBefore = statistics.getQueryPlanCacheMissCount();
        long hitsBefore = statistics.getQueryPlanCacheHitCount();
        for (int i = 0; i < 200; i++) {
            lock();
        }
        // other work of the application may plan a query or two meanwhile; before the fix this loop alone missed 200 times
        assertThat(statistics.getQueryPlanCacheMissCount() - missesBefore).isLessThan(10);
        assertThat(statistics.getQueryPlanCacheHitCount() - hitsBefore).isGreaterThanOrEqualTo(200);
    }

    private void lock() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> PersonLock.lock(UUID.randomUUID())));
    }
}
