package dev.mentorship.matching.event;

import dev.mentorship.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * This service's events, recorded in the outbox of the current transaction, all keyed by the track so that a
 * track's pairings, waitlist and runs stay in order. Schemas: /schemas/{Type}.v1.json.
 */
@ApplicationScoped
public class MatchingEvents {

    private final Outbox outbox;

    public MatchingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> pairingCreated(PairingCreated event) {
        return append(PairingCreated.TYPE, event.trackId(), event.pairingId(), event);
    }

    /** A pairing ended; when a member was erased, the event is deleted from the outbox as soon as it is sent. */
    public Uni<Void> pairingDissolved(PairingDissolved event) {
        return outbox.append(Topics.PAIRINGS, PairingDissolved.TYPE, 1, event.trackId().toString(),
                event.pairingId().toString(), event, event.reason() == dev.mentorship.matching.pairing.Pairing.Ended.ERASED)
                .replaceWithVoid();
    }

    public Uni<Void> pairingEnded(PairingEnded event) {
        return append(PairingEnded.TYPE, event.trackId(), event.pairingId(), event);
    }

    public Uni<Void> menteeWaitlisted(MenteeWaitlisted event) {
        return append(MenteeWaitlisted.TYPE, event.trackId(), event.mentee().registrationId(), event);
    }

    public Uni<Void> runPublished(MatchingRunPublished event) {
        return append(MatchingRunPublished.TYPE, event.trackId(), event.runId(), event);
    }

    private Uni<Void> append(String type, UUID trackId, UUID subject, Object data) {
        return outbox.append(Topics.PAIRINGS, type, 1, trackId.toString(), subject.toString(), data).replaceWithVoid();
    }
}
