package dev.mentorship.matching.registration.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorship.runtime.outbox.OutboxEvent;
import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.pairing.WaitlistEntry;
import dev.mentorship.matching.pairing.service.Pairings;
import dev.mentorship.matching.registration.Registration;
import dev.mentorship.matching.run.PairConstraint;
import dev.mentorship.matching.run.RunProposal;
import dev.mentorship.matching.run.RunUnmatched;
import dev.mentorship.matching.run.service.RollingMatcher;
import dev.mentorship.matching.track.Track;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.mentorship.matching.track.service.TrackDirectory.Json.required;

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

    public Uni<Void> onRegistered(JsonNode data) {
        JsonNode person = required(data, "participant");
        JsonNode registration = required(data, "registration");
        // the track's row first, as publishing and rolling matching take it: one lock order, no deadlock
        return Track.lock(UUID.fromString(required(registration, "trackId").asText())).chain(() -> upsert(UUID.fromString(required(data, "participantId").asText()), person, registration)
                .chain(r -> r.status != Registration.Status.ACTIVE ? Uni.createFrom().voidItem()
                        : r.role == Registration.Role.MENTEE ? rolling.menteeArrived(r.trackId, r.registrationId)
                        : rolling.capacityFreed(r.trackId)));
    }

    public Uni<Void> onUpdated(JsonNode data) {
        UUID participantId = UUID.fromString(required(data, "participantId").asText());
        JsonNode person = required(data, "participant");
        Set<UUID> tracks = new LinkedHashSet<>();
        // the tracks' rows first (one lock order with publishing and rolling matching)
        Uni<Void> locks = Uni.createFrom().voidItem();
        for (JsonNode registration : data.path("registrations")) {
            UUID trackId = UUID.fromString(required(registration, "trackId").asText());
            locks = locks.chain(() -> Track.lock(trackId)).replaceWithVoid();
        }
        Uni<Void> chain = locks.chain(() -> Registration.update("name = ?1, email = ?2, affiliation = ?3, timeZone = ?4, updatedAt = ?5 where participantId = ?6",
                required(person, "name").asText(), required(person, "email").asText(), required(person, "affiliation").asText(),
                required(person, "timeZone").asText(), clock.instant(), participantId)).replaceWithVoid();
        for (JsonNode registration : required(data, "registrations")) {
            chain = chain.chain(() -> upsert(participantId, person, registration).chain(r -> {
                tracks.add(r.trackId);
                return WaitlistEntry.update("priority = ?1 where menteeRegistrationId = ?2", r.priority, r.registrationId)
                        .replaceWithVoid();
            }));
        }
        // answers, capacity or priority may have changed: give the waitlist its chance
        return chain.chain(() -> each(new ArrayList<>(tracks), rolling::capacityFreed));
    }

    public Uni<Void> onWithdrawn(JsonNode data) {
        UUID registrationId = UUID.fromString(required(data, "registrationId").asText());
        return Track.lock(UUID.fromString(required(data, "trackId").asText()))
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

    public Uni<Void> onErased(JsonNode data) {
        UUID participantId = UUID.fromString(required(data, "participantId").asText());
        // events that named them go first, sent or not: the person is gone (PairingCreated carries names and emails)
        return OutboxEvent.delete("payload like ?1", "%" + participantId + "%")
                .chain(() -> Registration.<Registration>list("participantId", participantId)).chain(registrations -> {
            List<UUID> ids = registrations.stream().map(r -> r.registrationId).toList();
            registrations.forEach(r -> r.status = Registration.Status.WITHDRAWN);
            Uni<Void> chain = end(registrations, Pairing.Ended.ERASED);
            if (!ids.isEmpty()) {
                chain = chain.chain(() -> WaitlistEntry.delete("menteeRegistrationId in ?1", ids))
                        .chain(() -> PairConstraint.delete("menteeRegistrationId in ?1 or mentorRegistrationId in ?1", ids))
                        .chain(() -> RunProposal.delete("menteeRegistrationId in ?1 or mentorRegistrationId in ?1", ids))
                        .chain(() -> RunUnmatched.delete("menteeRegistrationId in ?1", ids))
                        .replaceWithVoid();
            }
            return chain.chain(() -> Pairing.delete("mentorId = ?1 or menteeId = ?1", participantId))
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

    private Uni<Registration> upsert(UUID participantId, JsonNode person, JsonNode registration) {
        UUID id = UUID.fromString(required(registration, "registrationId").asText());
        return Registration.<Registration>findById(id).chain(existing -> {
            Registration r = existing != null ? existing : new Registration();
            r.registrationId = id;
            r.participantId = participantId;
            r.programId = UUID.fromString(required(registration, "programId").asText());
            r.trackId = UUID.fromString(required(registration, "trackId").asText());
            r.trackKind = Track.Kind.valueOf(required(registration, "trackKind").asText());
            r.role = Registration.Role.valueOf(required(registration, "role").asText());
            r.status = Registration.Status.valueOf(required(registration, "status").asText());
            r.late = registration.path("late").asBoolean(false);
            r.priority = registration.path("priority").asBoolean(false);
            r.capacity = registration.path("capacity").isInt() ? registration.get("capacity").asInt() : null;
            r.name = required(person, "name").asText();
            r.email = required(person, "email").asText();
            r.affiliation = required(person, "affiliation").asText();
            r.timeZone = required(person, "timeZone").asText();
            JsonNode answers = registration.path("answers");
            List<String> keywords = new ArrayList<>();
            person.path("interests").forEach(k -> keywords.add(k.asText()));
            answers.path("expertise").forEach(k -> keywords.add(k.asText()));
            answers.path("areas").forEach(k -> keywords.add(k.asText()));
            r.keywords = keywords;
            r.freeText = String.join(" ", text(person, "interestsText"), text(answers, "paperTitle"), text(answers, "paperSummary")).strip();
            List<String> topics = new ArrayList<>();
            answers.path("topics").forEach(t -> topics.add(t.asText()));
            r.topics = topics;
            List<dev.mentorship.matching.persistence.JsonColumns.Interval> intervals = new ArrayList<>();
            for (JsonNode interval : registration.path("oneOnOneAvailabilityUtc")) {
                intervals.add(new dev.mentorship.matching.persistence.JsonColumns.Interval(
                        Instant.parse(interval.get("startsAt").asText()).getEpochSecond(),
                        Instant.parse(interval.get("endsAt").asText()).getEpochSecond()));
            }
            r.availabilityUtc = intervals;
            r.registeredAt = Instant.parse(required(registration, "registeredAt").asText());
            r.updatedAt = clock.instant();
            return existing != null ? Uni.createFrom().item(r) : r.<Registration>persist();
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static Uni<Void> each(List<UUID> ids, java.util.function.Function<UUID, Uni<Void>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : ids) {
            chain = chain.chain(() -> action.apply(id));
        }
        return chain;
    }
}
