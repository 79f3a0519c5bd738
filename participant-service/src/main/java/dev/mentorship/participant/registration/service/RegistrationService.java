package dev.mentorship.participant.registration.service;

import dev.mentorship.participant.registration.Registration;
import dev.mentorship.participant.registration.repository.RegistrationRepository;
import dev.mentorship.participant.rest.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class RegistrationService {

    private final RegistrationRepository registrations;

    public RegistrationService(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @WithSession
    public Uni<Page<Registration>> listOf(UUID participantId, int page, int size) {
        var query = registrations.findByParticipant(participantId).page(page, size);
        return query.list().flatMap(items -> query.count().map(total -> new Page<>(items, page, size, total)));
    }
}
