package dev.mentorship.matching.report.service;

import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.report.Figure;
import dev.mentorship.runtime.report.ProgramReport;
import dev.mentorship.runtime.report.ProgramReporter;
import dev.mentorship.runtime.report.TrackReport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * matching-service's part of the program report (README, "Program report"): per track, the mentees and how many were
 * matched, the waitlist, the time from registration to the first pairing, the pairings (by score band) and those
 * dissolved, and the mentors left below the load aimed for. Five queries per program, each reading the program's
 * tracks through an index ({@code track_by_program}, {@code pairing_report}, {@code registration_report},
 * {@code waitlist_by_track}); nothing is counted in Java but the rows of a GROUP BY.
 * <p>
 * Plain SQL on the reactive pool, not native queries of the Hibernate session: Hibernate 7.1 caches a new plan for
 * every call of a native query (docs/benchmarks.md), and the gauges count every program's report each minute.
 */
@ApplicationScoped
public class MatchingReporter implements ProgramReporter {

    static final String SERVICE = "matching";
    /** The score bands of pairings_by_score_band: [0.0, 0.2), … [0.8, 1.0]. */
    static final List<String> BANDS = List.of("0.0-0.2", "0.2-0.4", "0.4-0.6", "0.6-0.8", "0.8-1.0");

    static final String TRACKS = """
            select track_id, track_key, kind, name, program_name from track
            where program_id = $1 order by kind, track_key, track_id""";

    /** Per track: every mentee who registered (active or withdrawn), and those waiting now. */
    static final String PEOPLE = """
            select t.id as track_id,
                   (select count(*) from registration r where r.track_id = t.id and r.role = 'MENTEE') as mentees,
                   (select count(*) from waitlist_entry w where w.track_id = t.id) as waitlisted
            from unnest($1::uuid[]) as t(id)""";

    /** Per track: pairings standing (active or ended) and dissolved, mentees ever paired, standing pairings per band. */
    static final String PAIRINGS = """
            select track_id,
                   count(*) filter (where status <> 'DISSOLVED') as pairings,
                   count(*) filter (where status = 'DISSOLVED') as dissolved,
                   count(distinct mentee_registration_id) as matched,
                   count(*) filter (where status <> 'DISSOLVED' and score < 0.2) as band0,
                   count(*) filter (where status <> 'DISSOLVED' and score >= 0.2 and score < 0.4) as band1,
                   count(*) filter (where status <> 'DISSOLVED' and score >= 0.4 and score < 0.6) as band2,
                   count(*) filter (where status <> 'DISSOLVED' and score >= 0.6 and score < 0.8) as band3,
                   count(*) filter (where status <> 'DISSOLVED' and score >= 0.8) as band4
            from pairing where track_id = any($1)
            group by track_id""";

    /** Per track: hours from a mentee's registration to their first pairing (dissolved ones too), median, p90, max. */
    static final String TIME_TO_MATCH = """
            with firsts as (
                select track_id, mentee_registration_id, min(created_at) as paired_at
                from pairing where track_id = any($1)
                group by track_id, mentee_registration_id)
            select f.track_id,
                   percentile_cont(0.5) within group (order by f.hours) as median,
                   percentile_cont(0.9) within group (order by f.hours) as p90,
                   max(f.hours) as longest
            from (select f.track_id, greatest(0, extract(epoch from f.paired_at - r.registered_at)::float8 / 3600) as hours
                  from firsts f join registration r on r.registration_id = f.mentee_registration_id
                  where r.track_id = any($1) and r.role = 'MENTEE') f
            group by f.track_id""";

    /**
     * Per track: mentors with standing pairings but fewer than the load aimed for (the track's policy's minimumLoad,
     * else its default: a career track's menteesPerMentorMin), capped by their capacity, as the matching counts them.
     */
    static final String BELOW_AIM = """
            select l.track_id, count(*) as below
            from (select track_id, mentor_registration_id, count(*) as load
                  from pairing where track_id = any($1) and status <> 'DISSOLVED'
                  group by track_id, mentor_registration_id) l
            join track t on t.track_id = l.track_id
            left join track_policy tp on tp.track_id = l.track_id
            join registration r on r.registration_id = l.mentor_registration_id and r.track_id = any($1) and r.role = 'MENTOR'
            where l.load < least(coalesce(tp.minimum_load,
                                          case when t.kind = 'CAREER' then coalesce(t.mentees_per_mentor_min, 0) else 0 end),
                                 coalesce(r.capacity, 1))
            group by l.track_id""";

