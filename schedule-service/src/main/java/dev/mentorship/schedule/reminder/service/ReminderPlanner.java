package dev.mentorship.schedule.reminder.service;

import dev.mentorship.schedule.groupsession.GroupSession;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.MilestoneType;
import dev.mentorship.schedule.reminder.Reminder;
import dev.mentorship.schedule.survey.model.Survey;
import io.quarkus.panache.common.Sort;
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
 * <p>
 * A group-session milestone with sessions is not a deadline at the end of its day: its reminders count back from each
 * session's start ({@link #SESSION_LEADS}, to those who joined it), and its audience is asked once to choose a session
 * ({@link #CHOICE_LEAD} before the first one); its own lead times are not used.
 * <p>
 * A milestone that closes a survey (issue 20) reminds with its lead times only the survey's audience that has not
 * answered yet ({@code SURVEY} reminders, one {@code SurveyReminder} per recipient), not its whole audience by
 * {@code DeadlineApproaching}: the respondents would be told to do what they did ({@code ProgramRules} makes it a
 * SURVEY_DUE for exactly the survey's audience, so nobody else loses a reminder). Once its surveys are all closed it
 * reminds nobody at all, moved or not.
 */
@ApplicationScoped
public class ReminderPlanner {

    /** Before a group session's start, to those who joined it. */
    public static final List<String> SESSION_LEADS = List.of("P1D", "PT1H");
    /** Before a group-session milestone's first session, to its audience that has chosen none. */
    public static final String CHOICE_LEAD = "P3D";

    private final Clock clock;

    public ReminderPlanner(Clock clock) {
        this.clock = clock;
    }

    /** Plans the reminders of a milestone (and of its group sessions, if it has any); call inside a transaction. */
    public Uni<List<Reminder>> plan(Milestone milestone) {
        return plan(milestone, true);
    }

    private Uni<List<Reminder>> plan(Milestone milestone, boolean catchUp) {
        Uni<List<GroupSession>> sessions = milestone.type == MilestoneType.GROUP_SESSION
                ? GroupSession.list("milestoneId", Sort.by("startsAt"), milestone.id)
                : Uni.createFrom().item(List.of());
        // a milestone that closes surveys reminds only those who have not answered (SURVEY), not its whole audience
        // (and once they are all closed, nothing: its deadline is about a form that takes no more answers)
        Uni<List<Survey>> closing = Survey.list("closesMilestoneId", milestone.id);
        return sessions.chain(list -> closing.chain(surveys -> {
            Instant now = clock.instant();
            List<Reminder> planned = new ArrayList<>();
            if (list.isEmpty() && !surveys.isEmpty()) {
                for (Survey survey : surveys) {
                    if (survey.status == Survey.Status.CLOSED) {
                        continue;
                    }
                    List<Reminder> leads = leads(Reminder.Kind.SURVEY, null, null, survey.closesAt, milestone.reminders,
                            catchUp, now);
                    leads.forEach(r -> r.surveyId = survey.id);
                    planned.addAll(leads);
                }
            } else if (list.isEmpty()) {
                planned.addAll(leads(Reminder.Kind.DEADLINE, milestone.id, null, milestone.dueAt, milestone.reminders,
                        catchUp, now));
            } else {
                planned.addAll(leads(Reminder.Kind.SESSION_CHOICE, milestone.id, null, list.get(0).startsAt,
                        List.of(CHOICE_LEAD), catchUp, now));
                for (GroupSession session : list) {
                    planned.addAll(leads(Reminder.Kind.SESSION, milestone.id, session.id, session.startsAt, SESSION_LEADS,
                            catchUp, now));
                }
            }
            return planned.isEmpty() ? Uni.createFrom().item(planned) : Reminder.persist(planned).replaceWith(planned);
        }));
    }

    /** One reminder per lead time before {@code dueAt}; none once it has passed. */
    private static List<Reminder> leads(Reminder.Kind kind, UUID milestoneId, UUID sessionId, Instant dueAt,
                                        List<String> leadTimes, boolean catchUp, Instant now) {
        List<Reminder> planned = new ArrayList<>();
        if (!dueAt.isAfter(now)) {
            return planned;
        }
        // longest lead first, so that the last one already due is the shortest
        List<String> leads = leadTimes.stream().sorted(Comparator.comparing(Duration::parse).reversed()).toList();
        Reminder latestDue = null;
        for (String lead : leads) {
            Reminder reminder = new Reminder();
            reminder.id = UUID.randomUUID();
            reminder.kind = kind;
            reminder.milestoneId = milestoneId;
            reminder.groupSessionId = sessionId;
            reminder.lead = lead;
            reminder.dueAt = dueAt;
            reminder.fireAt = dueAt.minus(Duration.parse(lead));
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
        return planned;
    }

    /**
     * Cancels a milestone's pending reminders (its deadline's, and its group sessions' and the choice's) and plans new
     * ones from its new deadline or its sessions as they are now.
     */
    public Uni<List<Reminder>> replan(Milestone milestone) {
        return Reminder.update("status = ?1, settledAt = ?2 where milestoneId = ?3 and status = ?4 and kind in ?5",
                        Reminder.Status.CANCELLED, clock.instant(), milestone.id, Reminder.Status.PENDING,
                        List.of(Reminder.Kind.DEADLINE, Reminder.Kind.SESSION, Reminder.Kind.SESSION_CHOICE))
                .chain(() -> Reminder.update("status = ?1, settledAt = ?2 where status = ?3 and kind = ?4 and surveyId in "
                                + "(select s.id from Survey s where s.closesMilestoneId = ?5)", Reminder.Status.CANCELLED,
                        clock.instant(), Reminder.Status.PENDING, Reminder.Kind.SURVEY, milestone.id))
                .chain(() -> plan(milestone, false));
    }

    private static void skip(Reminder reminder, Instant now) {
        reminder.status = Reminder.Status.SKIPPED;
        reminder.settledAt = now;
    }
}
