package dev.mentorship.matching.run.rest;

import dev.mentorship.matching.persistence.JsonColumns;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A run as organizers see it: the report, the proposed pairs with their explanations, who is left and why. */
public record RunView(UUID id, UUID trackId, UUID programId, MatchingRun.Kind kind, MatchingRun.Status status,
                      Report report, PolicyView policy, List<ProposalView> proposals, List<UnmatchedView> unmatched,
                      Instant createdAt, Instant publishedAt) {

    public record Report(int matched, int unmatched, double totalScore, Double lowestScore, long solverMillis,
                         String method, List<Integer> mentorLoad,
                         @Schema(description = "mentors left with fewer mentees than the load aimed for (the track's "
                                 + "policy, minimumLoad), and why; never at the cost of a mentee left unmatched")
                         List<BelowAimView> belowAim) {
    }

    /** A mentor below the aim: how many mentees they got, the aim, how many could be paired with them, and why. */
    public record BelowAimView(Person mentor, int mentees, int aim, int compatible, String reason, String why) {
        static BelowAimView of(JsonColumns.BelowAim b, Map<UUID, Registration> people, boolean confidential) {
            String why = "ONLY_COMPATIBLE".equals(b.reason())
                    ? "Only " + b.compatible() + (b.compatible() == 1 ? " mentee" : " mentees") + " of this track may be paired with "
                    + "them (topics, hours, exclusions); all of them are."
                    : "More mentees could be paired with them, but those were needed by other mentors to match everyone "
                    + "or to keep more mentors at the aim.";
            return new BelowAimView(Person.of(b.mentorRegistrationId(), people, confidential), b.mentees(), b.aim(),
                    b.compatible(), b.reason(), why);
        }
    }

    /** A person of the run; {@code priority} (from self-identification) only for readers with the confidential grant. */
    public record Person(UUID registrationId, UUID participantId, String name, String affiliation, boolean late, Boolean priority) {
        static Person of(UUID registrationId, Map<UUID, Registration> people, boolean confidential) {
            Registration r = people.get(registrationId);
            return r == null ? new Person(registrationId, null, null, null, false, null)
                    : new Person(registrationId, r.participantId, r.name, r.affiliation, r.late, confidential ? r.priority : null);
        }
    }

    public record ProposalView(Person mentee, Person mentor, double score, Explanation explanation, boolean pinned) {
    }

    public record UnmatchedView(Person mentee, String reason) {
    }

    /** {@code confidential}: the reader holds the program's confidential grant (else no one's priority is shown). */
    public static RunView of(MatchingService.RunDetail detail, boolean confidential) {
        MatchingRun run = detail.run();
        Map<UUID, Registration> people = detail.registrations();
        List<ProposalView> proposals = detail.proposals().stream()
                .map(p -> new ProposalView(Person.of(p.menteeRegistrationId, people, confidential),
                        Person.of(p.mentorRegistrationId, people, confidential),
                        p.score, p.explanation, p.pinned))
                .sorted(Comparator.comparing((ProposalView p) -> p.score()).reversed())
                .toList();
        List<UnmatchedView> unmatched = detail.unmatched().stream()
                .map(u -> new UnmatchedView(Person.of(u.menteeRegistrationId, people, confidential), u.reason)).toList();
        return new RunView(run.id, run.trackId, run.programId, run.kind, run.status,
                new Report(run.matched, run.unmatched, run.totalScore, run.lowestScore, run.solverMillis, run.method, run.mentorLoad,
                        run.belowAim.stream().map(b -> BelowAimView.of(b, people, confidential)).toList()),
                JsonText.read(run.policy, "null", new TypeReference<PolicyView>() { }), proposals, unmatched,
                run.createdAt, run.publishedAt);
    }

    /** The run without its pairs, for lists. */
    public static RunView summary(MatchingRun run) {
        return new RunView(run.id, run.trackId, run.programId, run.kind, run.status,
                new Report(run.matched, run.unmatched, run.totalScore, run.lowestScore, run.solverMillis, run.method, run.mentorLoad,
                        run.belowAim.stream().map(b -> BelowAimView.of(b, Map.of(), false)).toList()),
                JsonText.read(run.policy, "null", new TypeReference<PolicyView>() { }), null, null, run.createdAt, run.publishedAt);
    }
}
