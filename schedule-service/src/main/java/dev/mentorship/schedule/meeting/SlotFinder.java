package dev.mentorship.schedule.meeting;

import dev.mentorship.schedule.people.WeeklyInterval;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Finds a meeting slot every party can make: inside each party's reasonable local hours (by default 08:00 to 20:00
 * in their own time zone, the whole meeting on one local day), inside their availability (weekly intervals in their
 * time zone, or dated intervals in UTC for a week like the one-on-one week; no availability given means any
 * reasonable hour), starting on the half hour.
 */
public final class SlotFinder {

    /** One person: their time zone and when they are free. */
    public record Party(ZoneId zone, List<WeeklyInterval> weekly, List<long[]> datedUtc) {
    }

    /** Reasonable local hours, the meeting's length, and the grid starts fall on. */
    public record Rules(LocalTime dayStart, LocalTime dayEnd, Duration duration, Duration step) {
        public static final Rules DEFAULT = new Rules(LocalTime.of(8, 0), LocalTime.of(20, 0), Duration.ofHours(1),
                Duration.ofMinutes(30));
    }

    private SlotFinder() {
    }

    /** The earliest start in [from, to − duration] that every party can make. */
    public static Optional<Instant> first(Instant from, Instant to, List<Party> parties, Rules rules) {
        long step = rules.step().getSeconds();
        long start = Math.floorDiv(from.getEpochSecond() + step - 1, step) * step;
        Instant latest = to.minus(rules.duration());
        for (Instant at = Instant.ofEpochSecond(start); !at.isAfter(latest); at = at.plus(rules.step())) {
            Instant end = at.plus(rules.duration());
            boolean all = true;
            for (Party party : parties) {
                if (!fits(party, at, end, rules)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** Whether one party can make [start, end). */
    public static boolean fits(Party party, Instant start, Instant end, Rules rules) {
        ZonedDateTime localStart = start.atZone(party.zone());
        ZonedDateTime localEnd = end.atZone(party.zone());
        if (!localStart.toLocalDate().equals(localEnd.toLocalDate()) && !localEnd.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return false;
        }
        LocalTime s = localStart.toLocalTime();
        LocalTime e = localEnd.toLocalTime();
        if (s.isBefore(rules.dayStart()) || e.isAfter(rules.dayEnd()) || e.isBefore(s)) {
            return false;
        }
        if (!party.datedUtc().isEmpty()) {
            for (long[] interval : party.datedUtc()) {
                if (interval[0] <= start.getEpochSecond() && end.getEpochSecond() <= interval[1]) {
                    return true;
                }
            }
            return false;
        }
        if (!party.weekly().isEmpty()) {
            for (WeeklyInterval w : party.weekly()) {
                if (w.day() == localStart.getDayOfWeek() && !s.isBefore(w.from()) && !e.isAfter(w.to())) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
