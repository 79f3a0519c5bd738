package dev.mentorship.participant.registration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import dev.mentorship.participant.persistence.JsonColumns;
import dev.mentorship.participant.track.TrackOffer;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
    @Column(name = "track_kind", nullable = false)
    public TrackOffer.Kind trackKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Convert(converter = JsonColumns.AnswerColumn.class)
    @Column(nullable = false)
    public Answers answers = Answers.NONE;

    /** How many mentees a mentor can take (null for mentees). */
    @Column
    public Integer capacity;

    /** Registered after the application deadline of a rolling track: the matching decides who waits. */
    @Column(nullable = false)
    public boolean late;

    /** Waitlist priority under the track's policy; the only trace of self-identification that leaves this service. */
    @Column(nullable = false)
    public boolean priority;

    @Column(name = "code_of_conduct_version", nullable = false)
    public String codeOfConductVersion;

    @Column(name = "code_of_conduct_accepted_at", nullable = false)
    public Instant codeOfConductAcceptedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Version
    public long version;
}
