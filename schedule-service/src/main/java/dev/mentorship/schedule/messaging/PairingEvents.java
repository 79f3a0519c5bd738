package dev.mentorship.schedule.messaging;

import dev.mentorship.runtime.messaging.Required;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/**
 * What this service reads of matching-service's events (topic mentorship.pairings; the producer's JSON Schemas in
 * matching-service's {@code schemas/} and docs/asyncapi.yaml): only the fields it uses, bound by
 * {@link dev.mentorship.runtime.messaging.IncomingEvent#data(Class)}; any other field is ignored, a missing required
 * one makes the event poison.
 */
public final class PairingEvents {

    private PairingEvents() {
    }

    public record PairingCreated(@Required UUID pairingId,
                                 @Required UUID programId,
                                 @Required UUID trackId,
                                 @Required String trackKind,
                                 @Required Member mentor,
                                 @Required Member mentee) {
        public static final String TYPE = "PairingCreated";
    }

    /**
     * A member of a pairing, with the contact matching-service knows: kept for people this service has not heard of
     * from participant events yet (none: an empty name and email, time zone UTC).
     */
    public record Member(@Required UUID participantId,
                         @Required UUID registrationId,
                         String name,
                         String email,
                         String timeZone) {

        public String name() {
            return name == null ? "" : name;
        }

        public String email() {
            return email == null ? "" : email;
        }

        public String timeZone() {
            return timeZone == null ? "UTC" : timeZone;
        }
    }

    public record PairingDissolved(@Required UUID pairingId) {
        public static final String TYPE = "PairingDissolved";
    }

    /** The track's part of the program ended: the pairing is over, nothing more is scheduled for it. */
    public record PairingEnded(@Required UUID pairingId) {
        public static final String TYPE = "PairingEnded";
    }
}
