package dev.mentorship.schedule.program;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a program's dates become instants. A milestone is a date (and optionally a time of day) in a time zone,
 * by default AoE, "Anywhere on Earth" (UTC−12): a deadline on a date with no time ends at 23:59:59 of that date
 * there, so "July 5 AoE" is 2025-07-06T11:59:59Z. A window runs from the start of its first date to the end of
 * its last date in its zone.
 */
public final class ProgramTime {

    public static final String AOE = "AoE";
    private static final ZoneOffset AOE_OFFSET = ZoneOffset.ofHours(-12);
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private ProgramTime() {
    }

    /** "AoE" or an IANA time zone name such as "Europe/Berlin"; throws DateTimeException for anything else. */
    public static ZoneId zone(String name) {
        if (AOE.equals(name)) {
            return AOE_OFFSET;
        }
        if (name == null || !name.contains("/") && !name.equals("UTC")) {
            // ZoneId.of also takes offsets like "+02:00" and abbreviations are ambiguous: ask for a real zone
            throw new DateTimeException("Unknown time zone: " + name);
        }
        return ZoneId.of(name);
    }

    public static boolean isKnownZone(String name) {
        try {
            zone(name);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The instant of a point milestone: the given time, or the end of the day, on that date in that zone. */
    public static Instant at(LocalDate date, LocalTime time, String zone) {
        return date.atTime(time == null ? END_OF_DAY : time).atZone(zone(zone)).toInstant();
    }

    /** The first instant of a window that starts on this date. */
    public static Instant startOf(LocalDate date, String zone) {
        return date.atStartOfDay(zone(zone)).toInstant();
    }

    /** The last instant of a window that ends on this date. */
    public static Instant endOf(LocalDate date, String zone) {
        return date.atTime(END_OF_DAY).atZone(zone(zone)).toInstant();
    }

    /** "July 5, 2025 AoE", or "July 5, 2025, 17:00 Europe/Berlin" where a time is set. */
    public static String render(LocalDate date, LocalTime time, String zone) {
        return DATE.format(date) + (time == null ? "" : ", " + TIME.format(time)) + " " + zone;
    }

    /** "July 18, 2025 – September 8, 2025 AoE" for a window. */
    public static String renderWindow(LocalDate from, LocalDate to, String zone) {
        return DATE.format(from) + " – " + DATE.format(to) + " " + zone;
    }
}
