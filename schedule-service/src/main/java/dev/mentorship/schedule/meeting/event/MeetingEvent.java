package dev.mentorship.schedule.meeting.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mentorship.schedule.meeting.Meeting;
import dev.mentorship.schedule.program.TrackKind;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of the meeting events (topic mentorship.schedule, key pairingId): MeetingScheduled, MeetingRescheduled
 * (with previousStartsAt), MeetingCancelled (with reason), MeetingApproaching and DraftReminder (with lead). Each
 * carries the meeting's place where one was said ({@code location}, {@code videoUrl}: the meeting's own, else its
 * pairing's); a MeetingRescheduled whose previousStartsAt is its startsAt tells of a new place at the same time.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeetingEvent(UUID meetingId, UUID pairingId, UUID programId, UUID trackId, TrackKind trackKind,
                           Meeting.Kind kind, int number, Instant startsAt, Instant endsAt, int durationMinutes,
                           int sequence, String icsUid, String icsUrl, Party mentor, Party mentee, UUID changedBy,
                           Instant previousStartsAt, String reason, String lead, String location, String videoUrl) {

    public static final String SCHEDULED = "MeetingScheduled";
    public static final String RESCHEDULED = "MeetingRescheduled";
    public static final String CANCELLED = "MeetingCancelled";
    public static final String APPROACHING = "MeetingApproaching";
    public static final String DRAFT_REMINDER = "DraftReminder";
}
