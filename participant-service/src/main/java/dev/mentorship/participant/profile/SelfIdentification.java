package dev.mentorship.participant.profile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Optional, sensitive self-identification (e.g. belonging to a group underrepresented in the field). Kept apart
 * from the profile, shown to organizers only, never put in an event: where a track's policy gives such mentees
 * priority on the waitlist, only the registration's priority flag travels.
 */
@Entity
@Table(name = "self_identification")
public class SelfIdentification extends PanacheEntityBase {

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(nullable = false)
    public boolean underrepresented;

    @Column
    public String description;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Null until stored; the ETag of conditional writes. */
    @jakarta.persistence.Version
    public Long version;
}
