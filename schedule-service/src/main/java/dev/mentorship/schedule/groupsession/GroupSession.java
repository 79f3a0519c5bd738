package dev.mentorship.schedule.groupsession;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.ProgramDefinition;
import dev.mentorship.schedule.program.service.ProgramRules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One session of a group-session milestone (ML4H's career track: several one-hour online group workshops on its day;
 * each person joins one, or more): its start, duration, online link and capacity. Reminders count back from its start,
 * not from the end of the milestone's day.
 */
@Entity
@Table(name = "group_session")
public class GroupSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(name = "milestone_id", nullable = false)
    public UUID milestoneId;

    @Column(nullable = false)
    public String key;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    /** The https link to join; null while not announced. */
    @Column(name = "online_url")
    public String onlineUrl;

    @Column(nullable = false)
    public int capacity;

    /**
     * Seats taken: written only by the conditional updates of {@code GroupSessionService} (never by flushing this
     * entity), so that an organizer's edit cannot overwrite a count that a join changed meanwhile.
     */
    @Column(name = "seats_taken", insertable = false, updatable = false)
    public int seatsTaken;

    @Column(nullable = false)
    public int position;

    /** Raised on each change calendars must see (RFC 5545 SEQUENCE). */
    @Column(nullable = false)
    public int sequence;

    @Version
    public long version;

    /** A new milestone's sessions as its definition lists them (checked by {@code ProgramRules}), not yet persisted. */
    public static List<GroupSession> of(Milestone milestone, List<ProgramDefinition.SessionDefinition> definitions) {
        List<GroupSession> sessions = new ArrayList<>();
        if (definitions == null) {
            return sessions;
        }
        for (ProgramDefinition.SessionDefinition definition : definitions) {
            GroupSession session = new GroupSession();
            session.id = UUID.randomUUID();
            session.programId = milestone.programId;
            session.trackId = milestone.trackId;
            session.milestoneId = milestone.id;
            session.key = definition.key();
            session.position = sessions.size();
            session.set(definition.startsAt(), definition.durationMinutes(), definition.onlineUrl(), definition.capacity());
            sessions.add(session);
        }
        return sessions;
    }

    /** Sets what organizers decide (the link kept as {@link ProgramRules#onlineUrl} reads it). */
    public void set(Instant startsAt, int durationMinutes, String onlineUrl, int capacity) {
        this.startsAt = startsAt;
        this.durationMinutes = durationMinutes;
        this.onlineUrl = ProgramRules.onlineUrl(onlineUrl);
        this.capacity = capacity;
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }

    /** The iCalendar UID, the same in the session's file and in every personal feed. */
    public String uid() {
        return id + "@group-sessions.mentorship";
    }
}
