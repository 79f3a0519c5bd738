package dev.mentorship.schedule.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a program's audit log (any service's organizer command, confidential read or export). Append-only:
 * nothing updates or deletes it but erasure's pseudonymisation, which the database's trigger enforces.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    private static final Sort NEWEST_FIRST = Sort.by("occurredAt", Sort.Direction.Descending).and("seq", Sort.Direction.Descending);

    @Id
    public UUID id;

    /** The order entries arrived in (the database numbers them): breaks ties of {@link #occurredAt}. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The person's account id, or "pseudonym:…" once they erased their data. */
    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_name")
    public String actorName;

    @Column(nullable = false)
    public String service;

    @Column(nullable = false)
    public String action;

    public String subject;

    public String before;

    public String after;

    /** A program's entries, newest first, optionally of one action, one actor and a time range. */
    public static PanacheQuery<AuditEntry> of(UUID programId, String action, String actor, Instant from, Instant to) {
        StringBuilder query = new StringBuilder("programId = :program");
        Parameters parameters = Parameters.with("program", programId);
        if (action != null) {
            query.append(" and action = :action");
            parameters.and("action", action);
        }
        if (actor != null) {
            query.append(" and actorId = :actor");
            parameters.and("actor", actor);
        }
        if (from != null) {
            query.append(" and occurredAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and occurredAt < :to");
            parameters.and("to", to);
        }
        return find(query.toString(), NEWEST_FIRST, parameters);
    }
}
