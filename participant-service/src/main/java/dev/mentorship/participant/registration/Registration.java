package dev.mentorship.participant.registration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
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
import java.util.List;
import java.util.Locale;
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

    // Queries (active record: an entity's queries are static methods on it)

    public static PanacheQuery<Registration> findByParticipant(UUID participantId) {
        return find("participantId", Sort.by("registeredAt").descending().and("id"), participantId);
    }

    public static Uni<List<Registration>> allOf(UUID participantId) {
        return find("participantId", Sort.by("registeredAt").and("id"), participantId).list();
    }

    public static Uni<List<Registration>> activeOf(UUID participantId) {
        return find("participantId = ?1 and status = ?2", Sort.by("registeredAt").and("id"), participantId,
                Status.ACTIVE).list();
    }

    public static Uni<Registration> findOne(UUID participantId, UUID trackId, Role role) {
        return find("participantId = ?1 and trackId = ?2 and role = ?3", participantId, trackId, role).firstResult();
    }

    /** Active mentee registrations of a track, for its waitlist policy. */
    public static Uni<List<Registration>> activeMenteesOf(UUID trackId) {
        return find("trackId = ?1 and role = ?2 and status = ?3", trackId, Role.MENTEE, Status.ACTIVE).list();
    }

    /** A track's registrations in the order they came in, filtered; {@code text} searches name, email, affiliation. */
    public static PanacheQuery<Registration> findByTrack(UUID programId, UUID trackId, TrackFilter filter) {
        StringBuilder query = new StringBuilder("from Registration r where r.programId = :program and r.trackId = :track");
        Parameters parameters = Parameters.with("program", programId).and("track", trackId);
        if (filter.role() != null) {
            query.append(" and r.role = :role");
            parameters.and("role", filter.role());
        }
        if (filter.status() != null) {
            query.append(" and r.status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.late() != null) {
            query.append(" and r.late = :late");
            parameters.and("late", filter.late());
        }
        if (filter.priority() != null) {
            query.append(" and r.priority = :priority");
            parameters.and("priority", filter.priority());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            query.append(" and exists (from Participant p where p.id = r.participantId and (lower(p.name) like :text escape '\\'"
                    + " or lower(p.email) like :text escape '\\' or lower(p.affiliation) like :text escape '\\'))");
            String escaped = filter.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            parameters.and("text", "%" + escaped + "%");
        }
        query.append(" order by r.registeredAt, r.id");
        return find(query.toString(), parameters);
    }
}
