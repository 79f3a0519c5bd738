package dev.mentorship.notification.announcement;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An organizer's message to an audience of their program (the program, or a track; a role; a status), sent at
 * {@code sendAt}. The REST side keeps it here; {@code AnnouncementDispatcher} delivers it in bulk with raw SQL: one inbox
 * entry and at most one mail per person, under the event id {@code announcement:<id>}.
 */
@Entity
@Table(name = "announcement")
public class Announcement extends PanacheEntityBase {

    /** As stored: SENT once its inbox entries and mails are written (the mails then go out; see the view's status). */
    public enum Stored { SCHEDULED, SENT, CANCELLED }

    public enum Role { MENTOR, MENTEE }

    /** Whom of the registrations: matched (an active pairing), on the waitlist, withdrawn, registered late. */
    public enum Status { MATCHED, WAITLISTED, WITHDRAWN, LATE }

    public static final String EVENT_TYPE = "Announcement";

    @Id
    public UUID id;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "track_id")
    public UUID trackId;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience_status")
    public Status audienceStatus;

    @Column(nullable = false)
    public boolean essential;

    @Column(name = "send_at", nullable = false)
    public Instant sendAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stored status;

    /** How many people it reached (set when it is sent). */
    public Integer recipients;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** The ETag. */
    @jakarta.persistence.Version
    public long version;

    /** The id of its inbox entries and mails (unique with the recipient: each person gets it once). */
    public String eventId() {
        return eventId(id);
    }

    public static String eventId(UUID id) {
        return "announcement:" + id;
    }

    public Audience audience() {
        return new Audience(trackId, role, audienceStatus);
    }

    /** Whom an announcement is for: every field optional (none: every active registration of the program). */
    public record Audience(UUID trackId, Role role, Status status) {
    }

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    public static PanacheQuery<Announcement> ofProgram(UUID programId) {
        return find("programId", NEWEST_FIRST, programId);
    }
}
