package dev.mentorship.schedule.program.event;

import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.MilestoneChange;
import dev.mentorship.schedule.program.MilestoneType;
import dev.mentorship.schedule.program.Role;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.program.TrackKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/** A published milestone moved (usually an extension). Schema: MilestoneRescheduled.v1.json. */
public record MilestoneRescheduled(UUID changeId, UUID programId, UUID trackId, String trackKey, TrackKind trackKind,
                                   UUID milestoneId, String milestoneKey, String milestoneName,
                                   MilestoneType milestoneType, Set<Role> audience, String timeZone,
                                   When previous, When current, String summary, String reason, Instant changedAt,
                                   Instant pairingsEndAt) {

    public static final String TYPE = "MilestoneRescheduled";
    public static final int VERSION = 1;

    /** Where the milestone was, or is now. */
    /** {@code endsAt}: the last instant of a window (the current one only; null for a point). */
    public record When(LocalDate date, LocalDate endDate, LocalTime time, Instant dueAt, String localRendering, Instant endsAt) {
    }

    /** {@code pairingsEndAt}: the end of the track's pairings after the move (whichever milestone ends them now), or null. */
    public static MilestoneRescheduled of(MilestoneChange change, Track track, Milestone milestone,
                                          String previousRendering, Instant pairingsEndAt) {
        return new MilestoneRescheduled(change.id, milestone.programId, track.id, track.key, track.kind, milestone.id,
                milestone.key, milestone.name, milestone.type, milestone.audience, milestone.timeZone,
                new When(change.oldDate, change.oldEndDate, change.oldTime, change.oldDueAt, previousRendering, null),
                new When(change.newDate, change.newEndDate, change.newTime, change.newDueAt, milestone.rendering(), milestone.endsAt),
                Changes.summary(change), change.reason, change.changedAt, pairingsEndAt);
    }
}
