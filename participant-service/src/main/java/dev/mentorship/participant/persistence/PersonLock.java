package dev.mentorship.participant.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * Serializes one person's writes (profile, registrations) across requests and replicas: a transaction-scoped
 * PostgreSQL advisory lock on the person's id, released at commit or rollback. Two requests of the same person sent
 * at once (a double click, a retrying client) then run one after the other, and the second sees what the first
 * stored, instead of both inserting and one failing on a unique constraint.
 */
public final class PersonLock {

    /** The lock's namespace ("PART"): the first key of the two-key form, apart from every other advisory lock. */
    private static final int NAMESPACE = 0x50415254;

    private PersonLock() {
    }

    /**
     * Takes the lock in the current transaction; waits while another transaction holds it. HQL, not a native query:
     * Hibernate 7.1 caches each native query's plan under a key never equal to the next call's, so every call added a
     * plan with the same hash until cache lookups took 12-18 % of the services' CPU under load (docs/benchmarks.md).
     */
    public static Uni<Void> lock(UUID personId) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select function('pg_advisory_xact_lock', :ns, :key)", Object.class)
                .setParameter("ns", NAMESPACE)
                .setParameter("key", personId.hashCode())
                .getSingleResult())
                .replaceWithVoid();
    }
}
