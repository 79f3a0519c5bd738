package dev.mentorship.schedule.meeting.event;

import dev.mentorship.schedule.people.Person;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** A member of a pairing as meeting events carry them, with the meeting's time in their own time zone. */
public record Party(UUID participantId, String name, String email, String timeZone, String localStart) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy, HH:mm", Locale.ENGLISH);

    public static Party of(UUID participantId, Person person, Instant startsAt) {
        if (person == null) {
            return new Party(participantId, null, null, null, null);
        }
        String local = startsAt == null ? null : LOCAL.format(startsAt.atZone(person.zone())) + " (" + person.timeZone + ")";
        return new Party(participantId, person.name, person.email, person.timeZone, local);
    }
}
