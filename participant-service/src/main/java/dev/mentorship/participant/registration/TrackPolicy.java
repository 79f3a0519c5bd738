package dev.mentorship.participant.registration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A track's registration policy, set by an organizer. */
@Entity
@Table(name = "track_policy")
public class TrackPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "track_id")
    public UUID trackId;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    /** Mentees who self-identify as underrepresented get priority on the waitlist (only the flag travels). */
    @Column(name = "prioritise_self_identified", nullable = false)
    public boolean prioritiseSelfIdentified;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;

    /** Null while the default policy (never set) stands; the ETag of conditional writes. */
    @jakarta.persistence.Version
    public Long version;
}
