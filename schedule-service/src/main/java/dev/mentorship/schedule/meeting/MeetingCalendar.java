package dev.mentorship.schedule.meeting;

import dev.mentorship.schedule.people.Person;

import java.time.Instant;

import static dev.mentorship.runtime.text.ICalendar.line;
import static dev.mentorship.runtime.text.ICalendar.mailto;
import static dev.mentorship.runtime.text.ICalendar.param;
import static dev.mentorship.runtime.text.ICalendar.text;
import static dev.mentorship.runtime.text.ICalendar.uri;
import static dev.mentorship.schedule.program.ProgramCalendar.utc;

/**
 * Meetings in RFC 5545. A single meeting's file is an invitation calendar apps accept: METHOD:REQUEST with the
 * organizer and both members as attendees while it stands, METHOD:CANCEL once cancelled, the same UID throughout and
 * SEQUENCE raised on each change (a new place included), so that an app updates the event in place.
 */
public final class MeetingCalendar {

    private MeetingCalendar() {
    }

    public static String single(Meeting meeting, Place place, String trackName, Person mentor, Person mentee, String organizerEmail,
                                Instant now) {
        StringBuilder ics = new StringBuilder();
        begin(ics, meeting.status == Meeting.Status.CANCELLED ? "CANCEL"
                : meeting.status == Meeting.Status.CONFIRMED ? "REQUEST" : "PUBLISH");
        event(ics, meeting, place, trackName, mentor, mentee, organizerEmail, now);
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    public static void begin(StringBuilder ics, String method) {
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Conference mentorship platform//schedule-service//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + method);
    }

    /** One meeting's VEVENT; {@code place}: where (LOCATION: the location, else the video link; URL: the video link). */
    public static void event(StringBuilder ics, Meeting meeting, Place place, String trackName, Person mentor, Person mentee,
                             String organizerEmail, Instant now) {
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + meeting.uid());
        line(ics, "DTSTAMP:" + utc(now));
        line(ics, "SEQUENCE:" + meeting.sequence);
        line(ics, "DTSTART:" + utc(meeting.startsAt));
        line(ics, "DTEND:" + utc(meeting.endsAt()));
        line(ics, "SUMMARY:" + text(trackName + ": " + title(meeting) + " — " + name(mentor) + " and " + name(mentee)));
        String description = switch (meeting.kind) {
            case MENTORING -> "Mentoring meeting " + meeting.number + ". The mentee sends the current draft to the mentor a few days before.";
            case FEEDBACK -> "Feedback session on the mentee's review drafts.";
            case ONE_ON_ONE -> "One-hour 1-1 career mentoring session.";
        };
        line(ics, "DESCRIPTION:" + text(description));
        if (place.calendarLocation() != null) {
            line(ics, "LOCATION:" + text(place.calendarLocation()));
        }
        if (place.videoUrl() != null) {
            line(ics, "URL:" + uri(place.videoUrl()));
        }
        line(ics, "STATUS:" + switch (meeting.status) {
            case CANCELLED -> "CANCELLED";
            case PROPOSED, UNSCHEDULED -> "TENTATIVE";
            case CONFIRMED, HELD -> "CONFIRMED";
        });
        line(ics, "ORGANIZER;CN=" + param(trackName) + ":" + mailto(organizerEmail));
        attendee(ics, mentor);
        attendee(ics, mentee);
        line(ics, "END:VEVENT");
    }

    private static void attendee(StringBuilder ics, Person person) {
        if (person != null) {
            line(ics, "ATTENDEE;CN=" + param(person.name) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:" + mailto(person.email));
        }
    }

    static String title(Meeting meeting) {
        return switch (meeting.kind) {
            case MENTORING -> "mentoring meeting " + meeting.number;
            case FEEDBACK -> "feedback session";
            case ONE_ON_ONE -> "1-1 session";
        };
    }

    private static String name(Person person) {
        return person == null ? "(someone)" : person.name;
    }
}
