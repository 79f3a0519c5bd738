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

/**
 * That people are told "lead" before a moment, once: a milestone's audience before its deadline
 * ({@code DeadlineApproaching}), a pairing's members before a meeting ({@code MeetingApproaching}), an author
 * mentee before a meeting that their draft is due ({@code DraftReminder}).
 */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    /** What the reminder is about. */
    public enum Kind { DEADLINE, MEETING, DRAFT }

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind = Kind.DEADLINE;

    @Column(name = "milestone_id")
    public UUID milestoneId;

    @Column(name = "meeting_id")
    public UUID meetingId;

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
