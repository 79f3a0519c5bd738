package dev.mentorship.notification.fanout;

import dev.mentorship.notification.messaging.ScheduleEvents.Meeting;
import dev.mentorship.notification.messaging.ScheduleEvents.Party;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static dev.mentorship.runtime.text.ICalendar.line;
import static dev.mentorship.runtime.text.ICalendar.mailto;
import static dev.mentorship.runtime.text.ICalendar.param;
import static dev.mentorship.runtime.text.ICalendar.text;

/**
 * The invitation attached to meeting emails, from the meeting event (RFC 5545): schedule-service's UID and
 * SEQUENCE, so that the calendar app updates the same event; METHOD:REQUEST, or METHOD:CANCEL when cancelled. Names
 * and addresses go through service-runtime's ICalendar, so that nobody's name can add lines to the other's calendar.
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
        line(ics, "ORGANIZER;CN=\"Mentorship program\":" + mailto(organizerEmail));
        for (Party p : new Party[]{d.mentor(), d.mentee()}) {
            if (p.reachable()) {
                line(ics, "ATTENDEE;CN=" + param(p.nameOr("")) + ";ROLE=REQ-PARTICIPANT:" + mailto(p.email()));
            }
        }
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }
}
