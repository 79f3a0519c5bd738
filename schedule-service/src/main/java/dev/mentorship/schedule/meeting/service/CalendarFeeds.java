package dev.mentorship.schedule.meeting.service;

import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.text.ICalendar;
import dev.mentorship.schedule.groupsession.GroupSession;
import dev.mentorship.schedule.groupsession.GroupSessionCalendar;
import dev.mentorship.schedule.groupsession.GroupSessionSeat;
import dev.mentorship.schedule.meeting.CalendarFeed;
import dev.mentorship.schedule.meeting.Meeting;
import dev.mentorship.schedule.meeting.MeetingCalendar;
import dev.mentorship.schedule.meeting.MeetingsConfig;
import dev.mentorship.schedule.meeting.Place;
import dev.mentorship.schedule.pairing.Pairing;
import dev.mentorship.schedule.pairing.PairingPlace;
import dev.mentorship.schedule.people.Person;
import dev.mentorship.schedule.people.PersonRegistration;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.MilestoneChange;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.ProgramCalendar;
import dev.mentorship.schedule.program.Track;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each person's subscribable calendar: their meetings, the deadlines of their tracks that concern their role, and the
 * group sessions they joined.
 * Calendar apps cannot send bearer tokens, so the feed's URL carries a secret; only its SHA-256 is stored, a new
 * secret revokes the old one, and revoking deletes it.
 */
@ApplicationScoped
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MeetingsConfig config;
    private final Clock clock;

    public CalendarFeeds(MeetingsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Creates (or replaces) the person's secret; returns the feed's URL, shown once. */
    @WithTransaction
    public Uni<String> create(UUID participantId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return CalendarFeed.delete("participantId", participantId).chain(() -> {
            CalendarFeed feed = new CalendarFeed();
            feed.participantId = participantId;
            feed.tokenHash = hash(token);
            feed.createdAt = clock.instant();
            return feed.persist();
        }).replaceWith(config.publicBaseUrl() + "/me/calendar.ics?token=" + token);
    }

    @WithTransaction
    public Uni<Boolean> revoke(UUID participantId) {
        return CalendarFeed.delete("participantId", participantId).map(n -> n > 0);
    }

    @WithSession
    public Uni<String> feed(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Uni.createFrom().failure(unknown());
        }
        return CalendarFeed.<CalendarFeed>find("tokenHash", hash(token)).firstResult().chain(feed -> feed == null
                ? Uni.createFrom().failure(unknown())
                : Person.<Person>findById(feed.participantId).chain(person -> calendar(feed.participantId, person)));
    }

    private Uni<String> calendar(UUID me, Person person) {
        Instant now = clock.instant();
        StringBuilder ics = new StringBuilder();
        MeetingCalendar.begin(ics, "PUBLISH");
        ICalendar.line(ics, "X-WR-CALNAME:" + ICalendar.text("Mentorship: " + (person == null ? "my calendar" : person.name)));
        ICalendar.line(ics, "X-PUBLISHED-TTL:PT1H");
        // active pairings only: a feed drops the meetings of an ended or dissolved pairing from the subscriber's calendar
        return Pairing.<Pairing>list("(mentorId = ?1 or menteeId = ?1) and status = ?2", me, Pairing.Status.ACTIVE).chain(pairings -> {
            Map<UUID, Pairing> byId = new HashMap<>();
            pairings.forEach(p -> byId.put(p.pairingId, p));
            Uni<List<Meeting>> meetings = byId.isEmpty() ? Uni.createFrom().item(List.of())
                    : Meeting.list("pairingId in ?1 and startsAt is not null order by startsAt", new ArrayList<>(byId.keySet()));
            Uni<List<PairingPlace>> places = byId.isEmpty() ? Uni.createFrom().item(List.of())
                    : PairingPlace.list("pairingId in ?1", new ArrayList<>(byId.keySet()));
            return meetings.chain(list -> places.chain(placeList -> {
                Map<UUID, PairingPlace> placeOf = new HashMap<>();
                placeList.forEach(pp -> placeOf.put(pp.pairingId, pp));
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Meeting m : list) {
                    Pairing p = byId.get(m.pairingId);
                    Place place = Place.of(m, placeOf.get(m.pairingId));
                    chain = chain.chain(() -> Track.<Track>findById(m.trackId).chain(track -> Person.<Person>findById(p.mentorId)
                            .chain(mentor -> Person.<Person>findById(p.menteeId).invoke(mentee -> MeetingCalendar.event(ics, m, place,
                                    track == null ? "Mentorship" : track.name, mentor, mentee, config.organizerEmail(), now)))))
                            .replaceWithVoid();
                }
                return chain;
            }));
        }).chain(() -> deadlines(me, ics, now)).chain(() -> groupSessions(me, ics, now)).map(v -> {
            ICalendar.line(ics, "END:VCALENDAR");
            return ics.toString();
        });
    }

    /** The milestones of the person's tracks whose audience includes their role, of published programs. */
    private Uni<Void> deadlines(UUID me, StringBuilder ics, Instant now) {
        return PersonRegistration.<PersonRegistration>list("participantId = ?1 and status = ?2", me, PersonRegistration.Status.ACTIVE)
                .chain(registrations -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (PersonRegistration r : registrations) {
                        chain = chain.chain(() -> Program.<Program>findById(r.programId).chain(program -> program == null
                                || program.publishedAt == null ? Uni.createFrom().voidItem()
                                : Track.<Track>findById(r.trackId).chain(track -> Milestone.<Milestone>list("trackId", r.trackId)
                                .chain(milestones -> (milestones.isEmpty() ? Uni.createFrom().item(List.<MilestoneChange>of())
                                        : MilestoneChange.<MilestoneChange>list("milestoneId in ?1", milestones.stream().map(m -> m.id).toList()))
                                        .invoke(changes -> {
                                    for (Milestone m : milestones) {
                                        if (m.audience.contains(r.role)) {
                                            long moves = changes.stream().filter(c -> c.milestoneId.equals(m.id)).count();
                                            ProgramCalendar.milestone(ics, track, m, (int) moves, now);
                                        }
                                    }
                                }))).replaceWithVoid()));
                    }
                    return chain;
                });
    }

    /** The group sessions the person joined, of published programs. */
    private Uni<Void> groupSessions(UUID me, StringBuilder ics, Instant now) {
        return GroupSessionSeat.<GroupSessionSeat>list("id.participantId", me).chain(seats -> seats.isEmpty()
                ? Uni.createFrom().voidItem()
                : GroupSession.<GroupSession>list("id in ?1 and programId in (select p.id from Program p where p.status = ?2) "
                        + "order by startsAt", seats.stream().map(s -> s.id.sessionId()).toList(), Program.Status.PUBLISHED)
                .chain(sessions -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (GroupSession session : sessions) {
                        chain = chain.chain(() -> Track.<Track>findById(session.trackId).chain(track -> Milestone.<Milestone>findById(
                                session.milestoneId).invoke(milestone -> GroupSessionCalendar.event(ics, track, milestone,
                                session, config.organizerEmail(), now)))).replaceWithVoid();
                    }
                    return chain;
                }));
    }

    private static ProblemException unknown() {
        return ProblemException.notFound("No calendar has this link; it may have been revoked.");
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
