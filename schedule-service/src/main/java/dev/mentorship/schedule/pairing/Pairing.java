package dev.mentorship.schedule.pairing;

import dev.mentorship.schedule.program.TrackKind;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A pairing as matching-service announced it, and when its members last met. */
@Entity
@Table(name = "pairing")
public class Pairing extends PanacheEntityBase {

    /** ENDED: its track's part of the program ended (PairingEnded); DISSOLVED: it ended early. */
    public enum Status { ACTIVE, DISSOLVED, ENDED }

    @Id
    @Column(name = "pairing_id")
    public UUID pairingId;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Enumerated(EnumType.STRING)
    @Column(name = "track_kind", nullable = false)
    public TrackKind trackKind;

    @Column(name = "mentor_id", nullable = false)
    public UUID mentorId;

    @Column(name = "mentee_id", nullable = false)
    public UUID menteeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the pair was created or last held a meeting. */
    @Column(name = "last_activity_at", nullable = false)
    public Instant lastActivityAt;

    @Column(name = "inactive_notified_at")
    public Instant inactiveNotifiedAt;

    @Column(name = "dissolved_at")
    public Instant dissolvedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public boolean hasMember(UUID participantId) {
        return mentorId.equals(participantId) || menteeId.equals(participantId);
    }
}
