package dev.mentorship.participant.registration;

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

/** A person's registration for one track of a program, as mentor or mentee. */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    public enum Role { MENTOR, MENTEE }

    public enum Status { ACTIVE, WITHDRAWN }

    @Id
    public UUID id;

    /** The person's Keycloak subject. */
    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Version
    public long version;
}
