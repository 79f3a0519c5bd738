package dev.mentorship.notification.messaging;

import dev.mentorship.runtime.messaging.Required;

import java.util.UUID;

/**
 * What this service reads of matching-service's events (topic mentorship.pairings; the producer's JSON Schemas in
 * matching-service's {@code schemas/} and docs/asyncapi.yaml): only the fields it uses, bound by
 * {@link dev.mentorship.runtime.messaging.IncomingEvent#data(Class)}; any other field is ignored, a missing required
 * one makes the event poison. Fields the schemas require but this service has always done without (the explanation,
 * a member's time zone, the reason of a waitlisting or a dissolution) stay optional here.
 */
public final class PairingEvents {

    private PairingEvents() {
    }

    public record PairingCreated(@Required UUID pairingId,
                                 UUID programId,
                                 @Required UUID trackId,
                                 @Required String trackKind,
                                 @Required Member mentor,
                                 @Required Member mentee,
                                 Explanation explanation) {
        public static final String TYPE = "PairingCreated";

        /** Why the pair was proposed, for people to read; empty when not given. */
        public String why() {
            return explanation == null || explanation.summary() == null ? "" : explanation.summary();
        }
    }

    public record Explanation(String summary) {
    }

    public record MenteeWaitlisted(UUID programId,
                                   @Required UUID trackId,
                                   @Required Member mentee,
                                   String reason) {
        public static final String TYPE = "MenteeWaitlisted";

        public static final String NO_CAPACITY = "NO_CAPACITY";
    }

    public record PairingDissolved(@Required UUID pairingId,
                                   UUID programId,
                                   UUID trackId,
                                   @Required UUID mentorId,
                                   @Required UUID menteeId,
                                   String reason) {
        public static final String TYPE = "PairingDissolved";

        public static final String WITHDRAWN = "WITHDRAWN";
        public static final String ERASED = "ERASED";
    }

    /** The track's part of the program ended, and with it the pairing. */
    public record PairingEnded(@Required UUID pairingId,
                               UUID programId,
                               @Required UUID trackId,
                               @Required String trackKind,
                               @Required Member mentor,
                               @Required Member mentee) {
        public static final String TYPE = "PairingEnded";
    }

    /** A member of a pairing with the contact matching-service knows; {@code timeZone} may be missing (null). */
    public record Member(@Required UUID participantId,
                         @Required String name,
                         @Required String email,
                         String timeZone) {

        /** The member's time zone, or {@code fallback} when the event has none. */
        public String timeZoneOr(String fallback) {
            return timeZone == null ? fallback : timeZone;
        }
    }
}
