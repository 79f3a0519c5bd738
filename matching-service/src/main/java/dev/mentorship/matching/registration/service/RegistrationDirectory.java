package dev.mentorship.matching.registration.service;

import dev.mentorship.matching.messaging.ParticipantEvents;
import dev.mentorship.matching.messaging.ParticipantEvents.Participant;
import dev.mentorship.matching.messaging.ParticipantEvents.ParticipantErased;
import dev.mentorship.matching.messaging.ParticipantEvents.ParticipantRegistered;
import dev.mentorship.matching.messaging.ParticipantEvents.ParticipantUpdated;
import dev.mentorship.matching.messaging.ParticipantEvents.ParticipantWithdrawn;
import dev.mentorship.runtime.idempotency.IdempotentRequest;
import dev.mentorship.runtime.outbox.OutboxEvent;
import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.pairing.WaitlistEntry;
import dev.mentorship.matching.pairing.service.Pairings;
import dev.mentorship.matching.persistence.JsonColumns;
import dev.mentorship.matching.registration.MenteePriority;
import dev.mentorship.matching.registration.Registration;
import dev.mentorship.matching.run.MatchingRun;
import dev.mentorship.matching.run.PairConstraint;
import dev.mentorship.matching.run.RunProposal;
import dev.mentorship.matching.run.RunUnmatched;
import dev.mentorship.matching.run.service.RollingMatcher;
import dev.mentorship.matching.track.Track;
import dev.mentorship.matching.track.TrackPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The registrations, kept from participant-service's events, and what follows from them once a track has been
 * published: a new mentee is matched or waitlisted, a new mentor (or freed room) takes mentees from the waitlist,
 * a withdrawal or an erasure ends the person's pairings and sends their partners back to matching. Called inside
 * the consumer's transaction.
 */
@ApplicationScoped
public class RegistrationDirectory {

    private static final Logger LOG = Logger.getLogger(RegistrationDirectory.class);

    private final Pairings pairings;
    private final RollingMatcher rolling;
    private final Clock clock;

    public RegistrationDirectory(Pairings pairings, RollingMatcher rolling, Clock clock) {
        this.pairings = pairings;
        this.rolling = rolling;
        this.clock = clock;
    }

    public Uni<Void> onRegistered(ParticipantRegistered event) {
        // the track's row first, as publishing and rolling matching take it: one lock order, no deadlock
        return Track.lock(event.registration().trackId())
                .chain(() -> upsert(event.participantId(), event.participant(), event.registration())
                .chain(r -> r.status != Registration.Status.ACTIVE ? Uni.createFrom().voidItem()
                        : r.role == Registration.Role.MENTEE ? rolling.menteeArrived(r.trackId, r.registrationId)
                        : rolling.capacityFreed(r.trackId)));
    }

    /**
     * The person's profile goes to all their registrations; each registration the event carries is taken as it is now
     * (answers, capacity, priority, also on the waitlist); one it does not carry is left as it is.
     */
    public Uni<Void> onUpdated(ParticipantUpdated event) {
        UUID participantId = event.participantId();
        Participant person = event.participant();
        Set<UUID> tracks = new LinkedHashSet<>();
        // the tracks' rows first (one lock order with publishing and rolling matching)
        Uni<Void> locks = Uni.createFrom().voidItem();
        for (ParticipantEvents.Registration registration : event.registrations()) {
            locks = locks.chain(() -> Track.lock(registration.trackId())).replaceWithVoid();
        }
        Uni<Void> chain = locks.chain(() -> Registration.update("name = ?1, email = ?2, affiliation = ?3, timeZone = ?4, updatedAt = ?5 where participantId = ?6",
                person.name(), person.email(), person.affiliation(), person.timeZone(), clock.instant(), participantId)).replaceWithVoid();
        for (ParticipantEvents.Registration registration : event.registrations()) {
            chain = chain.chain(() -> upsert(participantId, person, registration).chain(r -> {
                tracks.add(r.trackId);
                return WaitlistEntry.update("priority = ?1 where menteeRegistrationId = ?2", r.priority, r.registrationId)
                        .replaceWithVoid();
            }));
        }
        // answers, capacity or priority may have changed: give the waitlist its chance
        return chain.chain(() -> each(new ArrayList<>(tracks), rolling::capacityFreed));
    }

    /**
     * A mentee registration's waitlist priority (internal topic): kept apart from the registration, which may arrive
     * later on its own topic, and applied to the registration and its waitlist entry where they exist.
     */
    public Uni<Void> onPriority(ParticipantEvents.WaitlistPriorityChanged event) {
        UUID id = event.registrationId();
        return Track.lock(event.trackId())
                .chain(() -> MenteePriority.<MenteePriority>findById(id)).chain(known -> {
                    MenteePriority p = known != null ? known : new MenteePriority();
                    p.registrationId = id;
                    p.priority = event.priority();
                    p.changedAt = clock.instant();
                    return known != null ? Uni.createFrom().voidItem() : p.persist().replaceWithVoid();
                })
                .chain(() -> Registration.update("priority = ?1 where registrationId = ?2", event.priority(), id))
                .chain(() -> WaitlistEntry.update("priority = ?1 where menteeRegistrationId = ?2", event.priority(), id))
                .replaceWithVoid();
    }

    public Uni<Void> onWithdrawn(ParticipantWithdrawn event) {
        UUID registrationId = event.registrationId();
        return Track.lock(event.trackId())
                .chain(() -> Registration.<Registration>findById(registrationId)).chain(r -> {
            if (r == null || r.status == Registration.Status.WITHDRAWN) {
                return Uni.createFrom().voidItem();
            }
            r.status = Registration.Status.WITHDRAWN;
            r.updatedAt = clock.instant();
            return WaitlistEntry.delete("menteeRegistrationId", registrationId)
                    .chain(() -> end(List.of(r), Pairing.Ended.WITHDRAWN));
        });
    }

