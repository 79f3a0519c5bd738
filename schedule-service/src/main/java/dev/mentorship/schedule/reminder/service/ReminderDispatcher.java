package dev.mentorship.schedule.reminder.service;

import dev.mentorship.runtime.outbox.Outbox;
import dev.mentorship.schedule.event.Topics;
import dev.mentorship.schedule.groupsession.service.GroupSessionReminders;
import dev.mentorship.schedule.meeting.service.MeetingReminders;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.program.event.DeadlineApproaching;
import dev.mentorship.schedule.reminder.Reminder;
import dev.mentorship.schedule.survey.service.SurveyReminders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires due reminders: claims them in the database with {@code FOR UPDATE SKIP LOCKED}, so that however many
 * replicas poll, each reminder is taken by one; records {@code DeadlineApproaching} (or a meeting's or group session's
 * event) in the outbox and marks the
 * reminder sent in the same transaction. A reminder whose moment passed while no replica ran fires as soon as
 * one runs, if its deadline is still ahead; once the deadline has passed it never fires.
 */
@ApplicationScoped
public class ReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class);
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final MeetingReminders meetings;
    private final GroupSessionReminders groupSessions;
    private final SurveyReminders surveys;
    private final Clock clock;
    /** From a reminder's fire time to the commit of what it announces: the poll interval normally, more when behind. */
    private final Timer lateness;

    public ReminderDispatcher(Outbox outbox, MeetingReminders meetings, GroupSessionReminders groupSessions,
                              SurveyReminders surveys, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.meetings = meetings;
        this.groupSessions = groupSessions;
        this.surveys = surveys;
        this.clock = clock;
        this.lateness = Timer.builder("mentorship.reminder.lateness")
                .description("How late a reminder was sent: the commit of its event minus the moment it was due to fire")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
                        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(15),
                        Duration.ofHours(1))
                .register(registry);
    }

    @Scheduled(every = "${mentorship.reminders.poll-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    Uni<Void> poll() {
        return dispatchDue()
                .onFailure().invoke(e -> LOG.warnf("Reminder dispatch will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Fires what is due now; returns how many reminders were sent. */
    public Uni<Integer> dispatchDue() {
        Instant now = clock.instant();
        List<Instant> fired = new ArrayList<>();
        // programmatic, not @WithTransaction: the transaction must begin with the claim, whose row locks (FOR UPDATE
        // SKIP LOCKED) keep other replicas off these reminders until what they announce is committed with them
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                // HQL (a native query would add a query plan on every call): for no key update skip locked, limit BATCH
                .createSelectionQuery("from Reminder where status = :pending and fireAt <= :now order by fireAt", Reminder.class)
                .setParameter("pending", Reminder.Status.PENDING)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .getResultList()
                .flatMap(due -> settle(due, now, fired))))
                // recorded once committed: a rolled-back batch fires again and is measured then
                .invoke(() -> {
                    Instant committed = clock.instant();
                    fired.forEach(fireAt -> lateness.record(Duration.between(fireAt, committed).isNegative()
                            ? Duration.ZERO : Duration.between(fireAt, committed)));
                });
    }

    private Uni<Integer> settle(List<Reminder> due, Instant now, List<Instant> fired) {
        Uni<Integer> sent = Uni.createFrom().item(0);
        for (Reminder reminder : due) {
            sent = sent.chain(count -> {
                reminder.settledAt = now;
                if (!reminder.dueAt.isAfter(now)) {
                    reminder.status = Reminder.Status.EXPIRED;
                    return Uni.createFrom().item(count);
                }
                return superseded(reminder, now).chain(skip -> {
                    if (skip) {
                        reminder.status = Reminder.Status.SKIPPED;
                        return Uni.createFrom().item(count);
                    }
                    reminder.status = Reminder.Status.SENT;
                    fired.add(reminder.fireAt);
                    return announce(reminder).replaceWith(count + 1);
                });
            });
        }
        return sent;
    }

    /**
     * Whether a shorter lead time of the same deadline is due too (the service was down through both moments): then
     * only the shortest is sent, whichever replica claims it, and this one would repeat it. Decided from fire times
     * alone, so every replica and every batch decides the same.
     */
    private Uni<Boolean> superseded(Reminder reminder, Instant now) {
        if (reminder.kind == Reminder.Kind.SURVEY && reminder.surveyId != null) {
            return Reminder.count("surveyId = ?1 and kind = ?6 and dueAt = ?2 and status != ?3 and fireAt > ?4 and fireAt <= ?5",
                            reminder.surveyId, reminder.dueAt, Reminder.Status.CANCELLED, reminder.fireAt, now, reminder.kind)
                    .map(later -> later > 0);
        }
        if (reminder.kind == Reminder.Kind.SESSION && reminder.groupSessionId != null) {
            return Reminder.count("groupSessionId = ?1 and dueAt = ?2 and status != ?3 and fireAt > ?4 and fireAt <= ?5",
                            reminder.groupSessionId, reminder.dueAt, Reminder.Status.CANCELLED, reminder.fireAt, now)
                    .map(later -> later > 0);
        }
        if (reminder.kind != Reminder.Kind.DEADLINE && reminder.kind != Reminder.Kind.SESSION_CHOICE
                || reminder.milestoneId == null) {
            return Uni.createFrom().item(false);
        }
        return Reminder.count("milestoneId = ?1 and kind = ?6 and dueAt = ?2 and status != ?3 and fireAt > ?4 and fireAt <= ?5",
                        reminder.milestoneId, reminder.dueAt, Reminder.Status.CANCELLED, reminder.fireAt, now, reminder.kind)
                .map(later -> later > 0);
    }

    private Uni<?> announce(Reminder reminder) {
        if (reminder.kind == Reminder.Kind.SURVEY) {
            return surveys.announce(reminder);
        }
        if (reminder.kind == Reminder.Kind.SESSION || reminder.kind == Reminder.Kind.SESSION_CHOICE) {
            return groupSessions.announce(reminder);
        }
        if (reminder.kind != Reminder.Kind.DEADLINE) {
            return meetings.announce(reminder);
        }
        return Milestone.<Milestone>findById(reminder.milestoneId).chain(milestone -> Track.<Track>findById(milestone.trackId)
                .chain(track -> Program.<Program>findById(milestone.programId)
                        .chain(program -> outbox.append(Topics.SCHEDULE, DeadlineApproaching.TYPE,
                                DeadlineApproaching.VERSION, program.id.toString(), milestone.id.toString(),
                                DeadlineApproaching.of(reminder, program, track, milestone)))));
    }
}
