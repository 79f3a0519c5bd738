package dev.mentorship.schedule.meeting.service;

import dev.mentorship.schedule.meeting.MeetingsConfig;
import dev.mentorship.schedule.pairing.Pairing;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.MilestoneType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Finds pairings whose members have not met (nor confirmed or moved a meeting) for the configured time and
 * announces PairingInactive, once per quiet stretch (again only after another full stretch). The nudge follows the
 * track, as the pages set it: only where pairs meet repeatedly (a track with a meeting period: the author track's
 * bi-weekly meetings; the reviewer's one feedback session and the career 1-1 are not a rhythm to keep), only inside
 * that period, counting from the later of the pairing and the period's start (a pair paired in June has not been
 * quiet for 21 days when the period began a week ago), and never for a pairing that ended. Pairings are claimed with
 * FOR UPDATE SKIP LOCKED, so replicas never announce one twice.
 */
@ApplicationScoped
public class InactivityWatch {

    private static final Logger LOG = Logger.getLogger(InactivityWatch.class);

    private final MeetingEvents events;
    private final MeetingsConfig config;
    private final Clock clock;

    public InactivityWatch(MeetingEvents events, MeetingsConfig config, Clock clock) {
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${mentorship.meetings.inactivity-check:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    Uni<Void> poll() {
        return check().onFailure().invoke(e -> LOG.warnf("Inactivity check will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Announces the pairings inactive now; returns how many. */
    public Uni<Integer> check() {
        Instant now = clock.instant();
        Instant threshold = now.minus(config.inactivity());
        // programmatic, not @WithTransaction: the transaction must begin with the claim, whose row locks (FOR UPDATE
        // SKIP LOCKED) keep other replicas off these pairings until their PairingInactive is committed with them
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                // HQL (a native query would add a query plan on every call): for no key update skip locked, limit 100
                .createSelectionQuery("from Pairing p where p.status = :active and p.lastActivityAt <= :threshold"
                        + " and (p.inactiveNotifiedAt is null or p.inactiveNotifiedAt < p.lastActivityAt or p.inactiveNotifiedAt <= :threshold)"
                        + " and exists (from Milestone m where m.trackId = p.trackId and m.type = :period"
                        + " and m.dueAt <= :threshold and m.endsAt > :now)"
                        + " order by p.lastActivityAt", Pairing.class)
                .setParameter("active", Pairing.Status.ACTIVE)
                .setParameter("threshold", threshold)
                .setParameter("period", MilestoneType.MEETING_PERIOD)
                .setParameter("now", now)
                .setMaxResults(100)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .getResultList()
                .chain(quiet -> announce(quiet, now))));
    }

    private Uni<Integer> announce(List<Pairing> quiet, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Pairing p : quiet) {
            p.inactiveNotifiedAt = now;
            chain = chain.chain(() -> Milestone.<Milestone>find("trackId = ?1 and type = ?2", p.trackId, MilestoneType.MEETING_PERIOD)
                    .firstResult()
                    .chain(period -> events.inactive(p, period != null && period.dueAt.isAfter(p.lastActivityAt)
                            ? period.dueAt : p.lastActivityAt)));
        }
        return chain.replaceWith(quiet.size());
    }
}
