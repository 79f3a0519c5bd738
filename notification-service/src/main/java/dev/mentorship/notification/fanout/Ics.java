package dev.mentorship.notification.fanout;

import dev.mentorship.notification.messaging.ScheduleEvents.Meeting;
import dev.mentorship.notification.messaging.ScheduleEvents.Party;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The invitation attached to meeting emails, from the meeting event (RFC 5545): schedule-service's UID and
 * SEQUENCE, so that the calendar app updates the same event; METHOD:REQUEST, or METHOD:CANCEL when cancelled.
 */
public final class Ics {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Ics() {
    }

    public static String meeting(Meeting d, boolean cancelled, String organizerEmail) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Conference mentorship platform//notification-service//EN");
        line(ics, "METHOD:" + (cancelled ? "CANCEL" : "REQUEST"));
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + d.icsUid());
        line(ics, "DTSTAMP:" + UTC.format(Instant.now()));
        line(ics, "SEQUENCE:" + d.sequence());
        line(ics, "DTSTART:" + UTC.format(d.startsAt()));
        line(ics, "DTEND:" + UTC.format(d.endsAt()));
        line(ics, "SUMMARY:" + text("Mentorship: " + d.mentor().nameOr("mentor") + " and " + d.mentee().nameOr("mentee")));
        line(ics, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        line(ics, "ORGANIZER;CN=\"Mentorship program\":mailto:" + organizerEmail);
        for (Party p : new Party[]{d.mentor(), d.mentee()}) {
            if (p.reachable()) {
                line(ics, "ATTENDEE;CN=\"" + p.nameOr("").replace("\"", "'") + "\";ROLE=REQ-PARTICIPANT:mailto:" + p.email());
            }
        }
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** A content line folded at 75 octets (RFC 5545 3.1). */
    static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int end = Math.min(bytes.length, start + (first ? 75 : 74));
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            if (!first) {
                ics.append(' ');
            }
            ics.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
    }
}
