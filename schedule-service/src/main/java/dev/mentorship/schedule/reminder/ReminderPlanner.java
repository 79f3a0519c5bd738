package dev.mentorship.schedule.reminder;

import dev.mentorship.schedule.program.Milestone;
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
 * Lead times whose moment has passed already are not sent late in a burst: of those, only the shortest one
 * (the most recent moment) stays, and fires at once if the deadline is still ahead.
 */
@ApplicationScoped
public class ReminderPlanner {

    private final Clock clock;

    public ReminderPlanner(Clock clock) {
        this.clock = clock;
    }

    /** Plans the reminders of a milestone; call inside a transaction. */
    public Uni<List<Reminder>> plan(Milestone milestone) {
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
                    latestDue.status = Reminder.Status.SKIPPED;
                    latestDue.settledAt = now;
                }
                latestDue = reminder;
            }
            planned.add(reminder);
        }
        return planned.isEmpty() ? Uni.createFrom().item(planned) : Reminder.persist(planned).replaceWith(planned);
    }

    /** Cancels a milestone's pending reminders and plans new ones from its new deadline. */
    public Uni<List<Reminder>> replan(Milestone milestone) {
        return Reminder.update("status = ?1, settledAt = ?2 where milestoneId = ?3 and status = ?4",
                        Reminder.Status.CANCELLED, clock.instant(), milestone.id, Reminder.Status.PENDING)
                .chain(() -> plan(milestone));
    }
}
