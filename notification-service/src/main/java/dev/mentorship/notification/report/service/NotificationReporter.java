package dev.mentorship.notification.report.service;

import dev.mentorship.notification.fanout.Message;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * notification-service's part of a program report (issue 20): the program's mails sent and failed, by kind (a mail
 * knows its program, not its track: these are figures of the whole program), bounces (not tracked: always 0), and per
 * track the people of the program who turned an optional kind of mail off. Three aggregate queries through indexes by
 * program (V13), never a read of the whole tables nor of the rows into Java. The metrics are listed in the README
 * ("Program report").
 */
@ApplicationScoped
public class NotificationReporter implements ProgramReporter {

    /** The opt-outs a person can choose, each a column of {@code preference} that is false once turned off. */
    /**
     * A breakdown is a metric of its own ({@code mails_sent} and {@code mails_sent_by_kind}): Prometheus wants every series
     * of one metric name to carry the same labels, so a total and its parts cannot share a name as gauges.
     */
    static final String BY_KIND = "_by_kind";

    static final List<String> OPT_OUTS = List.of("DEADLINES", "MEETINGS", "INACTIVITY", "PROGRAM_NEWS", "ANNOUNCEMENTS");

    static final String PROGRAM = """
            select coalesce((select name from program_info where program_id = $1),
                            (select min(program_name) from track_info where program_id = $1)) as name""";

    static final String TRACKS = """
            select track_id, track_key, kind, name from track_info where program_id = $1
            order by case kind when 'AUTHOR' then 0 when 'REVIEWER' then 1 else 2 end, name""";

    /** Mails about the program that reached SMTP (SENT) or were given up (FAILED), by kind (the category of notice). */
    static final String MAILS = """
            select kind, status, count(*) as mails from email_delivery
            where program_id = $1 and status in ('SENT', 'FAILED') group by kind, status""";

    /**
     * The program's active members who turned an optional kind off (or all of them: ALL), per track and, as distinct
     * people, for the whole program (track_id null). Driven by the small index of people who turned something off.
     */
    static final String UNSUBSCRIBED = """
            select m.track_id, count(distinct m.participant_id) as people,
                   count(distinct m.participant_id) filter (where not p.deadlines) as deadlines,
                   count(distinct m.participant_id) filter (where not p.meetings) as meetings,
                   count(distinct m.participant_id) filter (where not p.inactivity) as inactivity,
                   count(distinct m.participant_id) filter (where not p.program_news) as program_news,
                   count(distinct m.participant_id) filter (where not p.announcements) as announcements,
                   count(distinct m.participant_id)
                     filter (where not (p.deadlines or p.meetings or p.inactivity or p.program_news or p.announcements)) as all_kinds
            from preference p join membership m on m.participant_id = p.participant_id
            where m.program_id = $1 and m.status = 'ACTIVE'
              and not (p.deadlines and p.meetings and p.inactivity and p.program_news and p.announcements)
            group by grouping sets ((m.track_id), ())""";

    private final Pool pool;
    private final Clock clock;

    public NotificationReporter(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public String service() {
        return "notification";
    }

    @Override
    public Uni<ProgramReport> report(UUID programId) {
        Instant now = clock.instant();
        Tuple program = Tuple.of(programId);
        return query(PROGRAM, program).chain(names -> {
            String name = names.iterator().next().getString("name");
            if (name == null) {
                return Uni.createFrom().failure(ProblemException.notFound("There is no program " + programId + "."));
            }
            return query(TRACKS, program).chain(tracks -> query(MAILS, program).chain(mails -> query(UNSUBSCRIBED, program)
                    .map(unsubscribed -> report(programId, name, now, tracks, mails, unsubscribed))));
        });
    }

    private ProgramReport report(UUID programId, String name, Instant now, RowSet<Row> tracks, RowSet<Row> mails,
                                 RowSet<Row> unsubscribed) {
        Map<String, Long> sent = zeroPerKind();
        Map<String, Long> failed = zeroPerKind();
        for (Row row : mails) {
            ("SENT".equals(row.getString("status")) ? sent : failed).merge(row.getString("kind"), row.getLong("mails"), Long::sum);
        }
        Map<UUID, Row> optedOut = new HashMap<>();
        Row wholeProgram = null;
        for (Row row : unsubscribed) {
            UUID track = row.getUUID("track_id");
            if (track == null) {
                wholeProgram = row;
            } else {
                optedOut.put(track, row);
            }
        }
        List<Figure> figures = new ArrayList<>();
        perKind(figures, "mails_sent", sent);
        perKind(figures, "mails_failed", failed);
        // bounces are not tracked: SMTP accepting a mail is where this service's knowledge of it ends
        figures.add(Figure.of("mails_bounced", 0L));
        unsubscribed(figures, wholeProgram);
        List<TrackReport> perTrack = new ArrayList<>();
        for (Row track : tracks) {
            UUID trackId = track.getUUID("track_id");
            List<Figure> trackFigures = new ArrayList<>();
            unsubscribed(trackFigures, optedOut.get(trackId));
            perTrack.add(new TrackReport(trackId, track.getString("track_key"), track.getString("kind"), track.getString("name"),
                    trackFigures));
        }
        return new ProgramReport(service(), programId, name, now, figures, perTrack);
    }

    /** Every kind of notice, so that editions line up even where one sent none of a kind. */
    private static Map<String, Long> zeroPerKind() {
        Map<String, Long> zero = new LinkedHashMap<>();
        for (Message.Category kind : Message.Category.values()) {
            zero.put(kind.name(), 0L);
        }
        return zero;
    }

    private static void perKind(List<Figure> figures, String metric, Map<String, Long> counts) {
        figures.add(Figure.of(metric, counts.values().stream().mapToLong(Long::longValue).sum()));
        counts.forEach((kind, count) -> figures.add(Figure.of(metric + BY_KIND, count).by("kind", kind)));
    }

    /** {@code unsubscribed}, and by kind (each opt-out, and ALL: every optional kind off); zeros where nobody. */
    private static void unsubscribed(List<Figure> figures, Row row) {
        figures.add(Figure.of("unsubscribed", row == null ? 0L : row.getLong("people")));
        for (String kind : OPT_OUTS) {
            figures.add(Figure.of("unsubscribed" + BY_KIND, row == null ? 0L : row.getLong(kind.toLowerCase())).by("kind", kind));
        }
        figures.add(Figure.of("unsubscribed" + BY_KIND, row == null ? 0L : row.getLong("all_kinds")).by("kind", "ALL"));
    }

    private Uni<RowSet<Row>> query(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters);
    }
}
