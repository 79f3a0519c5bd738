package dev.mentorship.matching.pairing.service;

import dev.mentorship.matching.event.MatchingEvents;
import dev.mentorship.matching.event.Member;
import dev.mentorship.matching.event.PairingEnded;
import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.registration.Registration;
import dev.mentorship.matching.track.Track;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Ends the pairings of tracks whose part of the program is over (their {@code pairingsEndAt} has passed): each
 * becomes ENDED with its PairingEnded, in one transaction. Pairings are claimed with FOR UPDATE SKIP LOCKED, so
 * that however many replicas poll, each pairing ends once; a replica that was down ends them when it is back.
 */
@ApplicationScoped
public class PairingTerms {

    private static final Logger LOG = Logger.getLogger(PairingTerms.class);
    private static final int BATCH = 200;

    private final MatchingEvents events;
    private final Clock clock;

    public PairingTerms(MatchingEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(every = "${mentorship.pairings.end-check:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    Uni<Void> poll() {
        return endDue().onFailure().invoke(e -> LOG.warnf("Ending pairings will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Ends the pairings whose track ended by now, a batch at a time; returns how many ended. */
    public Uni<Integer> endDue() {
        return endBatch().chain(ended -> ended < BATCH ? Uni.createFrom().item(ended)
                : endDue().map(more -> ended + more));
    }

    private Uni<Integer> endBatch() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createSelectionQuery("from Pairing p where p.status = :active and p.trackId in"
                        + " (select t.trackId from Track t where t.pairingsEndAt <= :now) order by p.createdAt", Pairing.class)
                .setParameter("active", Pairing.Status.ACTIVE)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .getResultList()
                .chain(due -> end(due, now))));
    }

    private Uni<Integer> end(List<Pairing> due, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Pairing p : due) {
            chain = chain.chain(() -> Track.<Track>findById(p.trackId).chain(track -> member(p.mentorRegistrationId)
                    .chain(mentor -> member(p.menteeRegistrationId).chain(mentee -> {
                        p.status = Pairing.Status.ENDED;
                        p.endedAt = now;
                        if (mentor == null || mentee == null) {
                            // a member's registration is gone (an erasure dissolves pairings first, so this is not expected):
                            // the pairing ends, but an event without their contact would break PairingEnded's contract
                            LOG.warnf("Pairing %s ended without PairingEnded: a member's registration is gone", p.id);
                            return Uni.createFrom().voidItem();
                        }
                        return events.pairingEnded(new PairingEnded(p.id, p.programId, p.trackId, track.kind, mentor, mentee, now));
                    }))));
        }
        return chain.replaceWith(due.size());
    }

    /** The member as events carry them, or null when their registration is gone. */
    private static Uni<Member> member(UUID registrationId) {
        return Registration.<Registration>findById(registrationId).map(r -> r != null ? Member.of(r) : null);
    }
}
