package dev.mentorship.matching.track.service;

import dev.mentorship.matching.track.PolicySettings;
import dev.mentorship.matching.track.TrackPolicy;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/** A track's matching policy as organizers read and set it; the defaults by track kind until they do. */
@ApplicationScoped
public class TrackPolicyService {

    private final TrackDirectory tracks;
    private final Clock clock;

    public TrackPolicyService(TrackDirectory tracks, Clock clock) {
        this.tracks = tracks;
        this.clock = clock;
    }

    @WithSession
    public Uni<PolicySettings> policy(UUID programId, UUID trackId) {
        return tracks.inProgram(programId, trackId).chain(TrackPolicy::findFor).map(PolicySettings::of);
    }

    /** Runs from now on use it. */
    @WithTransaction
    public Uni<PolicySettings> setPolicy(UUID programId, UUID trackId, PolicySettings settings, UUID organizer) {
        return tracks.inProgram(programId, trackId).chain(track -> TrackPolicy.<TrackPolicy>findById(trackId).chain(existing -> {
            TrackPolicy p = existing != null ? existing : TrackPolicy.defaults(track);
            settings.applyTo(p);
            p.updatedAt = clock.instant();
            p.updatedBy = organizer;
            return (existing != null ? Uni.createFrom().item(p) : p.<TrackPolicy>persist()).map(PolicySettings::of);
        }));
    }
}
