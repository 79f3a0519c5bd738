package dev.mentorship.schedule.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mentorship.schedule.people.WeeklyInterval;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this service reads of participant-service's events (topic mentorship.participants; the producer's JSON Schemas
 * in participant-service's {@code schemas/} and docs/asyncapi.yaml): only the fields it uses, bound by
 * {@link dev.mentorship.runtime.messaging.IncomingEvent#data(Class)}; any other field is ignored, a missing required
 * one makes the event poison. Fields the schemas require but this service has always done without (availability,
 * status, the dated one-on-one hours, the registrations of an update) stay optional here, with the same defaults.
 */
public final class ParticipantEvents {

    private ParticipantEvents() {
    }

    public record ParticipantRegistered(@JsonProperty(required = true) UUID participantId,
                                        @JsonProperty(required = true) Participant participant,
                                        @JsonProperty(required = true) Registration registration) {
        public static final String TYPE = "ParticipantRegistered";
    }

    /** The person's whole current state: profile and active registrations. */
    public record ParticipantUpdated(@JsonProperty(required = true) UUID participantId,
                                     @JsonProperty(required = true) Participant participant,
                                     List<Registration> registrations) {
        public static final String TYPE = "ParticipantUpdated";

        public List<Registration> registrations() {
            return registrations == null ? List.of() : registrations;
        }
    }

    public record ParticipantWithdrawn(@JsonProperty(required = true) UUID registrationId) {
        public static final String TYPE = "ParticipantWithdrawn";
    }

    public record ParticipantErased(@JsonProperty(required = true) UUID participantId) {
        public static final String TYPE = "ParticipantErased";
    }

    /** Contact, time zone and weekly availability (in the person's own zone). */
    public record Participant(@JsonProperty(required = true) String name,
                              @JsonProperty(required = true) String email,
                              @JsonProperty(required = true) String timeZone,
                              List<WeeklyInterval> availability) {

        public List<WeeklyInterval> availability() {
            return availability == null ? List.of() : availability;
        }
    }

    /** One registration: its track and role; {@code status} ACTIVE or WITHDRAWN (none: ACTIVE). */
    public record Registration(@JsonProperty(required = true) UUID registrationId,
                               @JsonProperty(required = true) UUID programId,
                               @JsonProperty(required = true) UUID trackId,
                               @JsonProperty(required = true) String role,
                               String status,
                               List<UtcInterval> oneOnOneAvailabilityUtc) {

        public String status() {
            return status == null ? "ACTIVE" : status;
        }

        public List<UtcInterval> oneOnOneAvailabilityUtc() {
            return oneOnOneAvailabilityUtc == null ? List.of() : oneOnOneAvailabilityUtc;
        }
    }

    /** Hours a mentee or mentor gave for the one-on-one week, as instants. */
    public record UtcInterval(@JsonProperty(required = true) Instant startsAt, @JsonProperty(required = true) Instant endsAt) {
    }
}
