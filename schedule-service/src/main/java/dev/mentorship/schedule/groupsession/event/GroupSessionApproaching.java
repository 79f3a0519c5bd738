package dev.mentorship.schedule.groupsession.event;

import dev.mentorship.schedule.groupsession.GroupSession;
import dev.mentorship.schedule.meeting.event.Party;
import dev.mentorship.schedule.people.Person;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.program.TrackKind;
import dev.mentorship.schedule.reminder.Reminder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A group session is near, told to one person (one event per recipient, so that erasing a person deletes only what
 * named them). {@code notice}: {@code STARTS}, a session they joined starts in {@code lead} ({@code sessions} holds
 * it); {@code CHOOSE}, they have chosen no session of the milestone yet and the first starts in {@code lead}
 * ({@code sessions} holds every session with seats left). Times are instants in UTC, and as the recipient reads them
 * ({@code localStart}, in their time zone). Schema: GroupSessionApproaching.v1.json.
 */
public record GroupSessionApproaching(UUID reminderId, String notice, UUID programId, String programName, UUID trackId,
                                      String trackKey, TrackKind trackKind, String trackName, UUID milestoneId,
                                      String milestoneKey, String milestoneName, String lead, Party recipient,
                                      List<Session> sessions, String chooseUrl) {

    public static final String TYPE = "GroupSessionApproaching";
    public static final int VERSION = 1;
    public static final String STARTS = "STARTS";
    public static final String CHOOSE = "CHOOSE";

    /** A session as the recipient reads it; {@code onlineUrl} null: not announced yet. */
    public record Session(UUID sessionId, String key, Instant startsAt, Instant endsAt, int durationMinutes,
                          String onlineUrl, int capacity, int seatsLeft, String localStart, String icsUid, int sequence,
                          String icsUrl) {
    }

    public static GroupSessionApproaching of(Reminder reminder, String notice, Program program, Track track,
                                             Milestone milestone, UUID recipientId, Person recipient,
                                             List<GroupSession> sessions, String publicBaseUrl) {
        String trackUrl = publicBaseUrl + "/programs/" + program.id + "/tracks/" + track.id + "/group-sessions";
        return new GroupSessionApproaching(reminder.id, notice, program.id, program.name, track.id, track.key, track.kind,
                track.name, milestone.id, milestone.key, milestone.name, reminder.lead,
                Party.of(recipientId, recipient, sessions.isEmpty() ? null : sessions.get(0).startsAt),
                sessions.stream().map(s -> new Session(s.id, s.key, s.startsAt, s.endsAt(), s.durationMinutes, s.onlineUrl,
                        s.capacity, s.seatsLeft(), Party.of(recipientId, recipient, s.startsAt).localStart(), s.uid(),
                        s.sequence, trackUrl + "/" + s.id + ".ics")).toList(),
                trackUrl);
    }
}
