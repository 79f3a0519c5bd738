package dev.mentorship.notification.report.service;

import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.StaffEvents;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program report's speed (issue 20: ≤ 300 ms for a program of 20,000 registrations): two programs of the same size
 * in the database, each with 20,000 memberships in three tracks, 60,000 mails and a few thousand preferences, written
 * with bulk SQL; then the report of one, over HTTP as an organizer asks for it: 5 requests to warm up, 20 timed. Part of
 * the normal test run (it takes seconds). Every query of the report is planned without a sequential scan (EXPLAIN of the
 * query as sent, with and without the program's id: PostgreSQL's generic plan, which a prepared statement may settle on).
 * The figures are printed and kept in target/program-report-benchmark.txt.
 */
@QuarkusTest
class ProgramReportBenchmarkTest {

    static final int MEMBERS = 20_000;
    static final int MAILS = 60_000;
    static final String ORGANIZER = "nrb-organizer";

    @Inject
    Pool pool;

    @Test
    void theReportOfAProgramOfTwentyThousandAnswersWithinThreeHundredMilliseconds() throws Throwable {
        UUID program = bigProgram("NRB 2025");
        bigProgram("NRB 2024");
        // the editions before them: their members only (the table a report of one program reads a part of; with just two
        // programs of one size, half of membership's few hundred pages, PostgreSQL rightly reads it whole)
        for (int edition = 2020; edition < 2024; edition++) {
            Database.execute("insert into membership (registration_id, participant_id, program_id, track_id, role, status)"
                    + " select gen_random_uuid(), gen_random_uuid(), md5('nrb-" + edition + "-" + program + "')::uuid, gen_random_uuid(),"
                    + " 'MENTEE', 'ACTIVE' from generate_series(1, " + MEMBERS + ")");
        }
        for (String table : List.of("track_info", "program_info", "membership", "preference", "email_delivery")) {
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
        line(report, "notification program report, %,d memberships, %,d mails per program, 2 programs: median %.1f ms, max %.1f ms"
                + " (20 requests after 5 to warm up)", MEMBERS, MAILS, median, max);
        List<String> plans = new ArrayList<>();
        for (String sql : List.of(NotificationReporter.PROGRAM, NotificationReporter.TRACKS, NotificationReporter.MAILS,
                NotificationReporter.UNSUBSCRIBED)) {
            plans.addAll(explain("explain " + sql.replace("$1", "'" + program + "'::uuid")));
            plans.addAll(explain("explain (generic_plan) " + sql));
        }
        plans.forEach(l -> line(report, "  plan: %s", l));
        body.lines().filter(l -> l.contains(",mails_") || l.contains(",unsubscribed,")).forEach(l -> line(report, "  %s", l));
        Files.writeString(Path.of("target", "program-report-benchmark.txt"), report);

        // the tables that grow with programs (track_info and program_info hold a few rows here, one page that
        // PostgreSQL rightly reads whole; with many programs their indexes by program serve)
        assertThat(plans).noneMatch(l -> l.matches(".*Seq Scan on (email_delivery|membership|preference)\\b.*"));
        assertThat(body).contains(",mails_sent,,57600").contains(",mails_failed,,1200").contains(",,,,unsubscribed,,1000");
        assertThat(median).as("median of 20 requests, ms").isLessThanOrEqualTo(300);
        // the target is the median; the slowest of 20 requests only has to stay near it: the test command builds two
        // modules at a time on two cores, and one request in 20 landing on the other module's busiest second took
        // 301 ms in a fresh-clone run (median 134 ms)
        assertThat(max).as("slowest of 20 requests, ms").isLessThanOrEqualTo(900);
    }

    /**
     * A program with three tracks that nrb-organizer organizes: 20,000 active memberships, one in ten of them withdrawn
     * people in addition; 6,000 preferences (1,000 of them opting out: deadlines, and every 4th all); 60,000 mails (57,600 sent,
     * 1,200 failed, 1,200 pending).
     */
    private UUID bigProgram(String name) throws Throwable {
        UUID program = UUID.randomUUID();
        String p = "'" + program + "'";
        String seed = program.toString();
        try (EventProducer events = new EventProducer()) {
            StaffEvents.organizers(events, program, ORGANIZER);
        }
        Database.execute("insert into program_info (program_id, name, conference, starts_at, updated_at) values (" + p + ", '" + name
                + "', 'NRB', now(), now())");
        Database.execute("insert into track_info (track_id, program_id, program_name, name, kind, updated_at, track_key)"
                + " select md5('" + seed + "-track-' || t)::uuid, " + p + ", '" + name + "', (array['Author', 'Reviewer', 'Career'])[t]"
                + " || ' Mentorship', (array['AUTHOR', 'REVIEWER', 'CAREER'])[t], now(), (array['author', 'reviewer', 'career'])[t]"
                + " from generate_series(1, 3) t");
        Database.execute("insert into membership (registration_id, participant_id, program_id, track_id, role, status)"
                + " select gen_random_uuid(), md5('" + seed + "-' || i)::uuid, " + p + ", md5('" + seed + "-track-' || (1 + i % 3))::uuid,"
                + " case when i % 4 = 0 then 'MENTOR' else 'MENTEE' end, case when i > " + MEMBERS + " then 'WITHDRAWN' else 'ACTIVE' end"
                + " from generate_series(1, " + (MEMBERS + MEMBERS / 10) + ") i");
        Database.execute("insert into preference (participant_id, deadlines, meetings, inactivity, daily_digest, updated_at, program_news,"
                + " announcements) select md5('" + seed + "-' || i)::uuid, i % 20 <> 0, i % 80 <> 0, i % 80 <> 0, i % 3 = 0, now(),"
                + " i % 80 <> 0, i % 80 <> 0 from generate_series(1, " + MEMBERS + ") i where i % 10 < 3");
        Database.execute("insert into email_delivery (id, recipient_id, email, kind, subject, status, attempts, created_at, sent_at,"
                + " event_id, event_type, text_body, program_id)"
                + " select gen_random_uuid(), md5('" + seed + "-' || (1 + i % " + MEMBERS + "))::uuid, 'p' || i || '@mentorship.test',"
                + " (array['ACCOUNT', 'PAIRING', 'DEADLINES', 'MEETINGS', 'INACTIVITY', 'PROGRAM_NEWS'])[1 + i % 6], 'A subject',"
                + " case when i % 50 = 0 then 'FAILED' when i % 50 = 1 then 'PENDING' else 'SENT' end, 1, now() - i * interval '1 minute',"
                + " now(), 'bench-' || i, 'DeadlineApproaching', repeat('A paragraph of the mail. ', 12), " + p
                + " from generate_series(1, " + MAILS + ") i");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Database.query("select count(*)::text from program_staff where program_id = " + p).equals(List.of("1"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the staff never came");
            }
            Thread.sleep(100);
        }
        return program;
    }

    /**
     * What autovacuum does to a table after a bulk insert: its statistics, and the visibility map that index-only scans
     * read (a vacuum right after the insert may not mark every page yet: again until it has).
     */
    private void settle(String table) throws Throwable {
        for (int i = 0; i < 10; i++) {
            VertxContextSupport.subscribeAndAwait(() -> pool.query("vacuum analyze " + table).execute());
            List<String> pages = explain("select relpages || ' ' || relallvisible from pg_class where relname = '" + table + "'");
            String[] counts = pages.get(0).split(" ");
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
