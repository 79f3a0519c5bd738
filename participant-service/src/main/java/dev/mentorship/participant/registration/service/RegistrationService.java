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
        return Page.of(registrations.findByParticipant(participantId), page, size);
    }

    @WithSession
    public Uni<Page<Registration>> listOfTrack(UUID programId, UUID trackId, Registration.Role role, int page, int size) {
        return Page.of(registrations.findByTrack(programId, trackId, role), page, size);
    }
}
