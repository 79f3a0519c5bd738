package dev.mentorship.notification.messaging;

import dev.mentorship.runtime.messaging.Required;

import java.util.List;
import java.util.UUID;

/**
 * What this service reads of participant-service's events (topic mentorship.participants; the producer's JSON Schemas
 * in participant-service's {@code schemas/} and docs/asyncapi.yaml): only the fields it uses, bound by
 * {@link dev.mentorship.runtime.messaging.IncomingEvent#data(Class)}; any other field is ignored, a missing required
 * one makes the event poison. Fields the schemas require but this service has always done without (a registration's
 * status, lateness and code-of-conduct version, the registrations of an update) stay optional here, with the same
 * defaults.
 */
public final class ParticipantEvents {

    private ParticipantEvents() {
    }

    public record ParticipantRegistered(@Required UUID participantId,
                                        @Required Participant participant,
                                        @Required Registration registration) {
        public static final String TYPE = "ParticipantRegistered";
    }

    /** The person's whole current state: contact and active registrations. */
    public record ParticipantUpdated(@Required UUID participantId,
                                     @Required Participant participant,
                                     List<Registration> registrations) {
        public static final String TYPE = "ParticipantUpdated";

        @Override
        public List<Registration> registrations() {
            return registrations == null ? List.of() : registrations;
        }
    }

    public record ParticipantWithdrawn(@Required UUID registrationId) {
        public static final String TYPE = "ParticipantWithdrawn";
    }

    public record ParticipantErased(@Required UUID participantId) {
        public static final String TYPE = "ParticipantErased";
    }

    /** A conduct report was filed: organizers are told its id, nothing of its content. */
    public record ConductReportFiled(@Required UUID reportId, UUID programId) {
        public static final String TYPE = "ConductReportFiled";
    }

    /** Contact and time zone. */
    public record Participant(@Required String name,
                              @Required String email,
                              @Required String timeZone) {
    }

    /**
     * One registration: its track and role; {@code status} ACTIVE or WITHDRAWN (none: ACTIVE); {@code late} after the
     * application deadline of a rolling track (none: not late).
     */
    public record Registration(@Required UUID registrationId,
                               @Required UUID programId,
                               @Required UUID trackId,
                               @Required String role,
                               String status,
                               Boolean late,
                               String codeOfConductVersion) {

        @Override
        public String status() {
            return status == null ? "ACTIVE" : status;
        }

        @Override
        public Boolean late() {
            return late != null && late;
        }

        @Override
        public String codeOfConductVersion() {
            return codeOfConductVersion == null ? "" : codeOfConductVersion;
        }
    }
}
