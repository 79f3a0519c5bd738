package dev.mentorship.notification.preference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Which notices a person wants by email; pairing, registration and conduct notices always go. */
@Entity
@Table(name = "preference")
public class Preference extends PanacheEntityBase {

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(nullable = false)
    public boolean deadlines = true;

    @Column(nullable = false)
    public boolean meetings = true;

    @Column(nullable = false)
    public boolean inactivity = true;

    /** The application deadlines of programs the person follows and of new editions of programs they took part in. */
    @Column(name = "program_news", nullable = false)
    public boolean programNews = true;

    /** The organizers' announcements (essential ones are mailed whatever this says). */
    @Column(nullable = false)
    public boolean announcements = true;

    @Column(name = "daily_digest", nullable = false)
    public boolean dailyDigest;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Null for the defaults (never chosen); the ETag of conditional writes. */
    @jakarta.persistence.Version
    public Long version;
}