    public Uni<Void> onErased(ParticipantErased event) {
        UUID participantId = event.participantId();
        // events that named them go first, sent or not: the person is gone (PairingCreated carries names and emails)
        return OutboxEvent.delete("payload like ?1", "%" + participantId + "%")
                // so do the answers kept for idempotency keys that name them (a matching run lists its mentees)
                .chain(() -> IdempotentRequest.forget(participantId))
                .chain(() -> Registration.<Registration>list("participantId", participantId)).chain(registrations -> {
            List<UUID> ids = registrations.stream().map(r -> r.registrationId).toList();
            registrations.forEach(r -> r.status = Registration.Status.WITHDRAWN);
            Uni<Void> chain = end(registrations, Pairing.Ended.ERASED);
            if (!ids.isEmpty()) {
                chain = chain.chain(() -> WaitlistEntry.delete("menteeRegistrationId in ?1", ids))
                        .chain(() -> PairConstraint.delete("menteeRegistrationId in ?1 or mentorRegistrationId in ?1", ids))
                        .chain(() -> RunProposal.delete("menteeRegistrationId in ?1 or mentorRegistrationId in ?1", ids))
                        .chain(() -> RunUnmatched.delete("menteeRegistrationId in ?1", ids))
                        .chain(() -> MenteePriority.delete("registrationId in ?1", ids))
                        .replaceWithVoid();
            }
            return chain.chain(() -> Pairing.delete("mentorId = ?1 or menteeId = ?1", participantId))
                    // what they did as an organizer stays, no longer naming them (the audit log has their pseudonym)
                    .chain(() -> MatchingRun.update("createdBy = null where createdBy = ?1", participantId))
                    .chain(() -> PairConstraint.update("createdBy = null where createdBy = ?1", participantId))
                    .chain(() -> TrackPolicy.update("updatedBy = null where updatedBy = ?1", participantId))
                    .chain(() -> Registration.delete("participantId", participantId))
                    .invoke(count -> LOG.infof("Erased participant %s from matching", participantId))
                    .replaceWithVoid();
        });
    }

    /** Ends the active pairings of these registrations; partners go back to matching, mentors' room to the waitlist. */
    private Uni<Void> end(List<Registration> registrations, Pairing.Ended reason) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Registration r : registrations) {
            chain = chain.chain(() -> Track.<Track>findById(r.trackId).chain(track -> Pairing.<Pairing>list(
                            "status = ?1 and (mentorRegistrationId = ?2 or menteeRegistrationId = ?2)", Pairing.Status.ACTIVE, r.registrationId)
                    .chain(active -> {
                        Uni<Void> ended = Uni.createFrom().voidItem();
                        List<UUID> partners = new ArrayList<>();
                        for (Pairing p : active) {
                            ended = ended.chain(() -> pairings.dissolve(track, p, reason, null)).replaceWithVoid();
                            if (r.role == Registration.Role.MENTOR) {
                                partners.add(p.menteeRegistrationId);
                            }
                        }
                        if (track == null) {
                            return ended;
                        }
                        return ended.chain(() -> each(partners, mentee -> rolling.menteeArrived(r.trackId, mentee)))
                                .chain(() -> r.role == Registration.Role.MENTEE && !active.isEmpty()
                                        ? rolling.capacityFreed(r.trackId) : Uni.createFrom().voidItem());
                    })));
        }
        return chain;
    }

    private Uni<Registration> upsert(UUID participantId, Participant person, ParticipantEvents.Registration registration) {
        UUID id = registration.registrationId();
        return Registration.<Registration>findById(id).chain(existing -> MenteePriority.<MenteePriority>findById(id).chain(priority -> {
            Registration r = existing != null ? existing : new Registration();
            r.priority = priority != null && priority.priority;
            r.registrationId = id;
            r.participantId = participantId;
            r.programId = registration.programId();
            r.trackId = registration.trackId();
            r.trackKind = Track.Kind.valueOf(registration.trackKind());
            r.role = Registration.Role.valueOf(registration.role());
            r.status = Registration.Status.valueOf(registration.status());
            r.late = registration.late();
            r.capacity = registration.capacity();
            r.name = person.name();
            r.email = person.email();
            r.affiliation = person.affiliation();
            r.timeZone = person.timeZone();
            ParticipantEvents.Answers answers = registration.answers();
            List<String> keywords = new ArrayList<>(person.interests());
            keywords.addAll(answers.expertise());
            keywords.addAll(answers.areas());
            r.keywords = keywords;
            r.freeText = String.join(" ", person.interestsText(), answers.paperTitle(), answers.paperSummary()).strip();
            r.topics = new ArrayList<>(answers.topics());
            List<JsonColumns.Interval> intervals = new ArrayList<>();
            for (ParticipantEvents.UtcInterval interval : registration.oneOnOneAvailabilityUtc()) {
                intervals.add(new JsonColumns.Interval(interval.startsAt().getEpochSecond(), interval.endsAt().getEpochSecond()));
            }
            r.availabilityUtc = intervals;
            r.registeredAt = registration.registeredAt();
            r.updatedAt = clock.instant();
            return existing != null ? Uni.createFrom().item(r) : r.<Registration>persist();
        }));
    }

    private static Uni<Void> each(List<UUID> ids, Function<UUID, Uni<Void>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : ids) {
            chain = chain.chain(() -> action.apply(id));
        }
        return chain;
    }
}
