package dev.mentorship.matching.run.service;

import dev.mentorship.runtime.persistence.JsonText;
import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.problem.Problem.FieldError;
import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.matching.event.MatchingEvents;
import dev.mentorship.matching.event.MatchingRunPublished;
import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.pairing.service.Pairings;
import dev.mentorship.matching.registration.Registration;
import dev.mentorship.matching.run.MatchingRun;
import dev.mentorship.matching.run.PairConstraint;
import dev.mentorship.matching.run.RunProposal;
import dev.mentorship.matching.run.RunUnmatched;
import dev.mentorship.matching.track.PolicySettings;
import dev.mentorship.matching.track.Track;
import dev.mentorship.matching.track.TrackPolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Matching runs: a dry run solves the track and keeps the proposal as a DRAFT; an organizer pins or forbids pairs
 * and runs again; publishing turns a draft into pairings and waitlist entries with their events. One run at a time
 * per track, also across replicas: a run holds a lease on the track's row while it solves (off the event loop),
 * publishing locks the row.
 */
@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final ProblemLoader loader;
    private final Pairings pairings;
    private final MatchingEvents events;
    private final Clock clock;
    private final MatchingRuns outcomes;

    public MatchingService(ProblemLoader loader, Pairings pairings, MatchingEvents events, Clock clock, MatchingRuns outcomes) {
        this.loader = loader;
        this.pairings = pairings;
        this.events = events;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    /** A run with its proposals and unmatched mentees. */
    public record RunDetail(MatchingRun run, List<RunProposal> proposals, List<RunUnmatched> unmatched,
                            Map<UUID, Registration> registrations) {
    }

    /**
     * The transactions are programmatic here, the one place in this service: the lease is a lock that must come
     * first and outlive its transaction. It is taken and committed before anything else (so that another request or
     * replica sees it and gets 409); the track is read in a session of its own and solved off the event loop with no
     * session open; the result is saved in a second transaction that gives the lease back, and a failure gives it
     * back in a third (the failed one rolled back).
     */
    public Uni<RunDetail> dryRun(UUID trackId, UUID organizer) {
        UUID lease = UUID.randomUUID();
        Context context = Vertx.currentContext();
        return Panache.withTransaction(() -> claim(trackId, lease))
                .chain(track -> Panache.withSession(() -> loader.policy(track).chain(policy -> loader.load(track, policy))))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(TrackProblem::solve)
                .emitOn(runnable -> context.runOnContext(ignored -> runnable.run()))
                .chain(result -> Panache.withTransaction(() -> save(trackId, result, organizer, lease)))
                .onFailure().call(() -> release(trackId, lease))
                .invoke(() -> outcomes.succeeded(MatchingRuns.Operation.RUN))
                .onFailure().invoke(e -> outcomes.ended(MatchingRuns.Operation.RUN, e));
    }

    private Uni<Track> claim(UUID trackId, UUID lease) {
        return Track.update("runLeaseId = ?1, runLeaseUntil = ?2 where trackId = ?3 and (runLeaseUntil is null or runLeaseUntil < ?4)",
                        lease, clock.instant().plus(LEASE), trackId, clock.instant())
                .chain(claimed -> claimed == 1 ? Track.<Track>findById(trackId)
                        : Track.<Track>findById(trackId).chain(track -> Uni.createFrom().failure(track == null
                                ? ProblemException.notFound("This service has not seen track " + trackId + " published.")
                                : ProblemException.conflict("A matching run for " + track.name + " is in progress; try again in a moment."))));
    }

    /** Gives the lease back after a failed run, in a transaction of its own (see {@link #dryRun}). */
    private Uni<Void> release(UUID trackId, UUID lease) {
        return Panache.withTransaction(() -> Track.update("runLeaseId = null, runLeaseUntil = null where trackId = ?1 and runLeaseId = ?2",
                trackId, lease)).replaceWithVoid().onFailure().recoverWithNull();
    }

    private Uni<RunDetail> save(UUID trackId, TrackProblem.Result result, UUID organizer, UUID lease) {
        return Track.<Track>findById(trackId).chain(track -> loader.policy(track).chain(policy -> {
            MatchingRun run = newRun(track, policy, MatchingRun.Kind.FULL, result, organizer);
            return MatchingRun.update("status = ?1 where trackId = ?2 and status = ?3", MatchingRun.Status.SUPERSEDED,
                            trackId, MatchingRun.Status.DRAFT)
                    .chain(() -> persistRun(run, result))
                    .call(() -> Track.update("runLeaseId = null, runLeaseUntil = null where trackId = ?1 and runLeaseId = ?2", trackId, lease))
                    .invoke(detail -> LOG.infof("Matching run %s for %s: %d pairs, %d unmatched, %d ms (%s)", run.id, track.name,
                            run.matched, run.unmatched, run.solverMillis, run.method));
        }));
    }

    MatchingRun newRun(Track track, TrackPolicy policy, MatchingRun.Kind kind, TrackProblem.Result result, UUID organizer) {
        MatchingRun run = new MatchingRun();
        run.id = UUID.randomUUID();
        run.trackId = track.trackId;
        run.programId = track.programId;
        run.kind = kind;
        run.status = MatchingRun.Status.DRAFT;
        run.policy = JsonText.write(PolicySettings.of(policy));
        run.method = result.method();
        run.matched = result.proposals().size();
        run.unmatched = result.unmatched().size();
        run.totalScore = result.totalScore();
        run.lowestScore = result.lowestScore();
        run.solverMillis = result.solverMillis();
        run.mentorLoad = result.mentorLoad();
        run.belowAim = new ArrayList<>(result.belowAim());
        run.createdBy = organizer;
        run.createdAt = clock.instant();
        return run;
    }

    Uni<RunDetail> persistRun(MatchingRun run, TrackProblem.Result result) {
        List<RunProposal> proposals = new ArrayList<>();
        Map<UUID, Registration> people = new HashMap<>();
        for (TrackProblem.Proposal p : result.proposals()) {
            RunProposal proposal = new RunProposal();
            proposal.runId = run.id;
            proposal.menteeRegistrationId = p.mentee().registrationId;
            proposal.mentorRegistrationId = p.mentor().registrationId;
            proposal.score = p.score();
            proposal.explanation = p.explanation();
            proposal.pinned = p.pinned();
            proposals.add(proposal);
            people.put(p.mentee().registrationId, p.mentee());
            people.put(p.mentor().registrationId, p.mentor());
        }
        List<RunUnmatched> unmatched = new ArrayList<>();
        for (TrackProblem.Left left : result.unmatched()) {
            RunUnmatched u = new RunUnmatched();
            u.runId = run.id;
            u.menteeRegistrationId = left.mentee().registrationId;
            u.reason = left.reason().name();
            unmatched.add(u);
            people.put(left.mentee().registrationId, left.mentee());
        }
        return run.persist()
                .chain(() -> proposals.isEmpty() ? Uni.createFrom().voidItem() : RunProposal.persist(proposals))
                .chain(() -> unmatched.isEmpty() ? Uni.createFrom().voidItem() : RunUnmatched.persist(unmatched))
                .replaceWith(new RunDetail(run, proposals, unmatched, people));
    }

    /** The program a run belongs to (whose organizers may see and change it). */
    @WithSession
    public Uni<UUID> programOf(UUID runId) {
        return MatchingRun.<MatchingRun>findById(runId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("There is no matching run " + runId + "."))
                .map(run -> run.programId);
    }

    @WithSession
    public Uni<RunDetail> get(UUID runId) {
        return MatchingRun.<MatchingRun>findById(runId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("There is no matching run " + runId + "."))
                .chain(this::detail);
    }

    @WithSession
    public Uni<List<MatchingRun>> runsOf(UUID trackId) {
        return MatchingRun.list("trackId = ?1 order by createdAt desc", trackId);
    }

    private Uni<RunDetail> detail(MatchingRun run) {
        return RunProposal.<RunProposal>list("runId", run.id).chain(proposals -> RunUnmatched.<RunUnmatched>list("runId", run.id)
                .chain(unmatched -> {
                    List<UUID> ids = new ArrayList<>();
                    proposals.forEach(p -> {
                        ids.add(p.menteeRegistrationId);
                        ids.add(p.mentorRegistrationId);
                    });
                    unmatched.forEach(u -> ids.add(u.menteeRegistrationId));
                    return Registration.byId(ids).map(people -> new RunDetail(run, proposals, unmatched, people));
                }));
    }

    /**
     * Publishes a draft: its pairs become pairings and its unmatched mentees join the waitlist, with their events,
     * then MatchingRunPublished. A draft the track has moved away from (someone withdrew, was paired meanwhile, a
     * mentor's capacity is used up) is refused: run again.
     */
    public Uni<RunDetail> publish(UUID runId) {
        // counted once the transaction has committed (or failed to): a failure of the flush or the commit is a failure
        return Panache.withTransaction(() -> publishDraft(runId))
                .invoke(() -> outcomes.succeeded(MatchingRuns.Operation.PUBLISH))
                .onFailure().invoke(e -> outcomes.ended(MatchingRuns.Operation.PUBLISH, e));
    }

    private Uni<RunDetail> publishDraft(UUID runId) {
        return MatchingRun.<MatchingRun>findById(runId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("There is no matching run " + runId + "."))
                .chain(run -> {
                    if (run.status != MatchingRun.Status.DRAFT) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "This run is " + run.status.name().toLowerCase() + "; only the track's latest draft can be published."));
                    }
                    // the track's lock serializes publications (one matching run per track, across replicas); the
                    // run is read again under it, so a concurrent publication of the same run is seen
                    return Track.lock(run.trackId)
                            .chain(track -> Panache.getSession().chain(session -> session.refresh(run)).chain(() -> {
                                if (run.status != MatchingRun.Status.DRAFT) {
                                    return Uni.createFrom().<RunDetail>failure(ProblemException.conflict(
                                            "This run was just published by another request."));
                                }
                                if (track.ended(clock.instant())) {
                                    return Uni.createFrom().<RunDetail>failure(ProblemException.conflict(
                                            track.name + " has ended (" + track.pairingsEndAt + "): no pairing is made after the end of "
                                                    + "its part of the program."));
                                }
                                return loader.policy(track).chain(policy -> loader.load(track, policy)
                                        .chain(problem -> detail(run).chain(detail -> publish(track, policy, problem, detail))));
                            }));
                });
    }

    private Uni<RunDetail> publish(Track track, TrackPolicy policy, TrackProblem now, RunDetail detail) {
        Map<UUID, Registration> unpaired = new HashMap<>();
        now.mentees().forEach(r -> unpaired.put(r.registrationId, r));
        Map<UUID, Integer> capacityLeft = new HashMap<>();
        Map<UUID, Registration> mentors = new HashMap<>();
        for (int j = 0; j < now.mentors().size(); j++) {
            capacityLeft.put(now.mentors().get(j).registrationId, now.capacityLeft()[j]);
            mentors.put(now.mentors().get(j).registrationId, now.mentors().get(j));
        }
        List<String> stale = new ArrayList<>();
        for (RunProposal p : detail.proposals()) {
            if (!unpaired.containsKey(p.menteeRegistrationId)) {
                stale.add("mentee " + p.menteeRegistrationId + " withdrew or has a mentor now");
            } else if (capacityLeft.merge(p.mentorRegistrationId, -1, Integer::sum) == null
                    || capacityLeft.get(p.mentorRegistrationId) < 0) {
                stale.add("mentor " + p.mentorRegistrationId + " withdrew or is full");
            }
        }
        if (!stale.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.conflict("The track changed since this run ("
                    + String.join("; ", stale.subList(0, Math.min(3, stale.size()))) + (stale.size() > 3 ? "; …" : "")
                    + "): start a new run."));
        }
        MatchingRun run = detail.run();
        Pairing.Source source = run.kind == MatchingRun.Kind.FULL ? Pairing.Source.RUN : Pairing.Source.ROLLING;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RunProposal p : detail.proposals()) {
            chain = chain.chain(() -> pairings.create(track, unpaired.get(p.menteeRegistrationId), mentors.get(p.mentorRegistrationId),
                    p.explanation, run.id, source)).replaceWithVoid();
        }
        for (RunUnmatched u : detail.unmatched()) {
            Registration mentee = unpaired.get(u.menteeRegistrationId);
            if (mentee != null) {
                chain = chain.chain(() -> pairings.waitlist(track, policy, mentee, u.reason));
            }
        }
        return chain.chain(() -> {
            run.status = MatchingRun.Status.PUBLISHED;
            run.publishedAt = clock.instant();
            if (run.kind == MatchingRun.Kind.FULL) {
                track.publishedRunId = run.id;
            }
            track.updatedAt = run.publishedAt;
            return events.runPublished(new MatchingRunPublished(run.id, track.programId, track.trackId, track.kind, run.kind,
                    detail.proposals().size(), detail.unmatched().size(), run.totalScore, run.lowestScore, run.solverMillis,
                    run.method, run.publishedAt));
        }).replaceWith(detail);
    }

    /** A pin or forbid as recorded, with the program of its track (where it is addressed). */
    public record Constrained(PairConstraint constraint, UUID programId) {
    }

    /** Records a pin or a forbid from a run's proposal; the next run honours it. */
    @WithTransaction
    public Uni<Constrained> constrain(UUID runId, PairConstraint.Kind kind, UUID menteeRegistrationId,
                                         UUID mentorRegistrationId, UUID organizer) {
        return MatchingRun.<MatchingRun>findById(runId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("There is no matching run " + runId + "."))
                .chain(run -> Registration.<Registration>findById(menteeRegistrationId).chain(mentee -> Registration.<Registration>findById(mentorRegistrationId)
                        .chain(mentor -> {
                            List<FieldError> errors = new ArrayList<>();
                            if (mentee == null || !mentee.trackId.equals(run.trackId) || mentee.role != Registration.Role.MENTEE) {
                                errors.add(new FieldError("menteeRegistrationId", "is not a mentee of this run's track"));
                            }
                            if (mentor == null || !mentor.trackId.equals(run.trackId) || mentor.role != Registration.Role.MENTOR) {
                                errors.add(new FieldError("mentorRegistrationId", "is not a mentor of this run's track"));
                            }
                            if (!errors.isEmpty()) {
                                return Uni.createFrom().failure(new InvalidRequestException(errors));
                            }
                            return PairConstraint.<PairConstraint>find("trackId = ?1 and menteeRegistrationId = ?2 and mentorRegistrationId = ?3",
                                    run.trackId, menteeRegistrationId, mentorRegistrationId).firstResult().chain(existing -> {
                                PairConstraint c = existing != null ? existing : new PairConstraint();
                                if (existing == null) {
                                    c.id = UUID.randomUUID();
                                    c.trackId = run.trackId;
                                    c.menteeRegistrationId = menteeRegistrationId;
                                    c.mentorRegistrationId = mentorRegistrationId;
                                }
                                c.kind = kind;
                                c.createdBy = organizer;
                                c.createdAt = clock.instant();
                                return (existing != null ? Uni.createFrom().item(c) : c.<PairConstraint>persist())
                                        .map(saved -> new Constrained(saved, run.programId));
                            });
                        })));
    }

    @WithSession
    public Uni<List<PairConstraint>> constraints(UUID trackId) {
        return PairConstraint.list("trackId = ?1 order by createdAt", trackId);
    }

    @WithTransaction
    public Uni<Boolean> removeConstraint(UUID trackId, UUID constraintId) {
        return PairConstraint.delete("trackId = ?1 and id = ?2", trackId, constraintId).map(count -> count > 0);
    }
}
