package dev.mentorship.participant.messaging;

import dev.mentorship.participant.messaging.ProgramEvents.MilestoneRescheduled;
import dev.mentorship.participant.messaging.ProgramEvents.ProgramPublished;
import dev.mentorship.participant.track.service.TrackCatalog;
import dev.mentorship.runtime.messaging.EventInbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads schedule-service's program events (topic mentorship.programs), each once, a poll's events in one transaction
 * with the changes they make ({@link EventInbox}); what cannot be processed goes to mentorship.programs.dlq. Types it does not know are
 * skipped, so that the producer may add new ones.
 */
@ApplicationScoped
public class ProgramEventsConsumer {

    private final EventInbox inbox;
    private final TrackCatalog catalog;

    public ProgramEventsConsumer(EventInbox inbox, TrackCatalog catalog) {
        this.inbox = inbox;
        this.catalog = catalog;
    }

    @Incoming("programs")
    public Uni<Void> consume(KafkaRecordBatch<String, String> records) {
        return inbox.consume(records, event -> switch (event.type()) {
            case ProgramPublished.TYPE -> catalog.onProgramPublished(event.data(ProgramPublished.class));
            case MilestoneRescheduled.TYPE -> catalog.onMilestoneRescheduled(event.data(MilestoneRescheduled.class));
            default -> EventInbox.ignored();
        });
    }
}
