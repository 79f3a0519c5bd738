package dev.mentorship.schedule.reminder.service;

import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.reminder.Reminder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Plans a published milestone's reminders, one per lead time, and replans them when the milestone moves.
 * Lead times whose moment has passed already are not sent late in a burst: when a program is published, only the
 * shortest of them (the most recent moment) fires at once, and only if no shorter lead is still ahead (that one
 * reminds in time). When a milestone moves, passed lead times are skipped: MilestoneRescheduled has just told the
 * audience the new date, and a catch-up would repeat it (found by the replica test: a deadline moved to tomorrow
 * sent its seven-day reminder at once and the one-day reminder the next day).
 */
@ApplicationScoped
public class ReminderPlanner {

    private final Clock clock;

    public ReminderPlanner(Clock clock) {
        this.clock = clock;
    }

    /** Plans the reminders of a milestone; call inside a transaction. */
    public Uni<List<Reminder>> plan(Milestone milestone) {
        return plan(milestone, true);
    }

    private Uni<List<Reminder>> plan(Milestone milestone, boolean catchUp) {
        Instant now = clock.instant();
        List<Reminder> planned = new ArrayList<>();
        if (!milestone.dueAt.isAfter(now)) {
            return Uni.createFrom().item(planned);
        }
        // longest lead first, so that the last one already due is the shortest
        List<String> leads = milestone.reminders.stream()
                .sorted(Comparator.comparing(Duration::parse).reversed()).toList();
        Reminder latestDue = null;
        for (String lead : leads) {
            Reminder reminder = new Reminder();
            reminder.id = UUID.randomUUID();
            reminder.milestoneId = milestone.id;
            reminder.lead = lead;
            reminder.dueAt = milestone.dueAt;
            reminder.fireAt = milestone.dueAt.minus(Duration.parse(lead));
            reminder.status = Reminder.Status.PENDING;
            if (!reminder.fireAt.isAfter(now)) {
                if (latestDue != null) {
                    skip(latestDue, now);
                }
                latestDue = reminder;
            }
            planned.add(reminder);
        }
        boolean shorterAhead = planned.stream().anyMatch(r -> r.fireAt.isAfter(now));
        if (latestDue != null && (!catchUp || shorterAhead)) {
            skip(latestDue, now);
        }
        return planned.isEmpty() ? Uni.createFrom().item(planned) : Reminder.persist(planned).replaceWith(planned);
    }

    /** Cancels a milestone's pending reminders and plans new ones from its new deadline. */
    public Uni<List<Reminder>> replan(Milestone milestone) {
        return Reminder.update("status = ?1, settledAt = ?2 where milestoneId = ?3 and status = ?4",
                        Reminder.Status.CANCELLED, clock.instant(), milestone.id, Reminder.Status.PENDING)
                .chain(() -> plan(milestone, false));
    }

    private static void skip(Reminder reminder, Instant now) {
        reminder.status = Reminder.Status.SKIPPED;
        reminder.settledAt = now;
    }
}
