package dev.mentorship.schedule.program;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** One move of a milestone (an extension, usually), kept so that everyone can see what changed and why. */
@Entity
@Table(name = "milestone_change")
public class MilestoneChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "milestone_id", nullable = false)
    public UUID milestoneId;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by")
    public UUID changedBy;

    @Column(name = "old_date", nullable = false)
    public LocalDate oldDate;

    @Column(name = "old_end_date")
    public LocalDate oldEndDate;

    @Column(name = "old_time")
    public LocalTime oldTime;

    @Column(name = "old_due_at", nullable = false)
    public Instant oldDueAt;

    @Column(name = "new_date", nullable = false)
    public LocalDate newDate;

    @Column(name = "new_end_date")
    public LocalDate newEndDate;

    @Column(name = "new_time")
    public LocalTime newTime;

    @Column(name = "new_due_at", nullable = false)
    public Instant newDueAt;

    @Column(nullable = false)
    public String reason;
}
