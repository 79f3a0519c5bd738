package dev.mentorship.schedule.messaging;

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

    public record PairingCreated(@JsonProperty(required = true) UUID pairingId,
                                 @JsonProperty(required = true) UUID programId,
                                 @JsonProperty(required = true) UUID trackId,
                                 @JsonProperty(required = true) String trackKind,
                                 @JsonProperty(required = true) Member mentor,
                                 @JsonProperty(required = true) Member mentee) {
        public static final String TYPE = "PairingCreated";
    }

    /**
     * A member of a pairing, with the contact matching-service knows: kept for people this service has not heard of
     * from participant events yet (none: an empty name and email, time zone UTC).
     */
    public record Member(@JsonProperty(required = true) UUID participantId,
                         @JsonProperty(required = true) UUID registrationId,
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

    public record PairingDissolved(@JsonProperty(required = true) UUID pairingId) {
        public static final String TYPE = "PairingDissolved";
    }
}
