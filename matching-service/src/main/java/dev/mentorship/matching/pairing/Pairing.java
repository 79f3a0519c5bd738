package dev.mentorship.matching.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A mentor and a mentee paired in one track, with the score and the reasons they were paired. */
@Entity
@Table(name = "pairing")
public class Pairing extends PanacheEntityBase {

    public enum Status { ACTIVE, DISSOLVED }

    @Id
    public UUID id;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(name = "mentor_id", nullable = false)
    public UUID mentorId;

    @Column(name = "mentee_id", nullable = false)
    public UUID menteeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public double score;

    @Column(nullable = false)
    public String explanation;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "dissolved_at")
    public Instant dissolvedAt;

    @Version
    public long version;
}
