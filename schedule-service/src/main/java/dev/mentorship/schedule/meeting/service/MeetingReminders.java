package dev.mentorship.schedule.meeting.service;

import dev.mentorship.schedule.meeting.Meeting;
import dev.mentorship.schedule.meeting.event.MeetingEvent;
import dev.mentorship.schedule.pairing.Pairing;
import dev.mentorship.schedule.reminder.Reminder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * What a due meeting reminder announces (called by the reminder dispatcher, which claims reminders with SKIP LOCKED):
 * MeetingApproaching to both members, DraftReminder to an author mentee. A meeting moved or cancelled since has had
 * its reminders cancelled; one whose time changed without that is skipped here.
 */
@ApplicationScoped
public class MeetingReminders {

    private final MeetingEvents events;

    public MeetingReminders(MeetingEvents events) {
        this.events = events;
    }

    public Uni<Void> announce(Reminder reminder) {
        return Meeting.<Meeting>findById(reminder.meetingId).chain(m -> {
            if (m == null || m.status != Meeting.Status.CONFIRMED || !reminder.dueAt.equals(m.startsAt)) {
                return Uni.createFrom().voidItem();
            }
            return Pairing.<Pairing>findById(m.pairingId).chain(p -> p == null || p.status != Pairing.Status.ACTIVE
                    ? Uni.createFrom().voidItem()
                    : events.meeting(reminder.kind == Reminder.Kind.DRAFT ? MeetingEvent.DRAFT_REMINDER : MeetingEvent.APPROACHING,
                            m, p, null, null, null, Duration.parse(reminder.lead)));
        });
    }
}
