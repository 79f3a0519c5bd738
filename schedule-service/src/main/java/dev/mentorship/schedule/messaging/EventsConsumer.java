package dev.mentorship.schedule.messaging;

import dev.mentorship.runtime.audit.AuditRecorded;
import dev.mentorship.runtime.messaging.EventInbox;
import dev.mentorship.schedule.audit.service.AuditLog;
import dev.mentorship.schedule.messaging.PairingEvents.PairingCreated;
import dev.mentorship.schedule.messaging.PairingEvents.PairingDissolved;
import dev.mentorship.schedule.messaging.PairingEvents.PairingEnded;
import dev.mentorship.schedule.messaging.ParticipantEvents.ParticipantErased;
import dev.mentorship.schedule.messaging.ParticipantEvents.ParticipantRegistered;
import dev.mentorship.schedule.messaging.ParticipantEvents.ParticipantUpdated;
import dev.mentorship.schedule.messaging.ParticipantEvents.ParticipantWithdrawn;
import dev.mentorship.schedule.pairing.service.PairingProjection;
import dev.mentorship.schedule.people.service.PeopleDirectory;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads people from mentorship.participants and pairings from mentorship.pairings, each event once, a poll's
 * events in one transaction with the changes they make ({@link EventInbox}); what cannot be processed goes to the
 * topic's .dlq alone. Types
 * it does not know are skipped, so that the producers may add new ones.
 */
@ApplicationScoped
public class EventsConsumer {

    private final EventInbox inbox;
    private final PeopleDirectory people;
    private final PairingProjection pairings;
    private final AuditLog audit;

    public EventsConsumer(EventInbox inbox, PeopleDirectory people, PairingProjection pairings, AuditLog audit) {
        this.inbox = inbox;
        this.people = people;
        this.pairings = pairings;
        this.audit = audit;
    }

    /** Internal: every service's audit records, into each program's log. */
    @Incoming("audit")
    public Uni<Void> audit(KafkaRecordBatch<String, String> records) {
        return inbox.consume(records, event -> switch (event.type()) {
            case AuditRecorded.TYPE -> audit.onRecorded(event.data(AuditRecorded.class));
            default -> EventInbox.ignored();
        });
    }

    @Incoming("participants")
    public Uni<Void> participants(KafkaRecordBatch<String, String> records) {
        return inbox.consume(records, event -> switch (event.type()) {
            case ParticipantRegistered.TYPE -> people.onRegistered(event.data(ParticipantRegistered.class));
            case ParticipantUpdated.TYPE -> people.onUpdated(event.data(ParticipantUpdated.class));
            case ParticipantWithdrawn.TYPE -> people.onWithdrawn(event.data(ParticipantWithdrawn.class));
            case ParticipantErased.TYPE -> people.onErased(event.data(ParticipantErased.class));
            default -> EventInbox.ignored();
        });
    }

    @Incoming("pairings")
    public Uni<Void> pairings(KafkaRecordBatch<String, String> records) {
        return inbox.consume(records, event -> switch (event.type()) {
            case PairingCreated.TYPE -> pairings.onPairingCreated(event.data(PairingCreated.class));
            case PairingDissolved.TYPE -> pairings.onPairingDissolved(event.data(PairingDissolved.class));
            case PairingEnded.TYPE -> pairings.onPairingEnded(event.data(PairingEnded.class));
            default -> EventInbox.ignored();
        });
    }
}
