package dev.mentorship.schedule.groupsession.service;

import dev.mentorship.runtime.http.IfMatch;
import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.problem.Problem.FieldError;
import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.schedule.groupsession.GroupSession;
import dev.mentorship.schedule.groupsession.GroupSessionCalendar;
import dev.mentorship.schedule.groupsession.GroupSessionSeat;
import dev.mentorship.schedule.meeting.MeetingsConfig;
import dev.mentorship.schedule.people.PersonRegistration;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.MilestoneType;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Role;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.program.service.ProgramRules;
import dev.mentorship.schedule.reminder.service.ReminderPlanner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A group-session milestone's sessions: the people of its track choose one or more (a seat each, never more seats taken
 * than the session holds, however many ask at once: the seat count changes only by a conditional update), each session
 * has its calendar file, and organizers add or change sessions on a program that exists (the 2025 "date TBA").
 */
@ApplicationScoped
public class GroupSessionService {

    /** A session as one person sees it: whether they joined it. */
    public record Offer(Milestone milestone, GroupSession session, boolean joined) {
    }

    /** A join: the session as it is now, and whether this request took the seat (false: it was theirs already). */
    public record Joined(Offer offer, boolean created) {
    }

    /** An organizer's change: the session as it is now, what it was before (null: new). */
    public record Changed(GroupSession session, Map<String, Object> before) {
    }

    private final ReminderPlanner reminders;
    private final MeetingsConfig config;
    private final Clock clock;

