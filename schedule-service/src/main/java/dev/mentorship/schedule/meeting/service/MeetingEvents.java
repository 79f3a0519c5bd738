package dev.mentorship.schedule.meeting.service;

import dev.mentorship.schedule.event.Topics;
import dev.mentorship.schedule.meeting.Meeting;
import dev.mentorship.schedule.meeting.MeetingsConfig;
import dev.mentorship.schedule.meeting.Place;
import dev.mentorship.schedule.meeting.event.MeetingEvent;
import dev.mentorship.schedule.meeting.event.PairingInactive;
import dev.mentorship.schedule.meeting.event.Party;
import dev.mentorship.runtime.outbox.Outbox;
import dev.mentorship.schedule.pairing.Pairing;
import dev.mentorship.schedule.pairing.PairingPlace;
import dev.mentorship.schedule.people.Person;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Meeting and pairing events, recorded in the outbox of the current transaction; key pairingId. */
@ApplicationScoped
public class MeetingEvents {

    private final Outbox outbox;
    private final MeetingsConfig config;
    private final Clock clock;

    public MeetingEvents(Outbox outbox, MeetingsConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> meeting(String type, Meeting meeting, Pairing pairing, UUID changedBy, Instant previousStartsAt,
                             String reason, Duration lead) {
        return meeting(type, meeting, pairing, changedBy, previousStartsAt, reason, lead, null);
    }

    /**
     * As above; where {@code erased} names a member who asked to be forgotten, the event carries only their id, and
     * it is deleted from the outbox as soon as it is published.
     */
    public Uni<Void> meeting(String type, Meeting meeting, Pairing pairing, UUID changedBy, Instant previousStartsAt,
                             String reason, Duration lead, UUID erased) {
        return PairingPlace.<PairingPlace>findById(pairing.pairingId).chain(pairingPlace -> publish(type, meeting, pairing,
                Place.of(meeting, pairingPlace), changedBy, previousStartsAt, reason, lead, erased));
    }

    /**
     * A confirmed meeting's place changed (its own, or its pairing's that it takes): MeetingRescheduled at the same
     * time (previousStartsAt = startsAt) with the new place, so that both are told and calendars update the event.
     */
    public Uni<Void> placeChanged(Meeting meeting, Pairing pairing, PairingPlace pairingPlace, UUID changedBy) {
        return publish(MeetingEvent.RESCHEDULED, meeting, pairing, Place.of(meeting, pairingPlace), changedBy, meeting.startsAt,
                null, null, null);
    }

    private Uni<Void> publish(String type, Meeting meeting, Pairing pairing, Place place, UUID changedBy, Instant previousStartsAt,
                              String reason, Duration lead, UUID erased) {
        return person(pairing.mentorId, erased).chain(mentor -> person(pairing.menteeId, erased).chain(mentee -> {
            MeetingEvent data = new MeetingEvent(meeting.id, pairing.pairingId, pairing.programId, pairing.trackId,
                    pairing.trackKind, meeting.kind, meeting.number, meeting.startsAt, meeting.endsAt(), meeting.durationMinutes,
                    meeting.sequence, meeting.uid(), config.publicBaseUrl() + "/meetings/" + meeting.id + ".ics",
                    Party.of(pairing.mentorId, mentor, meeting.startsAt), Party.of(pairing.menteeId, mentee, meeting.startsAt),
                    changedBy, previousStartsAt, reason, lead == null ? null : lead.toString(), place.location(), place.videoUrl());
            return outbox.append(Topics.SCHEDULE, type, 1, pairing.pairingId.toString(), meeting.id.toString(), data,
                    erased != null).replaceWithVoid();
        }));
    }

    private static Uni<Person> person(UUID participantId, UUID erased) {
        return participantId.equals(erased) ? Uni.createFrom().nullItem() : Person.findById(participantId);
    }

    public Uni<Void> inactive(Pairing pairing) {
        return inactive(pairing, pairing.lastActivityAt);
    }

    /** {@code since}: when the quiet stretch began (the last activity, or the meeting period's start if later). */
    public Uni<Void> inactive(Pairing pairing, Instant since) {
        Instant now = clock.instant();
        return Person.<Person>findById(pairing.mentorId).chain(mentor -> Person.<Person>findById(pairing.menteeId).chain(mentee ->
                outbox.append(Topics.SCHEDULE, PairingInactive.TYPE, 1, pairing.pairingId.toString(), pairing.pairingId.toString(),
                        new PairingInactive(pairing.pairingId, pairing.programId, pairing.trackId, pairing.trackKind,
                                Party.of(pairing.mentorId, mentor, null), Party.of(pairing.menteeId, mentee, null),
                                since, Duration.between(since, now).toDays(), now))
                        .replaceWithVoid()));
    }
}
