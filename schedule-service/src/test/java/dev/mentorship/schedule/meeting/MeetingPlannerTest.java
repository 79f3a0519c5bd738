package dev.mentorship.schedule.meeting;

import dev.mentorship.schedule.people.WeeklyInterval;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.MilestoneType;
import dev.mentorship.schedule.program.TrackKind;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Slot finding and the track rules, without a database. */
class MeetingPlannerTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Milestone window(MilestoneType type, String start, String end) {
        Milestone m = new Milestone();
        m.type = type;
        m.dueAt = Instant.parse(start);
        m.endsAt = Instant.parse(end);
        return m;
    }

    @Test
    void aOneOnOneWithNoSharedReasonableHourIsLeftToThePairWithANote() {
        // Tokyo gives 19:00-21:00 JST (10:00-12:00 UTC), New York 06:00-09:00 EST (11:00-14:00 UTC): they overlap
        // only at 11:00-12:00 UTC, which is 20:00-21:00 in Tokyo and 06:00-07:00 in New York, outside 08:00-20:00
        SlotFinder.Party tokyo = new SlotFinder.Party(TOKYO, List.of(), List.<long[]>of(
                new long[]{Instant.parse("2025-11-24T10:00:00Z").getEpochSecond(), Instant.parse("2025-11-24T12:00:00Z").getEpochSecond()}));
        SlotFinder.Party newYork = new SlotFinder.Party(NEW_YORK, List.of(), List.<long[]>of(
                new long[]{Instant.parse("2025-11-24T11:00:00Z").getEpochSecond(), Instant.parse("2025-11-24T14:00:00Z").getEpochSecond()}));
        List<MeetingPlanner.Planned> planned = MeetingPlanner.plan(TrackKind.CAREER,
                List.of(window(MilestoneType.ONE_ON_ONE_WEEK, "2025-11-22T12:00:00Z", "2025-11-30T11:59:59Z")),
                List.of(tokyo, newYork), Instant.parse("2025-11-01T00:00:00Z"), MeetingPlanner.Settings.DEFAULT);
        assertThat(planned).hasSize(1);
        assertThat(planned.get(0).startsAt()).isNull();
        assertThat(planned.get(0).note()).contains("please choose a time together");
    }

    @Test
    void theSharedHourIsFoundWhereReasonableHoursAllowIt() {
        SlotFinder.Party tokyo = new SlotFinder.Party(TOKYO, List.of(), List.<long[]>of(
                new long[]{Instant.parse("2025-11-24T09:00:00Z").getEpochSecond(), Instant.parse("2025-11-24T11:00:00Z").getEpochSecond()}));
        SlotFinder.Party newYork = new SlotFinder.Party(NEW_YORK, List.of(), List.<long[]>of(
                new long[]{Instant.parse("2025-11-24T09:30:00Z").getEpochSecond(), Instant.parse("2025-11-24T14:00:00Z").getEpochSecond()}));
        // they share 09:30-11:00 UTC: 18:30 in Tokyo but 04:30 in New York, too early by default; with hours from 04:00 it fits
        SlotFinder.Rules early = new SlotFinder.Rules(LocalTime.of(4, 0), LocalTime.of(21, 0), java.time.Duration.ofHours(1),
                java.time.Duration.ofMinutes(30));
        assertThat(SlotFinder.first(Instant.parse("2025-11-22T12:00:00Z"), Instant.parse("2025-11-30T12:00:00Z"),
                List.of(tokyo, newYork), early)).contains(Instant.parse("2025-11-24T09:30:00Z"));
        assertThat(SlotFinder.first(Instant.parse("2025-11-22T12:00:00Z"), Instant.parse("2025-11-30T12:00:00Z"),
                List.of(tokyo, newYork), SlotFinder.Rules.DEFAULT)).isEmpty();
    }

    @Test
    void reviewerFeedbackSessionFallsInItsWindowAndWeeklyHoursRespectDaylightSaving() {
        // New York switches to standard time on Nov 2, 2025: 09:00 local is 13:00 UTC before and 14:00 UTC after
        SlotFinder.Party newYork = new SlotFinder.Party(NEW_YORK,
                List.of(new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0))), List.of());
        SlotFinder.Party anywhere = new SlotFinder.Party(ZoneId.of("UTC"), List.of(), List.of());
        assertThat(SlotFinder.first(Instant.parse("2025-10-27T00:00:00Z"), Instant.parse("2025-11-01T00:00:00Z"),
                List.of(newYork, anywhere), SlotFinder.Rules.DEFAULT)).contains(Instant.parse("2025-10-27T13:00:00Z"));
        assertThat(SlotFinder.first(Instant.parse("2025-11-03T00:00:00Z"), Instant.parse("2025-11-08T00:00:00Z"),
                List.of(newYork, anywhere), SlotFinder.Rules.DEFAULT)).contains(Instant.parse("2025-11-03T14:00:00Z"));
        List<MeetingPlanner.Planned> planned = MeetingPlanner.plan(TrackKind.REVIEWER,
                List.of(window(MilestoneType.FEEDBACK_SESSION_WINDOW, "2025-11-01T12:00:00Z", "2025-11-06T11:59:59Z")),
                List.of(newYork, anywhere), Instant.parse("2025-10-01T00:00:00Z"), MeetingPlanner.Settings.DEFAULT);
        assertThat(planned).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Meeting.Kind.FEEDBACK);
            assertThat(p.startsAt()).isEqualTo(Instant.parse("2025-11-03T14:00:00Z"));
        });
    }
}
