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
 * deadline's audience and milestone type, a meeting's kind and number) stay optional here, with the same defaults; a deadline's
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
                                      String milestoneType,
                                      List<String> audience,
                                      @Required Instant dueAt,
                                      @Required String localRendering,
                                      @Required Duration lead) {
        public static final String TYPE = "DeadlineApproaching";

        /** The milestone type of the application deadline: its reminder goes to who may still apply. */
        public static final String APPLICATION_DEADLINE = "APPLICATION_DEADLINE";

        /** Whether this is a reminder of the application deadline ({@code milestoneType} absent: no). */
        public boolean applicationDeadline() {
            return APPLICATION_DEADLINE.equals(milestoneType);
        }

        /** The roles told (MENTOR, MENTEE); none: nobody. */
        @Override
        public List<String> audience() {
            return audience == null ? List.of() : audience;
        }
    }

    /**
     * A meeting, as the four meeting events and the draft reminder carry it (one shape; which event it came with is its
     * {@link Notice}): its time, schedule-service's calendar UID and SEQUENCE, and both parties as far as they are
     * known. {@code reason}: why it was cancelled (MeetingCancelled, optional). {@code location} and {@code videoUrl}:
     * where it takes place (optional, absent when nobody said); {@code previousStartsAt} (MeetingRescheduled): the time
     * before, the same as {@code startsAt} when only the place changed.
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
                          String reason,
                          String location,
                          String videoUrl,
                          Instant previousStartsAt) {
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

        /** The video link, only an absolute https one (schedule-service accepts no other); null otherwise. */
        @Override
        public String videoUrl() {
            return videoUrl != null && videoUrl.regionMatches(true, 0, "https://", 0, 8) ? videoUrl : null;
        }

        /** A MeetingRescheduled at the same time: only its place changed. */
        public boolean onlyPlaceChanged() {
            return previousStartsAt != null && previousStartsAt.equals(startsAt);
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

    /**
     * A group session is near, for one person ({@code recipient}; the event's localStart is the first session's start in
     * their zone). {@code notice} STARTS: a session they joined starts in {@code lead} ({@code sessions}: it); CHOOSE:
     * they have chosen none of the milestone's sessions, the first starts in {@code lead} ({@code sessions}: those with
     * seats left). Notices this service does not know give nothing.
     */
    public record GroupSessionApproaching(@Required String notice,
                                          UUID programId,
                                          @Required String programName,
                                          @Required UUID trackId,
                                          String trackName,
                                          @Required String milestoneName,
                                          @Required Duration lead,
                                          @Required Party recipient,
                                          @Required List<GroupSession> sessions) {
        public static final String TYPE = "GroupSessionApproaching";
        public static final String STARTS = "STARTS";
        public static final String CHOOSE = "CHOOSE";
    }

    /** A session of a group-session milestone: its time, length, link (only https; null: not announced), seats left. */
    public record GroupSession(@Required UUID sessionId,
                               @Required String key,
                               @Required Instant startsAt,
                               @Required Instant endsAt,
                               @Required int durationMinutes,
                               String onlineUrl,
                               Integer seatsLeft,
                               @Required String icsUid,
                               @Required int sequence) {

        /** The link, only an absolute https one (schedule-service accepts no other); null otherwise. */
        @Override
        public String onlineUrl() {
            return onlineUrl != null && onlineUrl.regionMatches(true, 0, "https://", 0, 8) ? onlineUrl : null;
        }
    }

    /**
     * A track's survey is open (once per survey): its audience (the track's active registrations in these roles) is told
     * until when, whether it is anonymous, how many questions, and where to answer. No event carries an answer.
     */
    public record SurveyOpened(@Required UUID surveyId,
                               @Required UUID programId,
                               @Required String programName,
                               @Required UUID trackId,
                               String trackKey,
                               String trackKind,
                               @Required String trackName,
                               String surveyKey,
                               @Required String title,
                               @Required boolean anonymous,
                               List<String> audience,
                               @Required int questionCount,
                               Instant opensAt,
                               @Required Instant closesAt,
                               String answerUrl) {
        public static final String TYPE = "SurveyOpened";

        /** The roles told (MENTOR, MENTEE); none: nobody. */
        @Override
        public List<String> audience() {
            return audience == null ? List.of() : audience;
        }
    }

    /** One person who has not answered a survey yet, once per lead time before it closes. */
    public record SurveyReminder(UUID reminderId,
                                 @Required UUID surveyId,
                                 @Required UUID programId,
                                 @Required String programName,
                                 @Required UUID trackId,
                                 String trackKey,
                                 String trackKind,
                                 @Required String trackName,
                                 String surveyKey,
                                 @Required String title,
                                 @Required boolean anonymous,
                                 @Required Duration lead,
                                 @Required Instant closesAt,
                                 @Required Recipient recipient,
                                 String answerUrl) {
        public static final String TYPE = "SurveyReminder";
    }

    /** A survey's recipient as schedule-service knows them (a meeting party's shape, with their time zone). */
    public record Recipient(@Required UUID participantId, String name, String email, String timeZone, String localStart) {
    }

    /** A survey's window closed and its results are frozen: the program's organizers are told (no answer in it). */
    public record SurveyClosed(@Required UUID surveyId,
                               @Required UUID programId,
                               @Required String programName,
                               @Required UUID trackId,
                               String trackKey,
                               String trackKind,
                               @Required String trackName,
                               String surveyKey,
                               @Required String title,
                               @Required boolean anonymous,
                               @Required Instant closedAt,
                               @Required int invited,
                               @Required int responded,
                               String resultsUrl) {
        public static final String TYPE = "SurveyClosed";
    }

    public record PairingInactive(@Required UUID pairingId,
                                  UUID programId,
                                  @Required Party mentor,
                                  @Required Party mentee,
                                  @Required long inactiveDays) {
        public static final String TYPE = "PairingInactive";
    }
}
