package dev.mentorship.schedule.reminder;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** That a milestone's audience is told "lead" before its deadline: {@code DeadlineApproaching}, once. */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    public enum Status {
        /** waits for its moment */
        PENDING,
        /** DeadlineApproaching recorded */
        SENT,
        /** the milestone moved: a new reminder replaces this one */
        CANCELLED,
        /** already due when planned, and a shorter lead time was due too: only the latest tells */
        SKIPPED,
        /** its deadline passed before it could fire (the service was down): never fires */
        EXPIRED
    }

    @Id
    public UUID id;

    @Column(name = "milestone_id", nullable = false)
    public UUID milestoneId;

    /** ISO-8601 duration before the deadline, e.g. "P7D". */
    @Column(nullable = false)
    public String lead;

    @Column(name = "fire_at", nullable = false)
    public Instant fireAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "settled_at")
    public Instant settledAt;
}