    public GroupSessionService(ReminderPlanner reminders, MeetingsConfig config, Clock clock) {
        this.reminders = reminders;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The sessions of a track's group-session milestones, soonest first, for the people registered in the track and for
     * its program's organizers ({@code organizer}); anyone else: 404, as if the track did not exist.
     */
    @WithSession
    public Uni<List<Offer>> offers(UUID programId, UUID trackId, UUID me, boolean organizer) {
        return track(programId, trackId, me, organizer).chain(track -> GroupSession.<GroupSession>list("trackId",
                        Sort.by("startsAt").and("position"), trackId)
                .chain(sessions -> offers(sessions, me)));
    }

    /** The sessions the person joined, soonest first, of published programs. */
    @WithSession
    public Uni<List<Offer>> mine(UUID me) {
        return GroupSessionSeat.<GroupSessionSeat>list("id.participantId", me).chain(seats -> seats.isEmpty()
                ? Uni.createFrom().item(List.<Offer>of())
                : GroupSession.<GroupSession>list("id in ?1 and programId in (select p.id from Program p where p.status = ?2) "
                                + "order by startsAt", seats.stream().map(s -> s.id.sessionId()).toList(), Program.Status.PUBLISHED)
                .chain(sessions -> offers(sessions, me)));
    }

    /** A session's calendar file, for those who may see the track's sessions. */
    @WithSession
    public Uni<String> ics(UUID programId, UUID trackId, UUID sessionId, UUID me, boolean organizer) {
        return track(programId, trackId, me, organizer).chain(track -> GroupSession.<GroupSession>findById(sessionId)
                .chain(session -> session == null || !session.trackId.equals(trackId)
                        ? Uni.createFrom().failure(noSession(sessionId))
                        : Milestone.<Milestone>findById(session.milestoneId).map(milestone -> GroupSessionCalendar.single(
                        track, milestone, session, config.organizerEmail(), clock.instant()))));
    }

    /**
     * Takes a seat in a session for a person registered in its track with a role of its milestone's audience
     * (idempotent: a seat they hold already is answered as it is). A person may hold seats in several sessions. 409 when
     * the session is full or has started; 404 for anyone who is not of its audience.
     */
    @WithTransaction
    public Uni<Joined> join(UUID sessionId, UUID me) {
        return seatable(sessionId, me).chain(found -> {
            GroupSession session = found.session();
            Instant now = clock.instant();
            return Panache.getSession().chain(db -> db.createNativeQuery(
                                    "insert into group_session_seat (session_id, participant_id, chosen_at) values (:session, :person, :at) "
                                            + "on conflict do nothing")
                            .setParameter("session", sessionId).setParameter("person", me).setParameter("at", now)
                            .executeUpdate()
                            .chain(inserted -> {
                                if (inserted == 0) {
                                    return Uni.createFrom().item(false);
                                }
                                if (!session.startsAt.isAfter(now)) {
                                    return Uni.createFrom().failure(ProblemException.conflict(
                                            "The session " + session.key + " started at " + session.startsAt + ": it cannot be joined any more."));
                                }
                                // the seat counts only if one is left: a conditional update, atomic under concurrent joins
                                return db.createNativeQuery("update group_session set seats_taken = seats_taken + 1 "
                                                + "where id = :session and seats_taken < capacity")
                                        .setParameter("session", sessionId).executeUpdate()
                                        .chain(updated -> updated == 1 ? Uni.createFrom().item(true)
                                                : Uni.createFrom().failure(ProblemException.conflict("The session " + session.key
                                                + " is full (" + session.capacity + " seats); choose another session.")));
                            })
                            // the seat count as committed with this join (the entity is not written by flushes)
                            .call(() -> db.createNativeQuery("select seats_taken from group_session where id = :session", Integer.class)
                                    .setParameter("session", sessionId).getSingleResult()
                                    .invoke(taken -> session.seatsTaken = taken)))
                    .map(created -> new Joined(new Offer(found.milestone(), session, true), created));
        });
    }

    /** Gives up a seat; 404 when the person holds none in that session (or may not see it). */
    @WithTransaction
    public Uni<Void> leave(UUID sessionId, UUID me) {
        return Panache.getSession().chain(db -> db.createNativeQuery(
                        "delete from group_session_seat where session_id = :session and participant_id = :person")
                .setParameter("session", sessionId).setParameter("person", me).executeUpdate()
                .chain(deleted -> deleted == 0
                        ? Uni.createFrom().failure(ProblemException.notFound("You hold no seat in group session " + sessionId + "."))
                        : db.createNativeQuery("update group_session set seats_taken = seats_taken - 1 where id = :session")
                        .setParameter("session", sessionId).executeUpdate().replaceWithVoid()));
    }

    /** An erased person's seats go, each giving its seat back; call inside the erasure's transaction. */
    public static Uni<Void> forget(UUID participantId) {
        return Panache.getSession().chain(db -> db.createNativeQuery(
                                "update group_session set seats_taken = seats_taken - 1 where id in "
                                        + "(select session_id from group_session_seat where participant_id = :person)")
                        .setParameter("person", participantId).executeUpdate()
                        .chain(() -> db.createNativeQuery("delete from group_session_seat where participant_id = :person")
                                .setParameter("person", participantId).executeUpdate()))
                .replaceWithVoid();
    }

    /**
     * A group-session milestone moved from {@code oldDate} to its date now: its sessions move with it by as many days, at
     * the same local time in the milestone's zone, each with its SEQUENCE raised (calendars update the event). Call inside
     * the move's transaction, before its reminders are replanned.
     */
    public static Uni<Void> follow(Milestone milestone, java.time.LocalDate oldDate) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(oldDate, milestone.date);
        if (milestone.type != MilestoneType.GROUP_SESSION || days == 0) {
            return Uni.createFrom().voidItem();
        }
        java.time.ZoneId zone = dev.mentorship.schedule.program.ProgramTime.zone(milestone.timeZone);
        return GroupSession.<GroupSession>list("milestoneId", milestone.id).invoke(sessions -> sessions.forEach(session -> {
            session.startsAt = session.startsAt.atZone(zone).plusDays(days).toInstant();
            session.sequence++;
        })).chain(() -> Panache.flush());
    }

