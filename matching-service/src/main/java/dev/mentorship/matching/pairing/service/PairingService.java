package dev.mentorship.matching.pairing.service;

import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.pairing.repository.PairingRepository;
import dev.mentorship.matching.rest.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class PairingService {

    private final PairingRepository pairings;

    public PairingService(PairingRepository pairings) {
        this.pairings = pairings;
    }

    @WithSession
    public Uni<Page<Pairing>> listOfMember(UUID participantId, int page, int size) {
        return Page.of(pairings.findByMember(participantId), page, size);
    }

    @WithSession
    public Uni<Page<Pairing>> listOfTrack(UUID trackId, Pairing.Status status, int page, int size) {
        return Page.of(pairings.findByTrack(trackId, status), page, size);
    }
}
