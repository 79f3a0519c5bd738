package dev.mentorship.schedule.program.event;

import dev.mentorship.schedule.groupsession.GroupSession;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.MilestoneType;
import dev.mentorship.schedule.program.PairingsEnd;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.ProgramTime;
import dev.mentorship.schedule.program.Role;
import dev.mentorship.schedule.program.TrackKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A program was published: everything other services and other conference systems need about it, with every
 * milestone's exact instants in UTC. Schema: ProgramPublished.v1.json. The same shape serves the REST detail.
 */
public record ProgramPublished(UUID programId, String conference, String name, String description, String timeZone,
                               String frontendUrl, Instant publishedAt, CodeOfConduct codeOfConduct, List<Track> tracks) {

    public static final String TYPE = "ProgramPublished";
    public static final int VERSION = 1;

    public record CodeOfConduct(String title, String version, String url, String reportContact) {
    }

    /** Who registers, and when: opens at publication, application deadline, closes (later, for rolling tracks). */
    public record Registration(Set<Role> roles, Instant opensAt, Instant applicationDeadline, Instant closesAt,
                               boolean rolling) {
    }

    public record Track(UUID trackId, String key, TrackKind kind, String name, String description,
                        Registration registration, List<String> topics, Integer menteesPerMentorMin,
                        Integer menteesPerMentorMax, List<MilestoneData> milestones, PairingsEnd.End pairingsEnd) {
    }

    public record MilestoneData(UUID milestoneId, String key, String name, MilestoneType type, boolean window,
                                Set<Role> audience, LocalDate date, LocalDate endDate, LocalTime time, String timeZone,
                                Instant dueAt, Instant endsAt, String localRendering, List<String> reminders,
                                String description, List<SessionData> sessions) {

        /** Without its sessions (null: not told here; a track's sessions are listed under its group-sessions). */
        public static MilestoneData of(Milestone m) {
            return of(m, null);
        }

        /** With its sessions (a GROUP_SESSION milestone's, empty while none are announced; null for other types). */
        public static MilestoneData of(Milestone m, List<GroupSession> sessions) {
            return new MilestoneData(m.id, m.key, m.name, m.type, m.type.window, m.audience, m.date, m.endDate, m.time,
                    m.timeZone, m.dueAt, m.endsAt, m.rendering(), m.reminders, m.description,
                    m.type != MilestoneType.GROUP_SESSION || sessions == null ? null
                            : sessions.stream().map(SessionData::of).toList());
        }
    }

    /** A session of a group-session milestone: start (UTC), duration, online link (null: not announced), capacity. */
    public record SessionData(UUID sessionId, String key, Instant startsAt, Instant endsAt, int durationMinutes,
                              String onlineUrl, int capacity) {

        public static SessionData of(GroupSession s) {
            return new SessionData(s.id, s.key, s.startsAt, s.endsAt(), s.durationMinutes, s.onlineUrl, s.capacity);
        }
    }

    public static ProgramPublished of(Program program, List<dev.mentorship.schedule.program.Track> tracks,
                                      Map<UUID, List<Milestone>> milestonesByTrack) {
        return of(program, tracks, milestonesByTrack, Map.of());
    }

    /** {@code sessionsByMilestone}: the sessions of each group-session milestone, in order. */
    public static ProgramPublished of(Program program, List<dev.mentorship.schedule.program.Track> tracks,
                                      Map<UUID, List<Milestone>> milestonesByTrack,
                                      Map<UUID, List<GroupSession>> sessionsByMilestone) {
        List<Track> trackData = tracks.stream().map(track -> {
            List<Milestone> milestones = milestonesByTrack.getOrDefault(track.id, List.of());
            Instant applicationDeadline = milestones.stream()
                    .filter(m -> m.type == MilestoneType.APPLICATION_DEADLINE)
                    .map(m -> m.dueAt).findFirst().orElse(null);
            Instant closesAt = track.registrationClosesOn == null ? applicationDeadline
                    : ProgramTime.endOf(track.registrationClosesOn, program.timeZone);
            return new Track(track.id, track.key, track.kind, track.name, track.description,
                    new Registration(Set.of(Role.MENTOR, Role.MENTEE), program.publishedAt, applicationDeadline, closesAt,
                            track.rolling),
                    track.topics, track.menteesPerMentorMin, track.menteesPerMentorMax,
                    milestones.stream().map(m -> MilestoneData.of(m, sessionsByMilestone.getOrDefault(m.id, List.of()))).toList(), PairingsEnd.of(track.kind, milestones).orElse(null));
        }).toList();
        return new ProgramPublished(program.id, program.conference, program.name, program.description,
                program.timeZone, program.frontendUrl, program.publishedAt,
                new CodeOfConduct(program.codeOfConductTitle, program.codeOfConductVersion, program.codeOfConductUrl,
                        program.conductContact),
                trackData);
    }
}
