package dev.mentorship.schedule.groupsession;

import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.Track;

import java.time.Instant;

import static dev.mentorship.runtime.text.ICalendar.line;
import static dev.mentorship.runtime.text.ICalendar.param;
import static dev.mentorship.runtime.text.ICalendar.mailto;
import static dev.mentorship.runtime.text.ICalendar.text;
import static dev.mentorship.runtime.text.ICalendar.uri;
import static dev.mentorship.schedule.program.ProgramCalendar.utc;

/**
 * Group sessions in RFC 5545: one VEVENT per session at its exact start and end, with its online link as URL and
 * LOCATION, the same UID in the session's own file and in personal feeds, SEQUENCE raised on each change organizers
 * make, so that a calendar app updates the event in place.
 */
public final class GroupSessionCalendar {

    private GroupSessionCalendar() {
    }

    /** A session's own file (METHOD:PUBLISH: the platform announces it; nobody replies to it). */
    public static String single(Track track, Milestone milestone, GroupSession session, String organizerEmail, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Conference mentorship platform//schedule-service//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        event(ics, track, milestone, session, organizerEmail, now);
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    public static void event(StringBuilder ics, Track track, Milestone milestone, GroupSession session,
                             String organizerEmail, Instant now) {
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + session.uid());
        line(ics, "DTSTAMP:" + utc(now));
        line(ics, "SEQUENCE:" + session.sequence);
        line(ics, "DTSTART:" + utc(session.startsAt));
        line(ics, "DTEND:" + utc(session.endsAt()));
        line(ics, "SUMMARY:" + text(track.name + ": " + milestone.name + " (" + session.key + ")"));
        String description = "Online group session of " + session.durationMinutes + " minutes."
                + (session.onlineUrl == null ? " The link to join follows when the organizers announce it."
                : "\n\nJoin: " + session.onlineUrl)
                + (milestone.description == null ? "" : "\n\n" + milestone.description);
        line(ics, "DESCRIPTION:" + text(description));
        if (session.onlineUrl != null) {
            // an https URL checked when set (ProgramRules.onlineUrl): no space, control character or quote can be in it
            line(ics, "URL:" + uri(session.onlineUrl));
            line(ics, "LOCATION:" + text(session.onlineUrl));
        } else {
            line(ics, "LOCATION:" + text("Online"));
        }
        line(ics, "STATUS:CONFIRMED");
        line(ics, "ORGANIZER;CN=" + param(track.name) + ":" + mailto(organizerEmail));
        line(ics, "CATEGORIES:" + text(track.kind.name()) + "," + text(milestone.type.name()));
        line(ics, "END:VEVENT");
    }
}
