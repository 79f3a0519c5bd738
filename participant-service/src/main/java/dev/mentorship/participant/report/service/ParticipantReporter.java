package dev.mentorship.participant.report.service;

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
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * participant-service's part of the program report (README, "Program report"): per track and role, everyone who
 * registered, on time and late, the withdrawals, and the registrations per day in the program's time zone. Two
 * queries per program: its tracks ({@code track_offer_by_program}), then one GROUP BY over the tracks' registrations,
 * read through {@code registration_by_track} (ProgramReportBenchmarkTest checks the plan).
 * <p>
 * Plain SQL on the reactive pool, not native queries of the Hibernate session: Hibernate 7.1 caches a new plan for
 * every call of a native query (docs/benchmarks.md), and the gauges count every program's report each minute.
 */
@ApplicationScoped
public class ParticipantReporter implements ProgramReporter {

    static final String SERVICE = "participant";
    static final List<String> ROLES = List.of("MENTOR", "MENTEE");
    /** A season's registrations span months; a longer series than this would only be a clock gone wrong. */
    private static final int MAX_DAYS = 731;

    static final String TRACKS = """
            select track_id, track_key, kind, name, program_name, time_zone from track_offer
            where program_id = $1 order by kind, track_key, track_id""";

    static final String COUNTS = """
            select track_id, role, (registered_at at time zone $2)::date as day, count(*) as registered,
                   count(*) filter (where late) as late, count(*) filter (where status = 'WITHDRAWN') as withdrawn
            from registration where track_id = any($1)
            group by track_id, role, day""";

    private final Pool pool;
    private final Clock clock;

    public ParticipantReporter(Pool pool, Clock clock) {
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
                return Uni.createFrom().failure(ProblemException.notFound("There is no published program " + programId + "."));
            }
            List<Row> rows = new ArrayList<>();
            tracks.forEach(rows::add);
            UUID[] ids = rows.stream().map(r -> r.getUUID("track_id")).toArray(UUID[]::new);
            String zone = postgresZone(rows.stream().map(r -> r.getString("time_zone")).filter(z -> z != null).findFirst().orElse(null));
            return pool.preparedQuery(COUNTS).execute(Tuple.of(ids, zone))
                    .map(counts -> build(programId, rows, counts));
        });
    }

    private ProgramReport build(UUID programId, List<Row> tracks, RowSet<Row> counts) {
        // (track, role) -> day -> {registered, late, withdrawn}
        Map<UUID, Map<String, TreeMap<LocalDate, long[]>>> byTrack = new HashMap<>();
        for (Row row : counts) {
            byTrack.computeIfAbsent(row.getUUID("track_id"), t -> new HashMap<>())
                    .computeIfAbsent(row.getString("role"), r -> new TreeMap<>())
                    .put(row.getLocalDate("day"), new long[]{row.getLong("registered"), row.getLong("late"), row.getLong("withdrawn")});
        }
        List<TrackReport> reports = new ArrayList<>();
        for (Row track : tracks) {
            UUID trackId = track.getUUID("track_id");
            Map<String, TreeMap<LocalDate, long[]>> roles = byTrack.getOrDefault(trackId, Map.of());
            List<Figure> figures = new ArrayList<>();
            List<Figure> perDay = new ArrayList<>();
            LocalDate first = null;
            LocalDate last = null;
            for (TreeMap<LocalDate, long[]> days : roles.values()) {
                first = first == null || days.firstKey().isBefore(first) ? days.firstKey() : first;
                last = last == null || days.lastKey().isAfter(last) ? days.lastKey() : last;
            }
            if (first != null && first.plusDays(MAX_DAYS).isBefore(last)) {
                first = last.minusDays(MAX_DAYS);
            }
            for (String role : ROLES) {
                TreeMap<LocalDate, long[]> days = roles.getOrDefault(role, new TreeMap<>());
                long registered = 0;
                long late = 0;
                long withdrawn = 0;
                for (long[] day : days.values()) {
                    registered += day[0];
                    late += day[1];
                    withdrawn += day[2];
                }
                figures.add(Figure.of("registrations", registered).by("role", role));
                figures.add(Figure.of("registrations_on_time", registered - late).by("role", role));
                figures.add(Figure.of("registrations_late", late).by("role", role));
                figures.add(Figure.of("withdrawals", withdrawn).by("role", role));
                // every day from the track's first registration to its last, zeros included, the same days for both roles
                for (LocalDate day = first; day != null && !day.isAfter(last); day = day.plusDays(1)) {
                    long[] counted = days.get(day);
                    perDay.add(Figure.of("registrations_per_day", counted == null ? 0 : counted[0]).by("role", role)
                            .by(Figure.DAY, day.toString()));
                }
            }
            figures.addAll(perDay);
            reports.add(new TrackReport(trackId, track.getString("track_key"), track.getString("kind"), track.getString("name"), figures));
        }
        return new ProgramReport(SERVICE, programId, tracks.get(0).getString("program_name"), clock.instant(), List.of(), reports);
    }

    /** The program's zone as PostgreSQL names it: AoE is UTC-12 (POSIX-style Etc/GMT+12); unknown or none: UTC. */
    static String postgresZone(String programZone) {
        if (programZone == null || programZone.isBlank()) {
            return "UTC";
        }
        if (programZone.equalsIgnoreCase("AoE")) {
            return "Etc/GMT+12";
        }
        try {
            ZoneId zone = ZoneId.of(programZone);
            return zone instanceof ZoneOffset ? "UTC" : zone.getId();
        } catch (DateTimeException e) {
            return "UTC";
        }
    }
}
