package dev.mentorship.schedule.meeting;

import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.MilestoneType;
import dev.mentorship.schedule.program.PairingsEnd;
import dev.mentorship.schedule.program.TrackKind;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The meetings a new pairing is proposed, from its track's rules and milestones:
 * <ul>
 * <li>AUTHOR: a series (by default four, one every two weeks) of one-hour meetings inside the meeting period; the
 * first one before the first-contact milestone where that falls inside the period;</li>
 * <li>REVIEWER: one feedback session inside the feedback session window;</li>
 * <li>CAREER: the one-hour 1-1 inside the one-on-one week (the group workshop is the track's own milestone, in
 * everyone's calendar feed).</li>
 * </ul>
 * Each meeting's slot falls inside both members' hours; where none fits, the meeting is UNSCHEDULED and its note says
 * so: the pair chooses a time themselves.
 */
public final class MeetingPlanner {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** How meetings are planned. */
    public record Settings(int authorMeetings, Duration authorSpacing, Duration minimumNotice, SlotFinder.Rules rules) {
        public static final Settings DEFAULT = new Settings(4, Duration.ofDays(14), Duration.ofDays(2), SlotFinder.Rules.DEFAULT);
    }

    /** One planned meeting: its window, and a start where a slot fits. */
    public record Planned(Meeting.Kind kind, int number, Instant windowStart, Instant windowEnd, Instant startsAt, String note) {
    }

    private MeetingPlanner() {
    }

    public static List<Planned> plan(TrackKind kind, List<Milestone> milestones, List<SlotFinder.Party> parties, Instant now,
                                     Settings settings) {
        Instant earliest = now.plus(settings.minimumNotice());
        List<Planned> planned = new ArrayList<>();
        if (PairingsEnd.of(kind, milestones).filter(end -> !now.isBefore(end.endsAt())).isPresent()) {
            return planned; // the track's part of the program is over: nothing is proposed after its end
        }
        switch (kind) {
            case AUTHOR -> {
                Optional<Milestone> period = find(milestones, MilestoneType.MEETING_PERIOD);
                Instant periodStart = period.map(m -> m.dueAt).orElse(earliest);
                Instant periodEnd = period.map(m -> m.endsAt).orElse(earliest.plus(settings.authorSpacing().multipliedBy(settings.authorMeetings())));
                Instant start = max(periodStart, earliest);
                Optional<Instant> firstContact = find(milestones, MilestoneType.FIRST_CONTACT_DUE).map(m -> m.dueAt);
                for (int k = 0; k < settings.authorMeetings(); k++) {
                    Instant windowStart = start.plus(settings.authorSpacing().multipliedBy(k));
                    if (!windowStart.isBefore(periodEnd)) {
                        break;
                    }
                    Instant windowEnd = min(windowStart.plus(settings.authorSpacing()), periodEnd);
                    if (k == 0 && firstContact.isPresent() && firstContact.get().isAfter(windowStart)
                            && firstContact.get().isBefore(windowEnd)) {
                        windowEnd = firstContact.get();
                    }
                    planned.add(slot(Meeting.Kind.MENTORING, k + 1, windowStart, windowEnd, parties, settings));
                }
            }
            case REVIEWER -> find(milestones, MilestoneType.FEEDBACK_SESSION_WINDOW).ifPresent(window -> planned.add(
                    slot(Meeting.Kind.FEEDBACK, 1, max(window.dueAt, earliest), window.endsAt, parties, settings)));
            case CAREER -> find(milestones, MilestoneType.ONE_ON_ONE_WEEK).ifPresent(window -> planned.add(
                    slot(Meeting.Kind.ONE_ON_ONE, 1, max(window.dueAt, earliest), window.endsAt, parties, settings)));
        }
        return planned;
    }

    private static Planned slot(Meeting.Kind kind, int number, Instant from, Instant to, List<SlotFinder.Party> parties,
                                Settings settings) {
        if (!from.isBefore(to)) {
            return new Planned(kind, number, from, from, null,
                    "Its window has passed; please choose a time together.");
        }
        Optional<Instant> start = SlotFinder.first(from, to, parties, settings.rules());
        return start.map(at -> new Planned(kind, number, from, to, at, null))
                .orElseGet(() -> new Planned(kind, number, from, to, null, "No hour between " + DAY.format(from) + " and "
                        + DAY.format(to) + " falls inside both your available hours ("
                        + settings.rules().dayStart() + " to " + settings.rules().dayEnd()
                        + " in your own time zones): please choose a time together."));
    }

    private static Optional<Milestone> find(List<Milestone> milestones, MilestoneType type) {
        return milestones.stream().filter(m -> m.type == type).findFirst();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
