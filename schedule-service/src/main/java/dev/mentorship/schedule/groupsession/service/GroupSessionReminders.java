package dev.mentorship.schedule.groupsession.service;

import dev.mentorship.runtime.outbox.Outbox;
import dev.mentorship.schedule.event.Topics;
import dev.mentorship.schedule.groupsession.GroupSession;
import dev.mentorship.schedule.groupsession.GroupSessionSeat;
import dev.mentorship.schedule.groupsession.event.GroupSessionApproaching;
import dev.mentorship.schedule.meeting.MeetingsConfig;
import dev.mentorship.schedule.people.Person;
import dev.mentorship.schedule.people.PersonRegistration;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.reminder.Reminder;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a due group-session reminder announces (called by the reminder dispatcher, inside the transaction of its SKIP
 * LOCKED claim): GroupSessionApproaching to each person who joined the session (SESSION), or to each person of the
 * milestone's audience registered in its track who has chosen no session yet (SESSION_CHOICE). A session that moved or
 * went since the reminder was planned has had it cancelled; one whose time differs anyway is skipped here.
 */
@ApplicationScoped
public class GroupSessionReminders {

    private final Outbox outbox;
    private final MeetingsConfig config;
    private final Clock clock;

    public GroupSessionReminders(Outbox outbox, MeetingsConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> announce(Reminder reminder) {
        return Milestone.<Milestone>findById(reminder.milestoneId).chain(milestone -> milestone == null
                ? Uni.createFrom().voidItem()
                : Program.<Program>findById(milestone.programId).chain(program -> Track.<Track>findById(milestone.trackId)
                .chain(track -> program == null || program.status != Program.Status.PUBLISHED || track == null
                        ? Uni.createFrom().voidItem()
                        : reminder.kind == Reminder.Kind.SESSION ? starts(reminder, program, track, milestone)
                        : choose(reminder, program, track, milestone))));
    }

    private Uni<Void> starts(Reminder reminder, Program program, Track track, Milestone milestone) {
        return GroupSession.<GroupSession>findById(reminder.groupSessionId).chain(session -> {
            if (session == null || !session.startsAt.equals(reminder.dueAt)) {
                return Uni.createFrom().voidItem();
            }
            return GroupSessionSeat.<GroupSessionSeat>list("id.sessionId", session.id).chain(seats -> tell(reminder,
                    GroupSessionApproaching.STARTS, program, track, milestone,
                    seats.stream().map(s -> s.id.participantId()).toList(), List.of(session)));
        });
    }

    private Uni<Void> choose(Reminder reminder, Program program, Track track, Milestone milestone) {
        Instant now = clock.instant();
        return GroupSession.<GroupSession>list("milestoneId", Sort.by("startsAt"), milestone.id).chain(sessions -> {
            if (sessions.isEmpty() || !sessions.get(0).startsAt.equals(reminder.dueAt)) {
                return Uni.createFrom().voidItem();
            }
            List<GroupSession> open = sessions.stream().filter(s -> s.seatsLeft() > 0 && s.startsAt.isAfter(now)).toList();
            if (open.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return GroupSessionSeat.<GroupSessionSeat>list("id.sessionId in ?1", sessions.stream().map(s -> s.id).toList())
                    .chain(seats -> PersonRegistration.<PersonRegistration>list("trackId = ?1 and status = ?2", track.id,
                                    PersonRegistration.Status.ACTIVE)
                            .chain(registrations -> {
                                Set<UUID> chosen = new java.util.HashSet<>();
                                seats.forEach(s -> chosen.add(s.id.participantId()));
                                Set<UUID> recipients = new LinkedHashSet<>();
                                for (PersonRegistration r : registrations) {
                                    if (milestone.audience.contains(r.role) && !chosen.contains(r.participantId)) {
                                        recipients.add(r.participantId);
                                    }
                                }
                                return tell(reminder, GroupSessionApproaching.CHOOSE, program, track, milestone,
                                        new ArrayList<>(recipients), open);
                            }));
        });
    }

    private Uni<Void> tell(Reminder reminder, String notice, Program program, Track track, Milestone milestone,
                           List<UUID> recipients, List<GroupSession> sessions) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID recipient : recipients) {
            chain = chain.chain(() -> Person.<Person>findById(recipient).chain(person -> outbox.append(Topics.SCHEDULE,
                    GroupSessionApproaching.TYPE, GroupSessionApproaching.VERSION, program.id.toString(),
                    sessions.size() == 1 ? sessions.get(0).id.toString() : milestone.id.toString(),
                    GroupSessionApproaching.of(reminder, notice, program, track, milestone, recipient, person, sessions,
                            config.publicBaseUrl())))).replaceWithVoid();
        }
        return chain;
    }
}
