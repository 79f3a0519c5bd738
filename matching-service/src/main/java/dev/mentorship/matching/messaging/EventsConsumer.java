package dev.mentorship.matching.messaging;

import dev.mentorship.matching.messaging.ParticipantEvents.ParticipantErased;
import dev.mentorship.matching.messaging.ParticipantEvents.ParticipantRegistered;
import dev.mentorship.matching.messaging.ParticipantEvents.ParticipantUpdated;
import dev.mentorship.matching.messaging.ParticipantEvents.ParticipantWithdrawn;
import dev.mentorship.matching.messaging.ParticipantEvents.WaitlistPriorityChanged;
import dev.mentorship.matching.messaging.ProgramEvents.MilestoneRescheduled;
import dev.mentorship.matching.messaging.ProgramEvents.ProgramPublished;
import dev.mentorship.matching.registration.service.RegistrationDirectory;
import dev.mentorship.matching.track.service.TrackDirectory;
import dev.mentorship.runtime.messaging.EventInbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the events matching needs: tracks from mentorship.programs, registrations from mentorship.participants, waitlist
 * priorities from the internal mentorship.confidential.
 * Each event is handled once, a poll's events in one transaction with the changes they make and the events those
 * changes cause ({@link EventInbox}); what cannot be processed goes to the topic's .dlq alone. Types this consumer does not know are
 * skipped, so that producers may add new ones.
 */
@ApplicationScoped
public class EventsConsumer {

    private final EventInbox inbox;
    private final TrackDirectory tracks;
    private final RegistrationDirectory registrations;

    public EventsConsumer(EventInbox inbox, TrackDirectory tracks, RegistrationDirectory registrations) {
        this.inbox = inbox;
        this.tracks = tracks;
        this.registrations = registrations;
    }

    @Incoming("programs")
    public Uni<Void> programs(KafkaRecordBatch<String, String> records) {
        return inbox.consume(records, event -> switch (event.type()) {
            case ProgramPublished.TYPE -> tracks.onProgramPublished(event.data(ProgramPublished.class));
            case MilestoneRescheduled.TYPE -> tracks.onMilestoneRescheduled(event.data(MilestoneRescheduled.class));
            default -> EventInbox.ignored();
        });
    }

    /** Internal: what matching alone may know of what people confide (waitlist priority). */
    @Incoming("confidential")
    public Uni<Void> confidential(KafkaRecordBatch<String, String> records) {
        return inbox.consume(records, event -> switch (event.type()) {
            case WaitlistPriorityChanged.TYPE -> registrations.onPriority(event.data(WaitlistPriorityChanged.class));
            default -> EventInbox.ignored();
        });
    }

    @Incoming("participants")
    public Uni<Void> participants(KafkaRecordBatch<String, String> records) {
        return inbox.consume(records, event -> switch (event.type()) {
            case ParticipantRegistered.TYPE -> registrations.onRegistered(event.data(ParticipantRegistered.class));
            case ParticipantUpdated.TYPE -> registrations.onUpdated(event.data(ParticipantUpdated.class));
            case ParticipantWithdrawn.TYPE -> registrations.onWithdrawn(event.data(ParticipantWithdrawn.class));
            case ParticipantErased.TYPE -> registrations.onErased(event.data(ParticipantErased.class));
            default -> EventInbox.ignored();
        });
    }
}
