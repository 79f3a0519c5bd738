package dev.mentorship.matching.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A mentee waiting for a mentor. The position is their place in the track's order, computed when read. */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry extends PanacheEntityBase {

    @Id
    @Column(name = "mentee_registration_id")
    public UUID menteeRegistrationId;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(nullable = false)
    public boolean priority;

    /** NO_CAPACITY or NO_COMPATIBLE_MENTOR when they joined. */
    @Column(nullable = false)
    public String reason;

    @Column(name = "waitlisted_at", nullable = false)
    public Instant waitlistedAt;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
