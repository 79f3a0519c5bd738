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
}
