package dev.mentorship.schedule.meeting;

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
 * A meeting of a pairing. Proposed from the track's rules (a slot inside both members' hours), or UNSCHEDULED where
 * no slot fits (the pair chooses); CONFIRMED when a member or an organizer confirms or sets its time; moved
 * (SEQUENCE rises), CANCELLED, or marked HELD.
 */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {

    /** AUTHOR: a bi-weekly mentoring meeting; REVIEWER: the feedback session; CAREER: the one-hour 1-1. */
    public enum Kind { MENTORING, FEEDBACK, ONE_ON_ONE }

    public enum Status { PROPOSED, UNSCHEDULED, CONFIRMED, CANCELLED, HELD }

    @Id
    public UUID id;

    @Column(name = "pairing_id", nullable = false)
    public UUID pairingId;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** 1, 2, 3, ... within the pairing. */
    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    /** The part of the program the meeting belongs in (e.g. its two weeks of the meeting period). */
    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "window_end", nullable = false)
    public Instant windowEnd;

    @Column
    public String note;

    /** The meeting's own place, where it differs from its pairing's (both null: the pairing's; see {@link Place}). */
    @Column
    public String location;

    @Column(name = "video_url")
    public String videoUrl;

    /** RFC 5545 SEQUENCE: raised on each change calendar apps must see. */
    @Column(nullable = false)
    public int sequence;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "held_at")
    public Instant heldAt;

    /** Every change moves it on (optimistic locking); the ETag of conditional writes. */
    @jakarta.persistence.Version
    public long version;

    public Instant endsAt() {
        return startsAt == null ? null : startsAt.plusSeconds(60L * durationMinutes);
    }

    /** The stable iCalendar UID. */
    public String uid() {
        return id + "@meetings.mentorship";
    }
}
