package dev.mentorship.schedule.report.service;

import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.report.Figure;
import dev.mentorship.runtime.report.ProgramReport;
import dev.mentorship.runtime.report.ProgramReporter;
import dev.mentorship.runtime.report.TrackReport;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Track;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * schedule-service's part of a program report (issue 20), per track: its meetings by where they stand, its pairings
 * told inactive, and its surveys' response rates and rating means. Each figure is one aggregate query per program
 * (GROUP BY track) through an index by program (V14), never a read of the whole tables nor of the rows into Java; a
 * track where nothing happened still has its zeros, so that editions line up. The metrics are listed in the README
 * ("Program report").
 */
@ApplicationScoped
public class ScheduleReporter implements ProgramReporter {

    /** Meetings by where they stand now; the four are disjoint and add up to every meeting of the track. */
    static final String MEETINGS = """
            select track_id,
                   count(*) filter (where status in ('PROPOSED', 'UNSCHEDULED')),
                   count(*) filter (where status = 'CONFIRMED'
                                       and (starts_at is null or starts_at + make_interval(mins => duration_minutes) > :now)),
                   count(*) filter (where status = 'HELD'
                                       or status = 'CONFIRMED' and starts_at + make_interval(mins => duration_minutes) <= :now),
                   count(*) filter (where status = 'CANCELLED')
            from meeting where program_id = :program group by track_id""";

    /** Pairings that PairingInactive was announced for at least once (the inactivity watch stamps them). */
    static final String INACTIVE = """
            select track_id, count(*) from pairing
            where program_id = :program and inactive_notified_at is not null group by track_id""";

    private final Clock clock;
    private final SurveyReport surveys;

    public ScheduleReporter(Clock clock, SurveyReport surveys) {
        this.clock = clock;
        this.surveys = surveys;
    }

    @Override
    public String service() {
        return "schedule";
    }

    @Override
    public Uni<ProgramReport> report(UUID programId) {
        Instant now = clock.instant();
        return Program.<Program>findById(programId).chain(program -> {
            if (program == null) {
                return Uni.createFrom().failure(ProblemException.notFound("There is no program " + programId + "."));
            }
            return Track.<Track>list("programId = ?1 order by position", programId).chain(tracks -> counts(MEETINGS, programId, now)
                    .chain(meetings -> counts(INACTIVE, programId, null)
                            .chain(inactive -> surveys.figures(programId)
                                    .map(surveyFigures -> new ProgramReport(service(), programId, program.name, now, List.of(),
                                            tracks.stream().map(track -> track(track, meetings, inactive, surveyFigures)).toList())))));
        });
    }

    private static TrackReport track(Track track, Map<UUID, long[]> meetings, Map<UUID, long[]> inactive,
                                     Map<UUID, List<Figure>> surveys) {
        long[] m = meetings.getOrDefault(track.id, new long[4]);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("meetings_proposed", m[0]));
        figures.add(Figure.of("meetings_confirmed", m[1]));
        figures.add(Figure.of("meetings_held", m[2]));
        figures.add(Figure.of("meetings_cancelled", m[3]));
        figures.add(Figure.of("inactive_pairs", inactive.getOrDefault(track.id, new long[1])[0]));
        figures.addAll(surveys.getOrDefault(track.id, List.of()));
        return new TrackReport(track.id, track.key, track.kind.name(), track.name, figures);
    }

    /** Runs one of the GROUP BY track queries above: per track, its counts in the order selected. */
    private static Uni<Map<UUID, long[]>> counts(String sql, UUID programId, Instant now) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class).setParameter("program", programId);
            if (now != null) {
                query.setParameter("now", now.atOffset(ZoneOffset.UTC));
            }
            return query.getResultList();
        }).map(rows -> {
            Map<UUID, long[]> byTrack = new HashMap<>();
            for (Object[] row : rows) {
                long[] counts = new long[row.length - 1];
                for (int i = 1; i < row.length; i++) {
                    counts[i - 1] = ((Number) row[i]).longValue();
                }
                byTrack.put((UUID) row[0], counts);
            }
            return byTrack;
        });
    }
}
