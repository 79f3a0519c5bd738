package dev.mentorship.matching.pairing.repository;

import dev.mentorship.matching.pairing.Pairing;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class PairingRepository implements PanacheRepositoryBase<Pairing, UUID> {

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    /** The pairings a person is in, as mentor or as mentee. */
    public PanacheQuery<Pairing> findByMember(UUID participantId) {
        return find("mentorId = ?1 or menteeId = ?1", NEWEST_FIRST, participantId);
    }

    public PanacheQuery<Pairing> findByTrack(UUID trackId, Pairing.Status status) {
        return status == null
                ? find("trackId", NEWEST_FIRST, trackId)
                : find("trackId = ?1 and status = ?2", NEWEST_FIRST, trackId, status);
    }
}