    /** A session of a milestone, for its program's organizers (the resource checks the grant), with its version. */
    @WithSession
    public Uni<GroupSession> session(UUID programId, UUID trackId, UUID milestoneId, String key) {
        return groupMilestone(programId, trackId, milestoneId).chain(m -> GroupSession.<GroupSession>find(
                "milestoneId = ?1 and key = ?2", milestoneId, key).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No session " + key + " in milestone " + milestoneId + ".")));
    }

    /**
     * Adds or changes a session of a group-session milestone (organizers; inside the audited command's transaction):
     * If-Match names the version it changes, none for a new one. Its capacity cannot go below the seats taken. A change
     * of time, length or link raises its SEQUENCE; a published program's reminders follow.
     */
    public Uni<Changed> set(UUID programId, UUID trackId, UUID milestoneId, String key, Instant startsAt,
                            int durationMinutes, String onlineUrl, int capacity, IfMatch ifMatch) {
        return groupMilestone(programId, trackId, milestoneId).chain(milestone -> {
            List<FieldError> errors = ProgramRules.sessionErrors(milestone, startsAt, durationMinutes, onlineUrl, capacity, "");
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(new InvalidRequestException(errors));
            }
            // locked, so that no join changes the seats taken between the check below and the commit
            return GroupSession.<GroupSession>find("milestoneId = ?1 and key = ?2", milestoneId, key)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                    .chain(existing -> GroupSession.count("milestoneId", milestoneId).chain(count -> {
                        Map<String, Object> before = null;
                        GroupSession session = existing;
                        if (session == null) {
                            ifMatch.absent();
                            session = new GroupSession();
                            session.id = UUID.randomUUID();
                            session.programId = programId;
                            session.trackId = trackId;
                            session.milestoneId = milestoneId;
                            session.key = key;
                            session.position = count.intValue();
                        } else {
                            ifMatch.existing(session.version);
                            if (capacity < session.seatsTaken) {
                                return Uni.createFrom().failure(ProblemException.conflict("The session " + key + " has "
                                        + session.seatsTaken + " seats taken: its capacity cannot go below that."));
                            }
                            before = describe(session);
                            boolean calendarChange = !session.startsAt.equals(startsAt) || session.durationMinutes != durationMinutes
                                    || !Objects.equals(session.onlineUrl, ProgramRules.onlineUrl(onlineUrl));
                            if (calendarChange) {
                                session.sequence++;
                            }
                        }
                        session.set(startsAt, durationMinutes, onlineUrl, capacity);
                        GroupSession saved = session;
                        Map<String, Object> was = before;
                        return saved.<GroupSession>persistAndFlush()
                                .chain(() -> replanIfPublished(milestone))
                                .replaceWith(() -> new Changed(saved, was));
                    }));
        });
    }

