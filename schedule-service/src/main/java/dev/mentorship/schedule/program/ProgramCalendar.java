package dev.mentorship.schedule.program;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mentorship.runtime.text.ICalendar.line;
import static dev.mentorship.runtime.text.ICalendar.text;

/**
 * A program's timeline as an RFC 5545 calendar that calendar apps subscribe to: one event per milestone, at its
 * exact instant in UTC (so that "July 5 AoE" shows at the right hour wherever the reader is), a window spanning
 * its period. UIDs are stable across edits and SEQUENCE counts a milestone's moves, so a subscribed calendar
 * updates the event in place.
 */
public final class ProgramCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ProgramCalendar() {
    }

    public static String of(Program program, List<Track> tracks, Map<UUID, List<Milestone>> milestones,
                            Map<UUID, Integer> moves, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Conference mentorship platform//schedule-service//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text(program.name + " mentorship"));
        String about = about(program);
        line(ics, "X-WR-CALDESC:" + text(about));
        line(ics, "DESCRIPTION:" + text(about)); // RFC 7986: the calendar's own description
        line(ics, "X-PUBLISHED-TTL:PT6H");
        for (Track track : tracks) {
            for (Milestone m : milestones.getOrDefault(track.id, List.of())) {
                milestone(ics, track, m, moves.getOrDefault(m.id, 0), now);
            }
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /**
     * What the calendar is about: the program's description and its code of conduct, with where violations are
     * reported (the program's report contact, or the platform's conduct report form where the program names none).
     */
    public static String about(Program program) {
        StringBuilder about = new StringBuilder();
        if (program.description != null && !program.description.isBlank()) {
            about.append(program.description.strip()).append("\n\n");
        }
        about.append("Every mentor and mentee abides by the ").append(program.codeOfConductTitle)
                .append(" (version ").append(program.codeOfConductVersion).append(")")
                .append(program.codeOfConductUrl == null || program.codeOfConductUrl.isBlank() ? "" : ": " + program.codeOfConductUrl)
                .append(". ");
        about.append(program.conductContact == null || program.conductContact.isBlank()
                ? "To report a violation, use the conduct report form in the platform."
                : "To report a violation, contact " + program.conductContact + ".");
        return about.toString();
    }

    /** One milestone as a VEVENT: the same UID in every calendar, so that apps show it once. */
    public static void milestone(StringBuilder ics, Track track, Milestone m, int sequence, Instant now) {
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + m.id + "@schedule.mentorship");
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "SEQUENCE:" + sequence);
        line(ics, "SUMMARY:" + text(track.name + ": " + m.name));
        if (m.type.window) {
            line(ics, "DTSTART:" + UTC.format(m.dueAt));
            line(ics, "DTEND:" + UTC.format(m.endsAt.plusSeconds(1)));
            line(ics, "TRANSP:TRANSPARENT");
        } else {
            line(ics, "DTSTART:" + UTC.format(m.dueAt));
            line(ics, "DURATION:PT0S");
        }
        String description = m.rendering() + (m.description == null ? "" : "\n\n" + m.description)
                + "\n\nFor: " + String.join(", ", m.audience.stream().map(r -> r.name().toLowerCase() + "s").toList());
        line(ics, "DESCRIPTION:" + text(description));
        line(ics, "CATEGORIES:" + text(track.kind.name()) + "," + text(m.type.name()));
        line(ics, "END:VEVENT");
    }

    /** An instant as an RFC 5545 UTC DATE-TIME. */
    public static String utc(Instant instant) {
        return UTC.format(instant);
    }
}
