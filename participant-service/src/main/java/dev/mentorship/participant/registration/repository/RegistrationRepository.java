package dev.mentorship.participant.registration.repository;

import dev.mentorship.participant.registration.Registration;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    public PanacheQuery<Registration> findByParticipant(UUID participantId) {
        return find("participantId", Sort.by("registeredAt").descending().and("id"), participantId);
    }

    /** A track's registrations in the order they came in, optionally only one role. */
    public PanacheQuery<Registration> findByTrack(UUID programId, UUID trackId, Registration.Role role) {
        Sort order = Sort.by("registeredAt").and("id");
        return role == null
                ? find("programId = ?1 and trackId = ?2", order, programId, trackId)
                : find("programId = ?1 and trackId = ?2 and role = ?3", order, programId, trackId, role);
    }
}
