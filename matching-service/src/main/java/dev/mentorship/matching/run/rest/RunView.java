package dev.mentorship.matching.run.rest;

import dev.mentorship.runtime.persistence.JsonText;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.mentorship.matching.registration.Registration;
import dev.mentorship.matching.run.MatchingRun;
import dev.mentorship.matching.run.service.MatchingService;
import dev.mentorship.matching.track.rest.PolicyView;
import dev.mentorship.matching.scoring.Explanation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A run as organizers see it: the report, the proposed pairs with their explanations, who is left and why. */
public record RunView(UUID id, UUID trackId, UUID programId, MatchingRun.Kind kind, MatchingRun.Status status,
                      Report report, PolicyView policy, List<ProposalView> proposals, List<UnmatchedView> unmatched,
                      Instant createdAt, Instant publishedAt) {

    public record Report(int matched, int unmatched, double totalScore, Double lowestScore, long solverMillis,
                         String method, List<Integer> mentorLoad) {
    }

    public record Person(UUID registrationId, UUID participantId, String name, String affiliation, boolean late, boolean priority) {
        static Person of(UUID registrationId, Map<UUID, Registration> people) {
            Registration r = people.get(registrationId);
            return r == null ? new Person(registrationId, null, null, null, false, false)
                    : new Person(registrationId, r.participantId, r.name, r.affiliation, r.late, r.priority);
        }
    }

    public record ProposalView(Person mentee, Person mentor, double score, Explanation explanation, boolean pinned) {
    }

    public record UnmatchedView(Person mentee, String reason) {
    }

    public static RunView of(MatchingService.RunDetail detail) {
        MatchingRun run = detail.run();
        Map<UUID, Registration> people = detail.registrations();
        List<ProposalView> proposals = detail.proposals().stream()
                .map(p -> new ProposalView(Person.of(p.menteeRegistrationId, people), Person.of(p.mentorRegistrationId, people),
                        p.score, p.explanation, p.pinned))
                .sorted(Comparator.comparing((ProposalView p) -> p.score()).reversed())
                .toList();
        List<UnmatchedView> unmatched = detail.unmatched().stream()
                .map(u -> new UnmatchedView(Person.of(u.menteeRegistrationId, people), u.reason)).toList();
        return new RunView(run.id, run.trackId, run.programId, run.kind, run.status,
                new Report(run.matched, run.unmatched, run.totalScore, run.lowestScore, run.solverMillis, run.method, run.mentorLoad),
                JsonText.read(run.policy, "null", new TypeReference<PolicyView>() { }), proposals, unmatched,
                run.createdAt, run.publishedAt);
    }

    /** The run without its pairs, for lists. */
    public static RunView summary(MatchingRun run) {
        return new RunView(run.id, run.trackId, run.programId, run.kind, run.status,
                new Report(run.matched, run.unmatched, run.totalScore, run.lowestScore, run.solverMillis, run.method, run.mentorLoad),
                JsonText.read(run.policy, "null", new TypeReference<PolicyView>() { }), null, null, run.createdAt, run.publishedAt);
    }
}
