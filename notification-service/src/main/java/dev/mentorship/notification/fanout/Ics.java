package dev.mentorship.notification.fanout;

import com.fasterxml.jackson.databind.JsonNode;

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

    public static String meeting(JsonNode d, boolean cancelled, String organizerEmail) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Conference mentorship platform//notification-service//EN");
        line(ics, "METHOD:" + (cancelled ? "CANCEL" : "REQUEST"));
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + d.get("icsUid").asText());
        line(ics, "DTSTAMP:" + UTC.format(Instant.now()));
        line(ics, "SEQUENCE:" + d.get("sequence").asInt());
        line(ics, "DTSTART:" + UTC.format(Instant.parse(d.get("startsAt").asText())));
        line(ics, "DTEND:" + UTC.format(Instant.parse(d.get("endsAt").asText())));
        line(ics, "SUMMARY:" + text("Mentorship: " + d.at("/mentor/name").asText("mentor") + " and " + d.at("/mentee/name").asText("mentee")));
        line(ics, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        line(ics, "ORGANIZER;CN=\"Mentorship program\":mailto:" + organizerEmail);
        for (String side : new String[]{"mentor", "mentee"}) {
            JsonNode p = d.get(side);
            if (p != null && p.path("email").isTextual()) {
                line(ics, "ATTENDEE;CN=\"" + p.path("name").asText("").replace("\"", "'") + "\";ROLE=REQ-PARTICIPANT:mailto:"
                        + p.get("email").asText());
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
