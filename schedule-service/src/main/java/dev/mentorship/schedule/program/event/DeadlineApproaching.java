package dev.mentorship.schedule.program.event;

import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.MilestoneType;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Role;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.program.TrackKind;
import dev.mentorship.schedule.reminder.Reminder;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A milestone's deadline is {@code lead} away: tell its audience. Schema: DeadlineApproaching.v1.json. */
public record DeadlineApproaching(UUID reminderId, UUID programId, String programName, UUID trackId, String trackKey,
                                  TrackKind trackKind, String trackName, UUID milestoneId, String milestoneKey,
                                  String milestoneName, MilestoneType milestoneType, Set<Role> audience,
                                  Instant dueAt, Instant endsAt, String timeZone, String localRendering,
                                  String lead) {

    public static final String TYPE = "DeadlineApproaching";
    public static final int VERSION = 1;

    public static DeadlineApproaching of(Reminder reminder, Program program, Track track, Milestone milestone) {
        return new DeadlineApproaching(reminder.id, program.id, program.name, track.id, track.key, track.kind,
                track.name, milestone.id, milestone.key, milestone.name, milestone.type, milestone.audience,
                milestone.dueAt, milestone.endsAt, milestone.timeZone, milestone.rendering(), reminder.lead);
    }
}
