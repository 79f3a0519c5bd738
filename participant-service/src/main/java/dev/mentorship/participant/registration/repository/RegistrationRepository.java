package dev.mentorship.participant.registration.repository;

import dev.mentorship.participant.registration.Registration;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    /** What an organizer filters a track's registrations by; null means any. */
    public record TrackFilter(Registration.Role role, Registration.Status status, Boolean late, Boolean priority,
                              String text) {
        public static final TrackFilter ALL = new TrackFilter(null, null, null, null, null);
    }

    public PanacheQuery<Registration> findByParticipant(UUID participantId) {
        return find("participantId", Sort.by("registeredAt").descending().and("id"), participantId);
    }

    public Uni<List<Registration>> allOf(UUID participantId) {
        return find("participantId", Sort.by("registeredAt").and("id"), participantId).list();
    }

    public Uni<List<Registration>> activeOf(UUID participantId) {
        return find("participantId = ?1 and status = ?2", Sort.by("registeredAt").and("id"), participantId,
                Registration.Status.ACTIVE).list();
    }

    public Uni<Registration> findOne(UUID participantId, UUID trackId, Registration.Role role) {
        return find("participantId = ?1 and trackId = ?2 and role = ?3", participantId, trackId, role).firstResult();
    }

    /** Active mentee registrations of a track, for its waitlist policy. */
    public Uni<List<Registration>> activeMenteesOf(UUID trackId) {
        return find("trackId = ?1 and role = ?2 and status = ?3", trackId, Registration.Role.MENTEE,
                Registration.Status.ACTIVE).list();
    }

    /** A track's registrations in the order they came in, filtered; {@code text} searches name, email, affiliation. */
    public PanacheQuery<Registration> findByTrack(UUID programId, UUID trackId, TrackFilter filter) {
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