    private final Pool pool;
    private final Clock clock;

    public MatchingReporter(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public Uni<ProgramReport> report(UUID programId) {
        return pool.preparedQuery(TRACKS).execute(Tuple.of(programId)).chain(tracks -> {
            if (tracks.size() == 0) {
                return Uni.createFrom().failure(ProblemException.notFound("This service has not seen program " + programId + " published."));
            }
            List<Row> rows = new ArrayList<>();
            tracks.forEach(rows::add);
            Tuple ids = Tuple.of(rows.stream().map(r -> r.getUUID("track_id")).toArray(UUID[]::new));
            Counts counts = new Counts();
            return pool.preparedQuery(PEOPLE).execute(ids).invoke(r -> counts.people = byTrack(r))
                    .chain(() -> pool.preparedQuery(PAIRINGS).execute(ids)).invoke(r -> counts.pairings = byTrack(r))
                    .chain(() -> pool.preparedQuery(TIME_TO_MATCH).execute(ids)).invoke(r -> counts.timeToMatch = byTrack(r))
                    .chain(() -> pool.preparedQuery(BELOW_AIM).execute(ids)).invoke(r -> counts.belowAim = byTrack(r))
                    .map(ignored -> build(programId, rows, counts));
        });
    }

    private static final class Counts {
        Map<UUID, Row> people;
        Map<UUID, Row> pairings;
        Map<UUID, Row> timeToMatch;
        Map<UUID, Row> belowAim;
    }

    private static Map<UUID, Row> byTrack(RowSet<Row> rows) {
        Map<UUID, Row> map = new HashMap<>();
        rows.forEach(row -> map.put(row.getUUID("track_id"), row));
        return map;
    }

    private ProgramReport build(UUID programId, List<Row> tracks, Counts counts) {
        List<TrackReport> reports = new ArrayList<>();
        for (Row track : tracks) {
            UUID trackId = track.getUUID("track_id");
            Row people = counts.people.get(trackId);
            Row pairings = counts.pairings.get(trackId);
            Row time = counts.timeToMatch.get(trackId);
            Row below = counts.belowAim.get(trackId);
            long mentees = people == null ? 0 : people.getLong("mentees");
            long matched = pairings == null ? 0 : pairings.getLong("matched");
            List<Figure> figures = new ArrayList<>();
            figures.add(Figure.of("mentees", mentees));
            figures.add(Figure.of("matched_mentees", matched));
            figures.add(Figure.of("match_rate", mentees == 0 ? 0.0 : Math.min(1.0, (double) matched / mentees)));
            figures.add(Figure.of("waitlisted", people == null ? 0 : people.getLong("waitlisted")));
            figures.add(Figure.of("time_to_match_hours", hours(time, "median")).by("stat", "median"));
            figures.add(Figure.of("time_to_match_hours", hours(time, "p90")).by("stat", "p90"));
            figures.add(Figure.of("time_to_match_hours", hours(time, "longest")).by("stat", "max"));
            figures.add(Figure.of("pairings", pairings == null ? 0 : pairings.getLong("pairings")));
            figures.add(Figure.of("pairings_dissolved", pairings == null ? 0 : pairings.getLong("dissolved")));
            for (int band = 0; band < BANDS.size(); band++) {
                figures.add(Figure.of("pairings_by_score_band", pairings == null ? 0 : pairings.getLong("band" + band))
                        .by("band", BANDS.get(band)));
            }
            figures.add(Figure.of("mentors_below_aim", below == null ? 0 : below.getLong("below")));
            String key = track.getString("track_key");
            reports.add(new TrackReport(trackId, key, track.getString("kind"), track.getString("name"), figures));
        }
        return new ProgramReport(SERVICE, programId, tracks.get(0).getString("program_name"), clock.instant(), List.of(), reports);
    }

    private static double hours(Row time, String column) {
        if (time == null) {
            return 0.0;
        }
        Double value = time.getDouble(column);
        return value == null ? 0.0 : value;
    }
}
