package dev.mentorship.matching.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A pair an organizer pinned (every run keeps it) or forbade (no run proposes it). */
@Entity
@Table(name = "pair_constraint")
public class PairConstraint extends PanacheEntityBase {

    public enum Kind { PIN, FORBID }

    @Id
    public UUID id;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "mentee_registration_id", nullable = false)
    public UUID menteeRegistrationId;

    @Column(name = "mentor_registration_id", nullable = false)
    public UUID mentorRegistrationId;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
