package dev.mentorship.matching.run.service;

import dev.mentorship.matching.persistence.JsonColumns;
import dev.mentorship.matching.registration.Registration;
import dev.mentorship.matching.run.PairConstraint;
import dev.mentorship.matching.scoring.Explanation;
import dev.mentorship.matching.scoring.Person;
import dev.mentorship.matching.scoring.Explanations;
import dev.mentorship.matching.scoring.TrackScores;
import dev.mentorship.matching.solver.MatchingSolver;
import dev.mentorship.matching.solver.PairScores;
import dev.mentorship.matching.solver.Solution;
import dev.mentorship.matching.track.Track;
import dev.mentorship.matching.track.TrackPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one solve of a track sees: the mentees still without a mentor, the mentors with the capacity they have
 * left, the organizers' pins and forbids, and the policy. Plain data: solving it needs no database.
 */
public record TrackProblem(Track track, TrackPolicy policy, List<Registration> mentees, List<Registration> mentors,
                           int[] capacityLeft, List<PairConstraint> constraints, List<Registration> fullMentors) {

    /** One proposed pair. */
    public record Proposal(Registration mentee, Registration mentor, double score, Explanation explanation, boolean pinned) {
    }

    /** A mentee left without a mentor, and why. */
    public record Left(Registration mentee, Solution.Unmatched reason) {
    }

    /** The proposal and its report. */
    public record Result(List<Proposal> proposals, List<Left> unmatched, double totalScore, Double lowestScore,
                         List<Integer> mentorLoad, long solverMillis, String method, List<JsonColumns.BelowAim> belowAim) {
        public Result(List<Proposal> proposals, List<Left> unmatched, double totalScore, Double lowestScore,
                      List<Integer> mentorLoad, long solverMillis, String method) {
            this(proposals, unmatched, totalScore, lowestScore, mentorLoad, solverMillis, method, List.of());
        }
    }

    public static TrackScores.Kind scoringKind(Track.Kind kind) {
        return kind == Track.Kind.CAREER ? TrackScores.Kind.CAREER : TrackScores.Kind.INTERESTS;
    }

    /** The scores of these mentees and mentors under the policy, with the forbidden pairs excluded. */
    public TrackScores scores() {
        Map<UUID, Registration> byRegistration = new HashMap<>();
        mentees.forEach(r -> byRegistration.put(r.registrationId, r));
        mentors.forEach(r -> byRegistration.put(r.registrationId, r));
        Set<List<UUID>> forbidden = new HashSet<>();
        for (PairConstraint c : constraints) {
            Registration mentee = byRegistration.get(c.menteeRegistrationId);
            Registration mentor = byRegistration.get(c.mentorRegistrationId);
            if (c.kind == PairConstraint.Kind.FORBID && mentee != null && mentor != null) {
                forbidden.add(List.of(mentee.participantId, mentor.participantId));
            }
        }
        List<Person> menteePeople = mentees.stream().map(r -> r.person(0)).toList();
        List<Person> mentorPeople = new ArrayList<>();
        for (int j = 0; j < mentors.size(); j++) {
            mentorPeople.add(mentors.get(j).person(capacityLeft[j]));
        }
        return new TrackScores(scoringKind(track.kind), policy.scoring(), menteePeople, mentorPeople, forbidden);
    }

    /** The same people with other mentees (rolling matching looks at one mentee, or at the waitlist). */
    public TrackProblem withMentees(List<Registration> others) {
        return new TrackProblem(track, policy, others, mentors, capacityLeft, constraints, fullMentors);
    }

    /** Whether a mentee no mentor with room can take could be paired with a mentor who is full: then they wait for room. */
    public boolean compatibleWithAFullMentor(Registration mentee) {
        if (fullMentors.isEmpty()) {
            return false;
        }
        int[] room = new int[fullMentors.size()];
        java.util.Arrays.fill(room, 1);
        TrackScores full = new TrackProblem(track, policy, List.of(mentee), fullMentors, room, constraints, List.of()).scores();
        for (int j = 0; j < full.mentors(); j++) {
            if (!Double.isNaN(full.score(0, j))) {
                return true;
            }
        }
        return false;
    }

    /** Pins first (where still possible), then the optimal assignment of everyone else. */
    public Result solve() {
        long started = System.nanoTime();
        TrackScores scores = scores();
        Map<UUID, Integer> menteeIndex = new HashMap<>();
        Map<UUID, Integer> mentorIndex = new HashMap<>();
        for (int i = 0; i < mentees.size(); i++) {
            menteeIndex.put(mentees.get(i).registrationId, i);
        }
        for (int j = 0; j < mentors.size(); j++) {
            mentorIndex.put(mentors.get(j).registrationId, j);
        }
        int[] capacity = capacityLeft.clone();
        int[] pinnedTo = new int[mentees.size()];
        java.util.Arrays.fill(pinnedTo, -1);
        for (PairConstraint c : constraints) {
            Integer i = menteeIndex.get(c.menteeRegistrationId);
            Integer j = mentorIndex.get(c.mentorRegistrationId);
            if (c.kind == PairConstraint.Kind.PIN && i != null && j != null && pinnedTo[i] < 0 && capacity[j] > 0) {
                pinnedTo[i] = j;
                capacity[j]--;
            }
        }
        PairScores rest = new PairScores() {
            public int mentees() {
                return scores.mentees();
            }

            public int mentors() {
                return scores.mentors();
            }

            public int capacity(int mentor) {
                return capacity[mentor];
            }

            public double score(int mentee, int mentor) {
                return pinnedTo[mentee] >= 0 ? Double.NaN : scores.score(mentee, mentor);
            }
        };
        Solution solution = MatchingSolver.solve(rest, MatchingSolver.Options.DEFAULT.withMinimumLoad(policy.minimumLoad));
        List<Proposal> proposals = new ArrayList<>();
        List<Left> unmatched = new ArrayList<>();
        int[] load = new int[mentors.size()];
        double total = 0;
        Double lowest = null;
        for (int i = 0; i < mentees.size(); i++) {
            int j = pinnedTo[i] >= 0 ? pinnedTo[i] : solution.mentorOf()[i];
            if (j < 0) {
                Solution.Unmatched reason = solution.unmatchedReason()[i];
                if (reason == Solution.Unmatched.NO_COMPATIBLE_MENTOR && compatibleWithAFullMentor(mentees.get(i))) {
                    reason = Solution.Unmatched.NO_CAPACITY;
                }
                unmatched.add(new Left(mentees.get(i), reason));
                continue;
            }
            Explanation explanation = Explanations.of(scores, i, j);
            if (pinnedTo[i] >= 0) {
                List<String> rules = new ArrayList<>(explanation.rules());
                rules.add(0, "pinned by an organizer");
                explanation = new Explanation(explanation.score(), explanation.sharedInterests(), explanation.textSimilarity(),
                        explanation.sharedTopics(), explanation.sharedHours(), rules, explanation.summary() + " Pinned by an organizer.");
            }
            proposals.add(new Proposal(mentees.get(i), mentors.get(j), explanation.score(), explanation, pinnedTo[i] >= 0));
            load[j]++;
            total += explanation.score();
            lowest = lowest == null ? explanation.score() : Math.min(lowest, explanation.score());
        }
        List<Integer> histogram = new ArrayList<>();
        List<JsonColumns.BelowAim> belowAim = new ArrayList<>();
        for (int j = 0; j < mentors.size(); j++) {
            int already = mentors.get(j).capacity == null ? 0 : mentors.get(j).capacity - capacityLeft[j];
            int used = load[j] + already;
            while (histogram.size() <= used) {
                histogram.add(0);
            }
            histogram.set(used, histogram.get(used) + 1);
            int aim = mentors.get(j).capacity == null ? 0 : Math.min(policy.minimumLoad, mentors.get(j).capacity);
            if (used > 0 && used < aim) {
                int compatible = already;
                for (int i = 0; i < mentees.size(); i++) {
                    compatible += Double.isNaN(scores.score(i, j)) ? 0 : 1;
                }
                belowAim.add(new JsonColumns.BelowAim(mentors.get(j).registrationId, used, aim, compatible,
                        compatible < aim ? "ONLY_COMPATIBLE" : "SERVED_ELSEWHERE"));
            }
        }
        return new Result(proposals, unmatched, Math.round(total * 1000) / 1000.0, lowest, histogram,
                (System.nanoTime() - started) / 1_000_000, solution.method(), belowAim);
    }
}
