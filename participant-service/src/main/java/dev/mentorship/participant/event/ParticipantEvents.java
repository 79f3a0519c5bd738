package dev.mentorship.participant.event;

import dev.mentorship.runtime.outbox.Outbox;
import dev.mentorship.participant.profile.Participant;
import dev.mentorship.participant.registration.Registration;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** This service's events, recorded in the outbox of the current transaction. Schemas: /schemas/{Type}.v1.json. */
@ApplicationScoped
public class ParticipantEvents {

    private final Outbox outbox;
    private final Clock clock;

    public ParticipantEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> registered(Participant p, Registration r) {
        ParticipantRegistered event = new ParticipantRegistered(p.id, ParticipantData.of(p), RegistrationData.of(r, p.zone()));
        return append(ParticipantRegistered.TYPE, p.id, event);
    }

    /** The person's whole current state: profile and active registrations. */
    public Uni<Void> updated(Participant p, List<ParticipantUpdated.Change> changes) {
        return Registration.activeOf(p.id).chain(active -> append(ParticipantUpdated.TYPE, p.id,
                new ParticipantUpdated(p.id, List.copyOf(changes), ParticipantData.of(p),
                        active.stream().map(r -> RegistrationData.of(r, p.zone())).toList(), clock.instant())));
    }

    public Uni<Void> withdrawn(Registration r) {
        return append(ParticipantWithdrawn.TYPE, r.participantId, new ParticipantWithdrawn(r.participantId, r.id,
                r.programId, r.trackId, r.trackKind, r.role, r.withdrawnAt));
    }

    public Uni<Void> erased(UUID participantId) {
        String id = participantId.toString();
        return outbox.append(Topics.PARTICIPANTS, ParticipantErased.TYPE, 1, id, id,
                new ParticipantErased(participantId, clock.instant()), true).replaceWithVoid();
    }

    public Uni<Void> conductReportFiled(UUID reportId, UUID programId) {
        return outbox.append(Topics.PARTICIPANTS, ConductReportFiled.TYPE, 1, reportId.toString(),
                reportId.toString(), new ConductReportFiled(reportId, programId, clock.instant())).replaceWithVoid();
    }

    /** A mentee registration's waitlist priority, on the internal topic (keyed by the registration: in order). */
    public Uni<Void> priorityChanged(Registration r) {
        String id = r.id.toString();
        return outbox.append(Topics.CONFIDENTIAL, WaitlistPriorityChanged.TYPE, WaitlistPriorityChanged.VERSION, id, id,
                new WaitlistPriorityChanged(r.id, r.participantId, r.programId, r.trackId, r.priority, clock.instant()))
                .replaceWithVoid();
    }

    private Uni<Void> append(String type, UUID participantId, Object data) {
        String id = participantId.toString();
        return outbox.append(Topics.PARTICIPANTS, type, 1, id, id, data).replaceWithVoid();
    }
}
