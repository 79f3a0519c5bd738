package dev.mentorship.schedule.people.service;

import dev.mentorship.runtime.idempotency.IdempotentRequest;
import dev.mentorship.runtime.outbox.OutboxEvent;
import dev.mentorship.schedule.groupsession.service.GroupSessionService;
import dev.mentorship.schedule.audit.service.AuditLog;
import dev.mentorship.schedule.meeting.CalendarFeed;
import dev.mentorship.schedule.meeting.Meeting;
import dev.mentorship.schedule.messaging.ParticipantEvents.Participant;
import dev.mentorship.schedule.messaging.ParticipantEvents.ParticipantErased;
import dev.mentorship.schedule.messaging.ParticipantEvents.ParticipantRegistered;
import dev.mentorship.schedule.messaging.ParticipantEvents.ParticipantUpdated;
import dev.mentorship.schedule.messaging.ParticipantEvents.ParticipantWithdrawn;
import dev.mentorship.schedule.messaging.ParticipantEvents.Registration;
import dev.mentorship.schedule.pairing.service.PairingProjection;
import dev.mentorship.schedule.people.Person;
import dev.mentorship.schedule.people.PersonRegistration;
import dev.mentorship.schedule.program.MilestoneChange;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Role;
import dev.mentorship.schedule.program.service.StaffService;
import dev.mentorship.schedule.survey.service.SurveyLifecycle;
import dev.mentorship.runtime.limits.ActionLimits;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.UUID;

/**
 * People and their registrations, kept from participant-service's events (contact, time zone, availability; which
 * tracks and roles they are in). ParticipantErased removes the person's data here: the outbox events naming them,
 * their pairings and those pairings' meetings ({@link PairingProjection#forgetMember}), their calendar feed, their
 * registrations and the person. Called inside the consumer's transaction.
 */
@ApplicationScoped
public class PeopleDirectory {

    private static final Logger LOG = Logger.getLogger(PeopleDirectory.class);

    private final PairingProjection pairings;
    private final StaffService staff;
    private final AuditLog audit;
    private final Clock clock;

    public PeopleDirectory(PairingProjection pairings, StaffService staff, AuditLog audit, Clock clock) {
        this.staff = staff;
        this.audit = audit;
        this.pairings = pairings;
        this.clock = clock;
    }

    public Uni<Void> onRegistered(ParticipantRegistered event) {
        return person(event.participantId(), event.participant())
                .chain(() -> registration(event.participantId(), event.registration()));
    }

    public Uni<Void> onUpdated(ParticipantUpdated event) {
        UUID participantId = event.participantId();
        Uni<Void> chain = person(participantId, event.participant());
        for (Registration registration : event.registrations()) {
            chain = chain.chain(() -> registration(participantId, registration));
        }
        return chain;
    }

    public Uni<Void> onWithdrawn(ParticipantWithdrawn event) {
        return PersonRegistration.update("status = ?1, updatedAt = ?2 where registrationId = ?3", PersonRegistration.Status.WITHDRAWN,
                clock.instant(), event.registrationId()).replaceWithVoid();
    }

    public Uni<Void> onErased(ParticipantErased event) {
        UUID participantId = event.participantId();
        // events that named them and are not needed any more go first, sent or not: the person is gone
        return OutboxEvent.delete("payload like ?1", "%" + participantId + "%")
                // and the answers kept for their idempotency keys (the programs they created)
                .chain(() -> IdempotentRequest.forget(participantId))
                // and how often they did what is limited
                .chain(() -> ActionLimits.forget(participantId))
                .chain(() -> pairings.forgetMember(participantId))
                .chain(() -> CalendarFeed.delete("participantId", participantId))
                .chain(() -> GroupSessionService.forget(participantId))
                // their answers to surveys that are not anonymous and that they answered any (anonymous answers name nobody)
                .chain(() -> SurveyLifecycle.forget(participantId))
                .chain(() -> PersonRegistration.delete("participantId", participantId))
                .chain(() -> Person.delete("participantId", participantId))
                .chain(() -> staff.onErased(participantId))
                .chain(() -> audit.onErased(participantId))
                // what they did as an organizer stays, no longer naming them (the audit log has their pseudonym)
                .chain(() -> MilestoneChange.update("changedBy = null where changedBy = ?1", participantId))
                .chain(() -> Program.update("createdBy = null where createdBy = ?1", participantId))
                .chain(() -> Meeting.update("updatedBy = null where updatedBy = ?1", participantId))
                .invoke(() -> LOG.infof("Erased participant %s from scheduling", participantId))
                .replaceWithVoid();
    }

    private Uni<Void> person(UUID participantId, Participant data) {
        return Person.<Person>findById(participantId).chain(existing -> {
            Person p = existing != null ? existing : new Person();
            p.participantId = participantId;
            p.name = data.name();
            p.email = data.email();
            p.timeZone = data.timeZone();
            p.weekly(data.availability());
            p.updatedAt = clock.instant();
            return existing != null ? Uni.createFrom().voidItem() : p.persist().replaceWithVoid();
        });
    }

    private Uni<Void> registration(UUID participantId, Registration data) {
        return PersonRegistration.<PersonRegistration>findById(data.registrationId()).chain(existing -> {
            PersonRegistration r = existing != null ? existing : new PersonRegistration();
            r.registrationId = data.registrationId();
            r.participantId = participantId;
            r.programId = data.programId();
            r.trackId = data.trackId();
            r.role = Role.valueOf(data.role());
            r.status = PersonRegistration.Status.valueOf(data.status());
            r.oneOnOne(data.oneOnOneAvailabilityUtc().stream()
                    .map(interval -> new long[] {interval.startsAt().getEpochSecond(), interval.endsAt().getEpochSecond()})
                    .toList());
            r.updatedAt = clock.instant();
            return existing != null ? Uni.createFrom().voidItem() : r.persist().replaceWithVoid();
        });
    }
}
