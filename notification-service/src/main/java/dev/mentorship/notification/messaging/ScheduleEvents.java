package dev.mentorship.notification.messaging;

import dev.mentorship.runtime.messaging.Required;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this service reads of schedule-service's reminders and meeting events (topic mentorship.schedule; the
 * producer's JSON Schemas in schedule-service's {@code schemas/} and docs/asyncapi.yaml): only the fields it uses,
 * bound by {@link dev.mentorship.runtime.messaging.IncomingEvent#data(Class)}; any other field is ignored, a missing
 * required one makes the event poison. Fields the schemas require but this service has always done without (a
 * deadline's audience, a meeting's kind and number) stay optional here, with the same defaults; a deadline's
 * {@code trackName}, optional in the schema, is optional here too.
 */
public final class ScheduleEvents {

    private ScheduleEvents() {
    }

    public record DeadlineApproaching(UUID programId,
                                      @Required String programName,
                                      @Required UUID trackId,
                                      String trackName,
                                      @Required String milestoneName,
                                      List<String> audience,
                                      @Required Instant dueAt,
                                      @Required String localRendering,
                                      @Required Duration lead) {
        public static final String TYPE = "DeadlineApproaching";

        /** The roles told (MENTOR, MENTEE); none: nobody. */
        @Override
        public List<String> audience() {
            return audience == null ? List.of() : audience;
        }
    }

    /**
     * A meeting, as the four meeting events and the draft reminder carry it (one shape; which event it came with is its
     * {@link Notice}): its time, schedule-service's calendar UID and SEQUENCE, and both parties as far as they are
     * known. {@code reason}: why it was cancelled (MeetingCancelled, optional).
     */
    public record Meeting(@Required UUID meetingId,
                          UUID programId,
                          String kind,
                          Integer number,
                          @Required Instant startsAt,
                          @Required Instant endsAt,
                          @Required int sequence,
                          @Required String icsUid,
                          @Required Party mentor,
                          @Required Party mentee,
                          String reason) {
        public static final String SCHEDULED = "MeetingScheduled";
        public static final String RESCHEDULED = "MeetingRescheduled";
        public static final String CANCELLED = "MeetingCancelled";
        public static final String APPROACHING = "MeetingApproaching";
        public static final String DRAFT_REMINDER = "DraftReminder";

        /** Which meeting event told of it. */
        public enum Notice { SCHEDULED, RESCHEDULED, CANCELLED, APPROACHING }

        public static final String FEEDBACK = "FEEDBACK";
        public static final String ONE_ON_ONE = "ONE_ON_ONE";

        /** MENTORING, FEEDBACK or ONE_ON_ONE; empty when not given. */
        @Override
        public String kind() {
            return kind == null ? "" : kind;
        }

        /** Which of the pair's mentoring meetings it is; none: the first. */
        @Override
        public Integer number() {
            return number == null ? 1 : number;
        }

        /** Why it was cancelled; empty when not given. */
        @Override
        public String reason() {
            return reason == null ? "" : reason;
        }
    }

    /**
     * A party of a meeting or pairing as schedule-service knows them: the contact may be missing (null) for people it has
     * no contact of; {@code localStart} is the meeting's start in their own time zone, as they read it.
     */
    public record Party(@Required UUID participantId, String name, String email, String localStart) {

        /** Their name, or {@code fallback} when not known. */
        public String nameOr(String fallback) {
            return name == null ? fallback : name;
        }

        /** Whether mail can reach them. */
        public boolean reachable() {
            return email != null;
        }
    }

    public record PairingInactive(@Required UUID pairingId,
                                  UUID programId,
                                  @Required Party mentor,
                                  @Required Party mentee,
                                  @Required long inactiveDays) {
        public static final String TYPE = "PairingInactive";
    }
}