    /** Removes a session nobody joined (409 otherwise: they would lose their seat unannounced). */
    public Uni<Changed> remove(UUID programId, UUID trackId, UUID milestoneId, String key) {
        return groupMilestone(programId, trackId, milestoneId).chain(milestone -> GroupSession.<GroupSession>find(
                        "milestoneId = ?1 and key = ?2", milestoneId, key).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(session -> {
                    if (session == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("No session " + key + " in milestone " + milestoneId + "."));
                    }
                    if (session.seatsTaken > 0) {
                        return Uni.createFrom().failure(ProblemException.conflict("The session " + key + " has " + session.seatsTaken
                                + " seats taken: change it instead, or ask its people to choose another session first."));
                    }
                    Map<String, Object> before = describe(session);
                    return session.delete().chain(() -> Panache.flush())
                            .chain(() -> replanIfPublished(milestone))
                            .replaceWith(() -> new Changed(session, before));
                }));
    }

    public static Map<String, Object> describe(GroupSession session) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("startsAt", String.valueOf(session.startsAt));
        described.put("durationMinutes", session.durationMinutes);
        described.put("onlineUrl", String.valueOf(session.onlineUrl));
        described.put("capacity", session.capacity);
        return described;
    }

    private Uni<Void> replanIfPublished(Milestone milestone) {
        return Program.<Program>findById(milestone.programId).chain(program -> program.status == Program.Status.PUBLISHED
                ? reminders.replan(milestone).replaceWithVoid() : Uni.createFrom().voidItem());
    }

    private Uni<Milestone> groupMilestone(UUID programId, UUID trackId, UUID milestoneId) {
        return Milestone.<Milestone>findById(milestoneId).chain(milestone -> {
            if (milestone == null || !milestone.programId.equals(programId) || !milestone.trackId.equals(trackId)) {
                return Uni.createFrom().failure(ProblemException.notFound("No milestone " + milestoneId + " in track " + trackId + "."));
            }
            if (milestone.type != MilestoneType.GROUP_SESSION) {
                return Uni.createFrom().failure(ProblemException.conflict("Only a GROUP_SESSION milestone has sessions; "
                        + milestone.name + " is " + milestone.type + "."));
            }
            return Uni.createFrom().item(milestone);
        });
    }

    private record Seatable(GroupSession session, Milestone milestone) {
    }

    /** The session, if the person may join it: published program, registered in its track with a role of its audience. */
    private Uni<Seatable> seatable(UUID sessionId, UUID me) {
        return GroupSession.<GroupSession>findById(sessionId).chain(session -> session == null
                ? Uni.createFrom().failure(noSession(sessionId))
                : Program.<Program>findById(session.programId).chain(program -> program == null
                || program.status != Program.Status.PUBLISHED ? Uni.createFrom().failure(noSession(sessionId))
                : Milestone.<Milestone>findById(session.milestoneId).chain(milestone -> roles(me, session.trackId)
                .chain(roles -> roles.stream().anyMatch(milestone.audience::contains)
                        ? Uni.createFrom().item(new Seatable(session, milestone))
                        : Uni.createFrom().failure(noSession(sessionId))))));
    }

    /** The track, if the program is published and the person is registered in it (organizers: any program state). */
    private Uni<Track> track(UUID programId, UUID trackId, UUID me, boolean organizer) {
        ProblemException notFound = ProblemException.notFound("No track " + trackId + " of yours in program " + programId + ".");
        return Track.<Track>findById(trackId).chain(track -> track == null || !track.programId.equals(programId)
                ? Uni.createFrom().failure(notFound)
                : organizer ? Uni.createFrom().item(track)
                : Program.<Program>findById(programId).chain(program -> program == null || program.status != Program.Status.PUBLISHED
                ? Uni.createFrom().failure(notFound)
                : roles(me, trackId).chain(roles -> roles.isEmpty() ? Uni.createFrom().failure(notFound)
                : Uni.createFrom().item(track))));
    }

    private static Uni<Set<Role>> roles(UUID me, UUID trackId) {
        return PersonRegistration.<PersonRegistration>list("participantId = ?1 and trackId = ?2 and status = ?3", me, trackId,
                PersonRegistration.Status.ACTIVE).map(list -> list.stream().map(r -> r.role).collect(Collectors.toSet()));
    }

    private Uni<List<Offer>> offers(List<GroupSession> sessions, UUID me) {
        if (sessions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<UUID> milestoneIds = sessions.stream().map(s -> s.milestoneId).collect(Collectors.toSet());
        return Milestone.<Milestone>list("id in ?1", milestoneIds).chain(milestones -> GroupSessionSeat.<GroupSessionSeat>list(
                "id.participantId = ?1 and id.sessionId in ?2", me, sessions.stream().map(s -> s.id).toList()).map(seats -> {
                    Map<UUID, Milestone> byId = new HashMap<>();
                    milestones.forEach(m -> byId.put(m.id, m));
                    Set<UUID> joined = new HashSet<>();
                    seats.forEach(s -> joined.add(s.id.sessionId()));
                    return sessions.stream().map(s -> new Offer(byId.get(s.milestoneId), s, joined.contains(s.id))).toList();
                }));
    }

    private static ProblemException noSession(UUID sessionId) {
        return ProblemException.notFound("No group session " + sessionId + " for you: it is not one of a track you are registered in.");
    }
}
