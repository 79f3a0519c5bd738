package dev.mentorship.schedule.meeting.service;

import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.StaffMember;
import dev.mentorship.schedule.meeting.Meeting;
import dev.mentorship.schedule.meeting.MeetingCalendar;
import dev.mentorship.schedule.meeting.MeetingPlanner;
import dev.mentorship.schedule.meeting.MeetingsConfig;
import dev.mentorship.schedule.meeting.Place;
import dev.mentorship.schedule.meeting.SlotFinder;
import dev.mentorship.schedule.meeting.event.MeetingEvent;
import dev.mentorship.schedule.pairing.Pairing;
import dev.mentorship.schedule.pairing.PairingPlace;
import dev.mentorship.schedule.people.Person;
import dev.mentorship.schedule.people.PersonRegistration;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.reminder.Reminder;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import dev.mentorship.runtime.http.IfMatch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Meetings: proposed when a pairing is created, then confirmed, moved, cancelled or marked held by a member of the
 * pairing or an organizer. Each change that calendars must see raises SEQUENCE; confirmed meetings get reminders.
 * The pairings themselves are kept by {@link dev.mentorship.schedule.pairing.service.PairingProjection}, which calls
 * {@link #propose} and {@link #cancelAhead} as they are created and dissolved.
 */
@ApplicationScoped
public class MeetingService {

    private static final Logger LOG = Logger.getLogger(MeetingService.class);

    private final MeetingEvents events;
    private final MeetingsConfig config;
    private final Clock clock;

    public MeetingService(MeetingEvents events, MeetingsConfig config, Clock clock) {
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** Who asks: a member of the pairing, or an organizer of its program. */
    public record Caller(UUID id) {
    }

    /** A meeting with its pairing and the pairing's place (null: none set). */
    public record Found(Meeting meeting, Pairing pairing, PairingPlace pairingPlace) {

        /** Where the meeting takes place: its own place, else its pairing's. */
        public Place place() {
            return Place.of(meeting, pairingPlace);
        }
    }

    /** A pairing and its place (null: none set yet). */
    public record PairingPlaceFound(Pairing pairing, PairingPlace place) {
    }

    // --- what pairings bring, inside the consumer's transaction (pairing/service/PairingProjection)

    /**
     * Proposes a new pairing's meetings from its track's rules and milestones and both members' availability: each
     * PROPOSED at a slot that fits both, or UNSCHEDULED with a note where none does.
     */
    public Uni<Void> propose(Pairing pairing, UUID mentorRegistration, UUID menteeRegistration) {
        return Milestone.<Milestone>list("trackId", pairing.trackId).chain(milestones -> party(pairing.mentorId, mentorRegistration)
                .chain(mentor -> party(pairing.menteeId, menteeRegistration).chain(mentee -> {
                    Instant now = clock.instant();
                    List<MeetingPlanner.Planned> planned = MeetingPlanner.plan(pairing.trackKind, milestones,
                            List.of(mentor, mentee), now, config.settings());
                    List<Meeting> meetings = new ArrayList<>();
                    for (MeetingPlanner.Planned plan : planned) {
                        Meeting m = new Meeting();
                        m.id = UUID.randomUUID();
                        m.pairingId = pairing.pairingId;
                        m.programId = pairing.programId;
                        m.trackId = pairing.trackId;
                        m.kind = plan.kind();
                        m.number = plan.number();
                        m.status = plan.startsAt() == null ? Meeting.Status.UNSCHEDULED : Meeting.Status.PROPOSED;
                        m.startsAt = plan.startsAt();
                        m.durationMinutes = (int) config.duration().toMinutes();
                        m.windowStart = plan.windowStart();
                        m.windowEnd = plan.windowEnd();
                        m.note = plan.note();
                        m.createdAt = now;
                        m.updatedAt = now;
                        meetings.add(m);
                    }
                    LOG.debugf("Pairing %s: %d meetings proposed", pairing.pairingId, meetings.size());
                    return meetings.isEmpty() ? Uni.createFrom().voidItem() : Meeting.persist(meetings);
                })));
    }

    private Uni<SlotFinder.Party> party(UUID participantId, UUID registrationId) {
        return Person.<Person>findById(participantId).chain(person -> PersonRegistration.<PersonRegistration>findById(registrationId)
                .map(registration -> {
                    List<long[]> dated = registration == null ? List.of() : registration.oneOnOne();
                    return person == null
                            ? new SlotFinder.Party(java.time.ZoneOffset.UTC, List.of(), dated)
                            : new SlotFinder.Party(person.zone(), person.weekly(), dated);
                }));
    }

    /**
     * Cancels the pairing's meetings still ahead because a member was erased: MeetingCancelled for those that were
     * confirmed, telling the partner, without the erased member's contact, deleted from the outbox once sent.
     */
    public Uni<Void> cancelAheadOfErased(Pairing p, UUID erased) {
        return cancelAhead(p, "A member of the pairing left the program.", erased, false);
    }

    /** Cancels every meeting of the pairing that was not held: MeetingCancelled for the confirmed ones still ahead. */
    public Uni<Void> cancelAhead(Pairing p, String reason) {
        return cancelAhead(p, reason, null, false);
    }

    /**
     * The pairing came to its end: what was not held and could still happen is cancelled (confirmed ones ahead are
     * announced); a confirmed meeting whose time has passed stays confirmed, so that its members can still mark it held.
     */
    public Uni<Void> cancelAfterEnd(Pairing p, String reason) {
        return cancelAhead(p, reason, null, true);
    }

    /**
     * Every meeting of the pairing that was not held is cancelled, past ones too (nobody may confirm or move one of an
     * ended pairing into the future); the confirmed ones still ahead are announced (MeetingCancelled: both are told,
     * calendars drop them).
     */
    private Uni<Void> cancelAhead(Pairing p, String reason, UUID erased, boolean keepPastConfirmed) {
        Instant now = clock.instant();
        return Meeting.<Meeting>list("pairingId", p.pairingId).chain(meetings -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Meeting m : meetings) {
                if (m.status == Meeting.Status.CANCELLED || m.status == Meeting.Status.HELD) {
                    continue;
                }
                boolean ahead = m.startsAt == null || m.startsAt.isAfter(now);
                if (keepPastConfirmed && !ahead && m.status == Meeting.Status.CONFIRMED) {
                    continue;
                }
                boolean announced = ahead && m.status == Meeting.Status.CONFIRMED;
                m.status = Meeting.Status.CANCELLED;
                m.sequence++;
                m.updatedAt = now;
                chain = chain.chain(() -> cancelReminders(m.id))
                        .chain(() -> announced ? events.meeting(MeetingEvent.CANCELLED, m, p, null, null, reason, null, erased)
                                : Uni.createFrom().voidItem());
            }
            return chain;
        });
    }

    /** Deletes every meeting of these pairings (a member was erased). */
    public Uni<Void> deleteOfPairings(List<UUID> pairingIds) {
        return Meeting.delete("pairingId in ?1", pairingIds).replaceWithVoid();
    }

    // --- what members and organizers do

    @WithSession
    public Uni<List<Found>> ofPairing(UUID pairingId, Caller caller) {
        return pairing(pairingId, caller).chain(p -> PairingPlace.<PairingPlace>findById(pairingId).chain(place ->
                Meeting.<Meeting>list("pairingId", Sort.by("number"), pairingId)
                        .map(list -> list.stream().map(m -> new Found(m, p, place)).toList())));
    }

    @WithSession
    public Uni<Page<Found>> mine(Caller caller, int page, int size) {
        return Page.of(Meeting.<Meeting>find("pairingId in (select p.pairingId from Pairing p where p.mentorId = ?1 or p.menteeId = ?1)"
                + " order by startsAt nulls last, number", caller.id()), page, size).chain(meetings -> {
            List<UUID> pairingIds = meetings.items().stream().map(m -> m.pairingId).distinct().toList();
            if (pairingIds.isEmpty()) {
                return Uni.createFrom().item(meetings.map(m -> new Found(m, null, null)));
            }
            return Pairing.<Pairing>list("pairingId in ?1", pairingIds).chain(pairings -> PairingPlace.<PairingPlace>list(
                    "pairingId in ?1", pairingIds).map(places -> {
                Map<UUID, Pairing> pairingOf = new HashMap<>();
                pairings.forEach(p -> pairingOf.put(p.pairingId, p));
                Map<UUID, PairingPlace> placeOf = new HashMap<>();
                places.forEach(pp -> placeOf.put(pp.pairingId, pp));
                return meetings.map(m -> new Found(m, pairingOf.get(m.pairingId), placeOf.get(m.pairingId)));
            }));
        });
    }

    @WithSession
    public Uni<Found> get(UUID meetingId, Caller caller) {
        return find(meetingId, caller);
    }

    @WithTransaction
    public Uni<Found> confirm(UUID meetingId, Caller caller) {
        return find(meetingId, caller).call(MeetingService::active).chain(found -> {
            Meeting m = found.meeting();
            if (m.status == Meeting.Status.CONFIRMED) {
                return Uni.createFrom().item(found);
            }
            if (m.status != Meeting.Status.PROPOSED) {
                return Uni.createFrom().failure(ProblemException.conflict(m.status == Meeting.Status.UNSCHEDULED
                        ? "This meeting has no time yet: set one (PATCH with startsAt), which confirms it."
                        : "This meeting is " + m.status.name().toLowerCase() + "."));
            }
            return schedule(found, caller, m.startsAt, m.durationMinutes);
        });
    }

    @WithTransaction
    public Uni<Found> move(UUID meetingId, Caller caller, Instant startsAt, Integer durationMinutes, IfMatch ifMatch) {
        return find(meetingId, caller).call(MeetingService::active).chain(found -> {
            Meeting m = found.meeting();
            ifMatch.existing(m.version);
            if (m.status == Meeting.Status.CANCELLED || m.status == Meeting.Status.HELD) {
                return Uni.createFrom().failure(ProblemException.conflict("This meeting is " + m.status.name().toLowerCase() + "."));
            }
            if (!startsAt.isAfter(clock.instant())) {
                return Uni.createFrom().failure(new InvalidRequestException(List.of(
                        new Problem.FieldError("startsAt", "must be in the future"))));
            }
            int duration = durationMinutes == null ? m.durationMinutes : durationMinutes;
            if (m.status != Meeting.Status.CONFIRMED) {
                return schedule(found, caller, startsAt, duration);
            }
            if (startsAt.equals(m.startsAt) && duration == m.durationMinutes) {
                return Uni.createFrom().item(found);
            }
            Instant previous = m.startsAt;
            m.startsAt = startsAt;
            m.durationMinutes = duration;
            m.sequence++;
            touch(found, caller);
            return planReminders(m).chain(() -> events.meeting(MeetingEvent.RESCHEDULED, m, found.pairing(), caller.id(), previous, null, null))
                    .replaceWith(found);
        });
    }

    @WithTransaction
    public Uni<Found> cancel(UUID meetingId, Caller caller, String reason) {
        return find(meetingId, caller).chain(found -> {
            Meeting m = found.meeting();
            if (m.status == Meeting.Status.CANCELLED) {
                return Uni.createFrom().item(found);
            }
            if (m.status == Meeting.Status.HELD) {
                return Uni.createFrom().failure(ProblemException.conflict("This meeting was held."));
            }
            boolean announced = m.status == Meeting.Status.CONFIRMED;
            m.status = Meeting.Status.CANCELLED;
            m.sequence++;
            touch(found, caller);
            return cancelReminders(m.id).chain(() -> announced
                    ? events.meeting(MeetingEvent.CANCELLED, m, found.pairing(), caller.id(), null, reason, null)
                    : Uni.createFrom().voidItem()).replaceWith(found);
        });
    }

    @WithTransaction
    public Uni<Found> held(UUID meetingId, Caller caller) {
        return find(meetingId, caller).chain(found -> {
            Meeting m = found.meeting();
            if (m.status == Meeting.Status.HELD) {
                return Uni.createFrom().item(found);
            }
            if (m.status != Meeting.Status.CONFIRMED || m.startsAt.isAfter(clock.instant())) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "Only a confirmed meeting that has started can be marked held."));
            }
            m.status = Meeting.Status.HELD;
            m.heldAt = clock.instant();
            touch(found, caller);
            return Uni.createFrom().item(found);
        });
    }

    @WithSession
    public Uni<String> ics(UUID meetingId, Caller caller) {
        return find(meetingId, caller).chain(found -> {
            Meeting m = found.meeting();
            if (m.startsAt == null) {
                return Uni.createFrom().failure(ProblemException.conflict("This meeting has no time yet."));
            }
            Pairing p = found.pairing();
            return Track.<Track>findById(p.trackId).chain(track -> Person.<Person>findById(p.mentorId)
                    .chain(mentor -> Person.<Person>findById(p.menteeId).map(mentee -> MeetingCalendar.single(m, found.place(),
                            track == null ? "Mentorship" : track.name, mentor, mentee, config.organizerEmail(), clock.instant()))));
        });
    }

    // --- where meetings take place

    /** A pairing's place: its members only (anyone else, organizers included, 404). */
    @WithSession
    public Uni<PairingPlaceFound> pairingPlace(UUID pairingId, Caller caller) {
        return member(pairingId, caller).chain(p -> PairingPlace.<PairingPlace>findById(pairingId)
                .map(place -> new PairingPlaceFound(p, place)));
    }

    /**
     * A member sets where the pairing meets (the first time without If-Match, then with its ETag). The meetings that
     * take the pairing's place (no place of their own, not cancelled or held) see the change: SEQUENCE raised, and for a
     * confirmed one still ahead a MeetingRescheduled at the same time with the new place, which tells both.
     */
    @WithTransaction
    public Uni<PairingPlaceFound> setPairingPlace(UUID pairingId, Caller caller, String location, String videoUrl, IfMatch ifMatch) {
        return Uni.createFrom().item(() -> Place.typed(location, videoUrl)).chain(wanted -> member(pairingId, caller)
                .chain(p -> PairingPlace.<PairingPlace>findById(pairingId).chain(existing -> {
            if (existing == null) {
                ifMatch.absent();
            } else {
                ifMatch.existing(existing.version);
            }
            if (p.status != Pairing.Status.ACTIVE) {
                return Uni.createFrom().failure(ProblemException.conflict("This pairing has ended: its place can no longer be changed."));
            }
            Place before = existing == null ? Place.NONE : new Place(existing.location, existing.videoUrl, false);
            if (existing != null && before.sameAs(wanted)) {
                return Uni.createFrom().item(new PairingPlaceFound(p, existing));
            }
            PairingPlace place = existing != null ? existing : new PairingPlace();
            place.pairingId = pairingId;
            place.location = wanted.location();
            place.videoUrl = wanted.videoUrl();
            place.updatedAt = clock.instant();
            place.updatedBy = caller.id();
            Uni<Void> stored = existing != null ? Uni.createFrom().voidItem() : place.persist().replaceWithVoid();
            return stored.chain(() -> before.sameAs(wanted) ? Uni.createFrom().voidItem() : inheritorsMoved(p, place, caller))
                    .replaceWith(new PairingPlaceFound(p, place));
        })));
    }

    /** The meetings that take the pairing's place, after it changed. */
    private Uni<Void> inheritorsMoved(Pairing p, PairingPlace place, Caller caller) {
        Instant now = clock.instant();
        return Meeting.<Meeting>list("pairingId = ?1 and location is null and videoUrl is null and status in ?2", p.pairingId,
                List.of(Meeting.Status.PROPOSED, Meeting.Status.UNSCHEDULED, Meeting.Status.CONFIRMED)).chain(meetings -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Meeting m : meetings) {
                m.sequence++;
                m.updatedAt = now;
                m.updatedBy = caller.id();
                if (m.status == Meeting.Status.CONFIRMED && m.startsAt.isAfter(now)) {
                    chain = chain.chain(() -> events.placeChanged(m, p, place, caller.id()));
                }
            }
            return chain;
        });
    }

    /**
     * Sets a meeting's own place (If-Match: the meeting's ETag); an empty place makes it take its pairing's again. A
     * different place raises SEQUENCE; a confirmed meeting still ahead is announced (MeetingRescheduled at the same time
     * with the new place).
     */
    @WithTransaction
    public Uni<Found> setMeetingPlace(UUID meetingId, Caller caller, String location, String videoUrl, IfMatch ifMatch) {
        return Uni.createFrom().item(() -> Place.typed(location, videoUrl)).chain(wanted -> find(meetingId, caller)
                .call(MeetingService::active).chain(found -> {
            Meeting m = found.meeting();
            ifMatch.existing(m.version);
            if (m.status == Meeting.Status.CANCELLED || m.status == Meeting.Status.HELD) {
                return Uni.createFrom().failure(ProblemException.conflict("This meeting is " + m.status.name().toLowerCase() + "."));
            }
            Place before = found.place();
            m.location = wanted.location();
            m.videoUrl = wanted.videoUrl();
            Place after = found.place();
            if (before.sameAs(after)) {
                return Uni.createFrom().item(found);
            }
            m.sequence++;
            touch(found, caller);
            return (m.status == Meeting.Status.CONFIRMED && m.startsAt.isAfter(clock.instant())
                    ? events.placeChanged(m, found.pairing(), found.pairingPlace(), caller.id())
                    : Uni.createFrom().voidItem()).replaceWith(found);
        }));
    }

    private Uni<Found> schedule(Found found, Caller caller, Instant startsAt, int duration) {
        Meeting m = found.meeting();
        m.startsAt = startsAt;
        m.durationMinutes = duration;
        m.status = Meeting.Status.CONFIRMED;
        m.sequence++;
        m.note = null;
        touch(found, caller);
        return planReminders(m).chain(() -> events.meeting(MeetingEvent.SCHEDULED, m, found.pairing(), caller.id(), null, null, null))
                .replaceWith(found);
    }

    private void touch(Found found, Caller caller) {
        Instant now = clock.instant();
        found.meeting().updatedAt = now;
        found.meeting().updatedBy = caller.id();
        if (found.pairing().hasMember(caller.id())) {
            found.pairing().lastActivityAt = now;
        }
    }

    /** Reminders of a confirmed meeting: both members the day before; an author mentee's draft a few days before. */
    Uni<Void> planReminders(Meeting m) {
        Instant now = clock.instant();
        return cancelReminders(m.id).chain(() -> {
            List<Reminder> reminders = new ArrayList<>();
            reminders.add(reminder(m, Reminder.Kind.MEETING, config.reminderLead(), now));
            if (m.kind == Meeting.Kind.MENTORING) {
                reminders.add(reminder(m, Reminder.Kind.DRAFT, config.draftLead(), now));
            }
            List<Reminder> ahead = reminders.stream().filter(r -> r.dueAt.isAfter(now)).toList();
            return ahead.isEmpty() ? Uni.createFrom().voidItem() : Reminder.persist(ahead);
        });
    }

    private static Reminder reminder(Meeting m, Reminder.Kind kind, Duration lead, Instant now) {
        Reminder r = new Reminder();
        r.id = UUID.randomUUID();
        r.kind = kind;
        r.meetingId = m.id;
        r.lead = lead.toString();
        r.dueAt = m.startsAt;
        Instant fire = m.startsAt.minus(lead);
        r.fireAt = fire.isBefore(now) ? now : fire;
        r.status = Reminder.Status.PENDING;
        return r;
    }

    private Uni<Void> cancelReminders(UUID meetingId) {
        return Reminder.update("status = ?1, settledAt = ?2 where meetingId = ?3 and status = ?4", Reminder.Status.CANCELLED,
                clock.instant(), meetingId, Reminder.Status.PENDING).replaceWithVoid();
    }

    private Uni<Found> find(UUID meetingId, Caller caller) {
        return Meeting.<Meeting>findById(meetingId).chain(m -> m == null
                ? Uni.createFrom().failure(notFound(meetingId))
                : Pairing.<Pairing>findById(m.pairingId).chain(p -> mayAct(p, caller).chain(may -> may
                        ? PairingPlace.<PairingPlace>findById(m.pairingId).map(place -> new Found(m, p, place))
                        : Uni.createFrom().failure(notFound(meetingId)))));
    }

    /** A pairing of the caller's own: its members only. */
    private static Uni<Pairing> member(UUID pairingId, Caller caller) {
        return Pairing.<Pairing>findById(pairingId).chain(p -> p != null && p.hasMember(caller.id())
                ? Uni.createFrom().item(p)
                : Uni.createFrom().failure(ProblemException.notFound("You are in no pairing " + pairingId + ".")));
    }

    private static Uni<Pairing> pairing(UUID pairingId, Caller caller) {
        return Pairing.<Pairing>findById(pairingId).chain(p -> mayAct(p, caller).chain(may -> may
                ? Uni.createFrom().item(p)
                : Uni.createFrom().failure(ProblemException.notFound("You are in no pairing " + pairingId + "."))));
    }

    /** Frozen: the meetings of a pairing that ended or was dissolved can no longer be confirmed or moved (409). */
    private static Uni<Void> active(Found found) {
        return found.pairing().status == Pairing.Status.ACTIVE ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.conflict(
                        "This pairing has ended: its meetings can no longer be confirmed or moved."));
    }

    /** A member of the pairing, or an organizer of its program. */
    private static Uni<Boolean> mayAct(Pairing p, Caller caller) {
        if (p == null) {
            return Uni.createFrom().item(false);
        }
        if (p.hasMember(caller.id())) {
            return Uni.createFrom().item(true);
        }
        return StaffMember.of(p.programId, caller.id()).map(m -> m != null && m.has(Grant.ORGANIZER));
    }

    private static ProblemException notFound(UUID meetingId) {
        return ProblemException.notFound("There is no meeting " + meetingId + " of yours.");
    }
}
