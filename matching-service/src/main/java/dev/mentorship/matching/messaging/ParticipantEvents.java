package dev.mentorship.matching.messaging;

import dev.mentorship.runtime.messaging.Required;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this service reads of participant-service's events (docs/asyncapi.yaml, participant-service's
 * schemas/Participant*.v1.json): only the fields it uses, bound by
 * {@link dev.mentorship.runtime.messaging.IncomingEvent#data(Class)}; any other field is ignored, a missing
 * {@link Required} one makes the event poison, a missing optional one reads as its default (false, empty, "").
 */
public final class ParticipantEvents {

    private ParticipantEvents() {
    }

    public record ParticipantRegistered(@Required UUID participantId, @Required Participant participant,
                                        @Required Registration registration) {
        public static final String TYPE = "ParticipantRegistered";
    }

    /** The person's whole current state: their profile and their active registrations. */
    public record ParticipantUpdated(@Required UUID participantId, @Required Participant participant,
                                     @Required List<Registration> registrations) {
        public static final String TYPE = "ParticipantUpdated";
    }

    public record ParticipantWithdrawn(@Required UUID registrationId, @Required UUID trackId) {
        public static final String TYPE = "ParticipantWithdrawn";
    }

    public record ParticipantErased(@Required UUID participantId) {
        public static final String TYPE = "ParticipantErased";
    }

    /**
     * @param interests     normalised keywords
     * @param interestsText their interests in their own words
     */
    public record Participant(@Required String name, @Required String email, @Required String affiliation,
                              @Required String timeZone, List<String> interests, String interestsText) {
        public Participant {
            interests = interests == null ? List.of() : interests;
            interestsText = interestsText == null ? "" : interestsText;
        }
    }

    /**
     * @param trackKind AUTHOR, REVIEWER or CAREER
     * @param role      MENTOR or MENTEE
     * @param status    ACTIVE or WITHDRAWN
     * @param capacity  mentees a mentor can take; null for mentees
     */
    public record Registration(@Required UUID registrationId, @Required UUID programId, @Required UUID trackId,
                               @Required String trackKind, @Required String role, @Required String status,
                               Boolean late, Integer capacity, Answers answers,
                               List<UtcInterval> oneOnOneAvailabilityUtc, @Required Instant registeredAt) {
        public Registration {
            late = Boolean.TRUE.equals(late);
            answers = answers == null ? Answers.NONE : answers;
            oneOnOneAvailabilityUtc = oneOnOneAvailabilityUtc == null ? List.of() : oneOnOneAvailabilityUtc;
        }
    }

    /** The role's and track's answers; only those the track asks of the role are present. */
    public record Answers(String paperTitle, String paperSummary, List<String> expertise, List<String> areas,
                          List<String> topics) {
        static final Answers NONE = new Answers(null, null, null, null, null);

        public Answers {
            paperTitle = paperTitle == null ? "" : paperTitle;
            paperSummary = paperSummary == null ? "" : paperSummary;
            expertise = expertise == null ? List.of() : expertise;
            areas = areas == null ? List.of() : areas;
            topics = topics == null ? List.of() : topics;
        }
    }

    /** An interval of the one-on-one week in which the person is free. */
    public record UtcInterval(@Required Instant startsAt, @Required Instant endsAt) {
    }

    /**
     * INTERNAL (topic mentorship.confidential, which this service alone reads): a mentee registration's waitlist
     * priority, derived from what the person confided.
     */
    public record WaitlistPriorityChanged(@Required UUID registrationId, @Required UUID trackId, boolean priority) {
        public static final String TYPE = "WaitlistPriorityChanged";
    }
}
