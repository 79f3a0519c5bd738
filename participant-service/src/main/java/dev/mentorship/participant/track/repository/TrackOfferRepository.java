package dev.mentorship.participant.track.repository;

import dev.mentorship.participant.track.TrackOffer;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class TrackOfferRepository implements PanacheRepositoryBase<TrackOffer, UUID> {

    private static final Sort ORDER = Sort.by("closesAt").descending().and("programName").and("kind");

    public PanacheQuery<TrackOffer> findOffers(UUID programId) {
        return programId == null ? findAll(ORDER) : find("programId", ORDER, programId);
    }
}
