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
 * mentee before a meeting that their draft is due ({@code DraftReminder}), a group session's people before it starts
 * ({@code GroupSessionApproaching}).
 */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    /**
     * What the reminder is about. SESSION: a group session's start, to those who joined it (counted back from the
     * session's start, not from the end of its milestone's day); SESSION_CHOICE: once per group-session milestone, to
     * its audience that has chosen no session yet, before the first one. SURVEY: before a survey closes, to its
     * audience that has not answered (one event per recipient), with its closing milestone's lead times.
     */
    public enum Kind { DEADLINE, MEETING, DRAFT, SESSION, SESSION_CHOICE, SURVEY }

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

    /** The session of a SESSION reminder (which carries its milestone too). */
    @Column(name = "group_session_id")
    public UUID groupSessionId;

    /** The survey of a SURVEY reminder. */
    @Column(name = "survey_id")
    public UUID surveyId;

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
