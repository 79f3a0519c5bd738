package dev.mentorship.matching.run.service;

import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.pairing.WaitlistEntry;
import dev.mentorship.matching.pairing.service.Pairings;
import dev.mentorship.matching.registration.Registration;
import dev.mentorship.matching.run.MatchingRun;
import dev.mentorship.matching.scoring.Explanation;
import dev.mentorship.matching.scoring.Explanations;
import dev.mentorship.matching.scoring.TrackScores;
import dev.mentorship.matching.solver.Solution;
import dev.mentorship.matching.track.Track;
import dev.mentorship.matching.track.TrackPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Matching after a track's run was published: a mentee who arrives (late, or back after a pairing ended) gets the
 * best compatible mentor with room at once, or joins the waitlist; a mentor who arrives or has room again takes
 * mentees from the waitlist in its order (priority first where the policy says so). Under the PROPOSE policy the
 * pairs become a ROLLING draft for an organizer to publish instead. Runs in the caller's transaction and locks the
 * track's row, so that replicas handling events of the same track take turns.
 */
@ApplicationScoped
public class RollingMatcher {

    private final ProblemLoader loader;
    private final Pairings pairings;
    private final MatchingService runs;

    public RollingMatcher(ProblemLoader loader, Pairings pairings, MatchingService runs) {
        this.loader = loader;
        this.pairings = pairings;
        this.runs = runs;
    }

    public Uni<Void> menteeArrived(UUID trackId, UUID menteeRegistrationId) {
        return lockPublished(trackId).chain(track -> track == null ? Uni.createFrom().voidItem()
                : loader.policy(track).chain(policy -> loader.load(track, policy).chain(problem -> {
                    Registration mentee = problem.mentees().stream()
                            .filter(r -> r.registrationId.equals(menteeRegistrationId)).findFirst().orElse(null);
                    if (mentee == null) {
                        return Uni.createFrom().voidItem(); // withdrawn meanwhile, or paired already
                    }
                    return WaitlistEntry.<WaitlistEntry>findById(menteeRegistrationId).chain(waiting -> {
                        if (waiting != null) {
                            return Uni.createFrom().voidItem(); // served in the waitlist's order
                        }
                        TrackProblem one = problem.withMentees(List.of(mentee));
                        TrackScores scores = one.scores();
                        int[] left = problem.capacityLeft();
                        int best = -1;
                        int compatible = 0;
                        for (int j = 0; j < scores.mentors(); j++) {
                            double s = scores.score(0, j);
                            if (Double.isNaN(s)) {
                                continue;
                            }
                            compatible++;
                            if (left[j] > 0 && (best < 0 || better(problem, policy, left, 0, j, best, scores))) {
                                best = j;
                            }
                        }
                        if (best < 0) {
                            Solution.Unmatched reason = compatible == 0 && !problem.compatibleWithAFullMentor(mentee)
                                    ? Solution.Unmatched.NO_COMPATIBLE_MENTOR : Solution.Unmatched.NO_CAPACITY;
                            return pairings.waitlist(track, policy, mentee, reason.name());
                        }
                        Explanation why = Explanations.of(scores, 0, best);
                        TrackProblem.Proposal proposal = new TrackProblem.Proposal(mentee, problem.mentors().get(best),
                                why.score(), why, false);
                        return apply(track, policy, List.of(proposal));
                    });
                })));
    }

    public Uni<Void> capacityFreed(UUID trackId) {
        return lockPublished(trackId).chain(track -> track == null ? Uni.createFrom().voidItem()
                : loader.policy(track).chain(policy -> loader.load(track, policy).chain(problem -> pairings.ordered(trackId, policy)
                        .chain(order -> {
                            Map<UUID, Registration> unpaired = new HashMap<>();
                            problem.mentees().forEach(r -> unpaired.put(r.registrationId, r));
                            List<Registration> waiting = order.stream().map(e -> unpaired.get(e.menteeRegistrationId))
                                    .filter(r -> r != null).toList();
                            if (waiting.isEmpty() || problem.mentors().isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            TrackProblem queue = problem.withMentees(waiting);
                            TrackScores scores = queue.scores();
                            int[] left = problem.capacityLeft().clone();
                            List<TrackProblem.Proposal> proposals = new ArrayList<>();
                            for (int i = 0; i < waiting.size(); i++) {
                                int best = -1;
                                for (int j = 0; j < scores.mentors(); j++) {
                                    double s = scores.score(i, j);
                                    if (!Double.isNaN(s) && left[j] > 0 && (best < 0 || better(problem, policy, left, i, j, best, scores))) {
                                        best = j;
                                    }
                                }
                                if (best >= 0) {
                                    left[best]--;
                                    Explanation why = Explanations.of(scores, i, best);
                                    proposals.add(new TrackProblem.Proposal(waiting.get(i), problem.mentors().get(best),
                                            why.score(), why, false));
                                }
                            }
                            return proposals.isEmpty() ? Uni.createFrom().voidItem() : apply(track, policy, proposals);
                        }))));
    }

    /**
     * Whether mentor j serves mentee i better than mentor {@code best}, as the batch run ranks it (LoadAimSolver): where
     * a load is aimed for, a mentor who has mentees but fewer than the aim comes first (the mentee helps them reach
     * it), then the higher score. The aim never keeps a mentee waiting: every compatible mentor with room may take one.
     */
    private static boolean better(TrackProblem problem, TrackPolicy policy, int[] left, int i, int j, int best, TrackScores scores) {
        boolean belowJ = belowAim(problem, policy, left, j);
        boolean belowBest = belowAim(problem, policy, left, best);
        if (belowJ != belowBest) {
            return belowJ;
        }
        return scores.score(i, j) > scores.score(i, best);
    }

    private static boolean belowAim(TrackProblem problem, TrackPolicy policy, int[] left, int j) {
        int capacity = ProblemLoader.capacity(problem.mentors().get(j));
        int load = capacity - left[j];
        return load > 0 && load < Math.min(policy.minimumLoad, capacity);
    }

    private Uni<Void> apply(Track track, TrackPolicy policy, List<TrackProblem.Proposal> proposals) {
        if (policy.rolling == TrackPolicy.Rolling.PROPOSE) {
            double total = proposals.stream().mapToDouble(TrackProblem.Proposal::score).sum();
            double lowest = proposals.stream().mapToDouble(TrackProblem.Proposal::score).min().orElse(0);
            TrackProblem.Result result = new TrackProblem.Result(proposals, List.of(), total, lowest, List.of(), 0,
                    "rolling: best compatible mentor with room, waitlist order");
            MatchingRun run = runs.newRun(track, policy, MatchingRun.Kind.ROLLING, result, null);
            return runs.persistRun(run, result).replaceWithVoid();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TrackProblem.Proposal p : proposals) {
            chain = chain.chain(() -> pairings.create(track, p.mentee(), p.mentor(), p.explanation(), null, Pairing.Source.ROLLING))
                    .replaceWithVoid();
        }
        return chain;
    }

    /** The track, locked, when it matches on a rolling basis: its run is published and its part of the program not over. */
    private Uni<Track> lockPublished(UUID trackId) {
        return Track.lock(trackId)
                .map(track -> track == null || track.publishedRunId == null || track.ended(pairings.now()) ? null : track);
    }
}
