package dev.mentorship.runtime.staff;

import dev.mentorship.runtime.messaging.EventInbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps this service's copy of every program's staff (topic mentorship.staff, internal), each event once,
 * a poll's events in one transaction ({@link EventInbox}). schedule-service, which owns the staff, leaves this bean out (quarkus.arc.exclude-types).
 */
@ApplicationScoped
public class StaffEventsConsumer {

    private final EventInbox inbox;
    private final StaffReplica replica;

    public StaffEventsConsumer(EventInbox inbox, StaffReplica replica) {
        this.inbox = inbox;
        this.replica = replica;
    }

    @Incoming("staff")
    public Uni<Void> consume(KafkaRecordBatch<String, String> records) {
        return inbox.consume(records, event -> switch (event.type()) {
            case ProgramStaffChanged.TYPE -> replica.apply(event.data(ProgramStaffChanged.class));
            default -> EventInbox.ignored();
        });
    }
}
