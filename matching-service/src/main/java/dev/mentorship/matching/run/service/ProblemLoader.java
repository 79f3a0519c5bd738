package dev.mentorship.matching.run.service;

import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.registration.Registration;
import dev.mentorship.matching.run.PairConstraint;
import dev.mentorship.matching.track.Track;
import dev.mentorship.matching.track.TrackPolicy;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads what a solve of a track needs, in the caller's session. */
@ApplicationScoped
public class ProblemLoader {

    public Uni<TrackPolicy> policy(Track track) {
        return TrackPolicy.findFor(track);
    }

    /** Active mentees without a mentor and active mentors with capacity left, in the order they registered. */
    public Uni<TrackProblem> load(Track track, TrackPolicy policy) {
        Sort order = Sort.by("registeredAt").and("registrationId");
        return Registration.<Registration>list("trackId = ?1 and status = ?2", order, track.trackId, Registration.Status.ACTIVE)
                .chain(registrations -> Pairing.<Pairing>list("trackId = ?1 and status = ?2", track.trackId, Pairing.Status.ACTIVE)
                        .chain(pairings -> PairConstraint.<PairConstraint>list("trackId", track.trackId)
                                .map(constraints -> assemble(track, policy, registrations, pairings, constraints))));
    }

    static TrackProblem assemble(Track track, TrackPolicy policy, List<Registration> registrations, List<Pairing> pairings,
                                 List<PairConstraint> constraints) {
        Set<UUID> paired = new HashSet<>();
        Map<UUID, Integer> load = new HashMap<>();
        for (Pairing p : pairings) {
            paired.add(p.menteeRegistrationId);
            load.merge(p.mentorRegistrationId, 1, Integer::sum);
        }
        List<Registration> mentees = registrations.stream()
                .filter(r -> r.role == Registration.Role.MENTEE && !paired.contains(r.registrationId)).toList();
        List<Registration> mentors = registrations.stream()
                .filter(r -> r.role == Registration.Role.MENTOR && capacity(r) - load.getOrDefault(r.registrationId, 0) > 0)
                .toList();
        int[] left = mentors.stream().mapToInt(r -> capacity(r) - load.getOrDefault(r.registrationId, 0)).toArray();
        List<Registration> full = registrations.stream()
                .filter(r -> r.role == Registration.Role.MENTOR && capacity(r) - load.getOrDefault(r.registrationId, 0) <= 0)
                .toList();
        return new TrackProblem(track, policy, mentees, mentors, left, constraints, full);
    }

    static int capacity(Registration mentor) {
        return mentor.capacity == null ? 1 : mentor.capacity;
    }
}
