package dev.mentorship.matching.track.service;

import dev.mentorship.matching.track.PolicySettings;
import dev.mentorship.matching.track.TrackPolicy;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import dev.mentorship.runtime.http.IfMatch;
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

    /** A policy as read: its settings and its version (null for the defaults, never set). */
    public record Current(PolicySettings settings, Long version) {
        static Current of(TrackPolicy p) {
            return new Current(PolicySettings.of(p), p.version);
        }
    }

    @WithSession
    public Uni<Current> policy(UUID programId, UUID trackId) {
        return tracks.inProgram(programId, trackId).chain(TrackPolicy::findFor).map(Current::of);
    }

    /** Runs from now on use it. The stored policy is answered once committed (its version is then the new one). */
    @WithTransaction
    public Uni<TrackPolicy> setPolicy(UUID programId, UUID trackId, PolicySettings settings, UUID organizer, IfMatch ifMatch) {
        return tracks.inProgram(programId, trackId).chain(track -> TrackPolicy.<TrackPolicy>findById(trackId).chain(existing -> {
            if (existing == null) {
                ifMatch.absent();
            } else {
                ifMatch.existing(existing.version);
            }
            TrackPolicy p = existing != null ? existing : TrackPolicy.defaults(track);
            settings.applyTo(p);
            p.updatedAt = clock.instant();
            p.updatedBy = organizer;
            return existing != null ? Uni.createFrom().item(p) : p.<TrackPolicy>persist();
        }));
    }
}
