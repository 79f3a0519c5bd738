package dev.mentorship.schedule.people;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorship.schedule.meeting.CalendarFeed;
import dev.mentorship.schedule.meeting.Meeting;
import dev.mentorship.schedule.meeting.service.MeetingService;
import dev.mentorship.runtime.outbox.OutboxEvent;
import dev.mentorship.schedule.pairing.Pairing;
import dev.mentorship.schedule.program.Role;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * People and their registrations, kept from participant-service's events (contact, time zone, availability; which
 * tracks and roles they are in). ParticipantErased removes the person's data here: their calendar feed, their
 * pairings' meetings (those ahead are cancelled first, so that the partner is told) and the pairings. Called inside
 * the consumer's transaction.
 */
@ApplicationScoped
public class PeopleDirectory {

    private static final Logger LOG = Logger.getLogger(PeopleDirectory.class);

    private final MeetingService meetings;
    private final Clock clock;

    public PeopleDirectory(MeetingService meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    public Uni<Void> onRegistered(JsonNode data) {
        UUID participantId = UUID.fromString(data.get("participantId").asText());
        return person(participantId, data.get("participant")).chain(() -> registration(participantId, data.get("registration")));
    }

    public Uni<Void> onUpdated(JsonNode data) {
        UUID participantId = UUID.fromString(data.get("participantId").asText());
        Uni<Void> chain = person(participantId, data.get("participant"));
        for (JsonNode registration : data.path("registrations")) {
            chain = chain.chain(() -> registration(participantId, registration));
        }
        return chain;
    }

    public Uni<Void> onWithdrawn(JsonNode data) {
        return PersonRegistration.update("status = ?1, updatedAt = ?2 where registrationId = ?3", PersonRegistration.Status.WITHDRAWN,
                clock.instant(), UUID.fromString(data.get("registrationId").asText())).replaceWithVoid();
    }

    public Uni<Void> onErased(JsonNode data) {
        UUID participantId = UUID.fromString(data.get("participantId").asText());
        // events that named them and are not needed any more go first, sent or not: the person is gone
        return OutboxEvent.delete("payload like ?1", "%" + participantId + "%")
                .chain(() -> Pairing.<Pairing>list("mentorId = ?1 or menteeId = ?1", participantId)).chain(pairings -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            List<UUID> ids = new ArrayList<>();
            for (Pairing p : pairings) {
                ids.add(p.pairingId);
                if (p.status == Pairing.Status.ACTIVE) {
                    p.status = Pairing.Status.DISSOLVED;
                    p.dissolvedAt = clock.instant();
                    chain = chain.chain(() -> meetings.cancelAheadOfErased(p, participantId));
                }
            }
            if (!ids.isEmpty()) {
                chain = chain.chain(() -> Meeting.delete("pairingId in ?1", ids))
                        .chain(() -> Pairing.delete("pairingId in ?1", ids)).replaceWithVoid();
            }
            return chain.chain(() -> CalendarFeed.delete("participantId", participantId))
                    .chain(() -> PersonRegistration.delete("participantId", participantId))
                    .chain(() -> Person.delete("participantId", participantId))
                    .invoke(() -> LOG.infof("Erased participant %s from scheduling", participantId))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> person(UUID participantId, JsonNode data) {
        return Person.<Person>findById(participantId).chain(existing -> {
            Person p = existing != null ? existing : new Person();
            p.participantId = participantId;
            p.name = data.get("name").asText();
            p.email = data.get("email").asText();
            p.timeZone = data.get("timeZone").asText();
            p.availability = data.path("availability").isArray() ? data.get("availability").toString() : "[]";
            p.updatedAt = clock.instant();
            return existing != null ? Uni.createFrom().voidItem() : p.persist().replaceWithVoid();
        });
    }

    private Uni<Void> registration(UUID participantId, JsonNode data) {
        UUID id = UUID.fromString(data.get("registrationId").asText());
        return PersonRegistration.<PersonRegistration>findById(id).chain(existing -> {
            PersonRegistration r = existing != null ? existing : new PersonRegistration();
            r.registrationId = id;
            r.participantId = participantId;
            r.programId = UUID.fromString(data.get("programId").asText());
            r.trackId = UUID.fromString(data.get("trackId").asText());
            r.role = Role.valueOf(data.get("role").asText());
            r.status = PersonRegistration.Status.valueOf(data.path("status").asText("ACTIVE"));
            StringBuilder utc = new StringBuilder("[");
            for (JsonNode interval : data.path("oneOnOneAvailabilityUtc")) {
                if (utc.length() > 1) {
                    utc.append(',');
                }
                utc.append('[').append(Instant.parse(interval.get("startsAt").asText()).getEpochSecond()).append(',')
                        .append(Instant.parse(interval.get("endsAt").asText()).getEpochSecond()).append(']');
            }
            r.oneOnOneUtc = utc.append(']').toString();
            r.updatedAt = clock.instant();
            return existing != null ? Uni.createFrom().voidItem() : r.persist().replaceWithVoid();
        });
    }
}
