package dev.mentorship.schedule.messaging;

import dev.mentorship.runtime.messaging.Required;
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

    public record ParticipantRegistered(@Required UUID participantId,
                                        @Required Participant participant,
                                        @Required Registration registration) {
        public static final String TYPE = "ParticipantRegistered";
    }

    /** The person's whole current state: profile and active registrations. */
    public record ParticipantUpdated(@Required UUID participantId,
                                     @Required Participant participant,
                                     List<Registration> registrations) {
        public static final String TYPE = "ParticipantUpdated";

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

    /** Contact, time zone and weekly availability (in the person's own zone). */
    public record Participant(@Required String name,
                              @Required String email,
                              @Required String timeZone,
                              List<WeeklyInterval> availability) {

        public List<WeeklyInterval> availability() {
            return availability == null ? List.of() : availability;
        }
    }

    /** One registration: its track and role; {@code status} ACTIVE or WITHDRAWN (none: ACTIVE). */
    public record Registration(@Required UUID registrationId,
                               @Required UUID programId,
                               @Required UUID trackId,
                               @Required String role,
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
    public record UtcInterval(@Required Instant startsAt, @Required Instant endsAt) {
    }
}
