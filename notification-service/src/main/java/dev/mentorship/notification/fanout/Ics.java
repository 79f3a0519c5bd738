package dev.mentorship.notification.fanout;

import dev.mentorship.notification.messaging.ScheduleEvents.GroupSession;
import dev.mentorship.notification.messaging.ScheduleEvents.Meeting;
import dev.mentorship.notification.messaging.ScheduleEvents.Party;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static dev.mentorship.runtime.text.ICalendar.line;
import static dev.mentorship.runtime.text.ICalendar.mailto;
import static dev.mentorship.runtime.text.ICalendar.param;
import static dev.mentorship.runtime.text.ICalendar.text;
import static dev.mentorship.runtime.text.ICalendar.uri;

/**
 * The invitation attached to meeting emails, from the meeting event (RFC 5545): schedule-service's UID and
 * SEQUENCE, so that the calendar app updates the same event; METHOD:REQUEST, or METHOD:CANCEL when cancelled. Names
 * and addresses go through service-runtime's ICalendar, so that nobody's name can add lines to the other's calendar.
 * Where it takes place, when the event says: LOCATION (the location, else the video link) and URL (the video link).
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
        if (d.location() != null || d.videoUrl() != null) {
            line(ics, "LOCATION:" + text(d.location() != null ? d.location() : d.videoUrl()));
        }
        if (d.videoUrl() != null) {
            line(ics, "URL:" + uri(d.videoUrl()));
        }
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

    /**
     * A group session's event (METHOD:PUBLISH: the platform announces it, nobody replies), with schedule-service's UID
     * and SEQUENCE, so that it is the same event as in the session's own file and the person's feed; the online link as
     * URL and LOCATION.
     */
    public static String groupSession(GroupSession s, String summary, String organizerEmail) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Conference mentorship platform//notification-service//EN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + s.icsUid());
        line(ics, "DTSTAMP:" + UTC.format(Instant.now()));
        line(ics, "SEQUENCE:" + s.sequence());
        line(ics, "DTSTART:" + UTC.format(s.startsAt()));
        line(ics, "DTEND:" + UTC.format(s.endsAt()));
        line(ics, "SUMMARY:" + text(summary));
        line(ics, "LOCATION:" + text(s.onlineUrl() != null ? s.onlineUrl() : "Online"));
        if (s.onlineUrl() != null) {
            line(ics, "URL:" + uri(s.onlineUrl()));
        }
        line(ics, "STATUS:CONFIRMED");
        line(ics, "ORGANIZER;CN=\"Mentorship program\":" + mailto(organizerEmail));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }
}
