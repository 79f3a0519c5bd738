package dev.mentorship.notification.report;

import dev.mentorship.runtime.report.ProgramReport;
import dev.mentorship.runtime.report.ProgramReporter;
import dev.mentorship.runtime.report.ReportGauges;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.ManagementInterface;
import dev.mentorship.testing.StaffEvents;
import dev.mentorship.testing.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * notification-service's program report: from known mails, members and opt-outs, exactly the expected figures (mails of
 * the whole program by kind, opt-outs per track and for the program); the same as CSV and editions side by side; 404
 * for anyone who does not organize the program; a scalar figure as a Prometheus gauge.
 */
@QuarkusTest
class ProgramReportTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ORGANIZER = "nr-organizer";

    @Inject
    ProgramReporter reporter;

    @Inject
    ReportGauges gauges;

    record Program(UUID id, String name, UUID author, UUID reviewer, UUID career) {
    }

    /** A published program with three tracks (keys author, reviewer, career) that nr-organizer organizes. */
    static Program publish(String name) throws InterruptedException {
        Program p = new Program(UUID.randomUUID(), name, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (EventProducer events = new EventProducer()) {
            StaffEvents.organizers(events, p.id(), ORGANIZER);
            events.send("mentorship.programs", p.id().toString(), "ProgramPublished", UUID.randomUUID().toString(), "/test", """
                    {"programId": "%s", "conference": "NR", "name": "%s", "timeZone": "AoE", "publishedAt": "2026-01-01T00:00:00Z",
                     "codeOfConduct": {"title": "Code", "version": "1"},
                     "tracks": [%s, %s, %s]}""".formatted(p.id(), name, track(p.author(), "author", "AUTHOR", "Author Mentorship"),
                    track(p.reviewer(), "reviewer", "REVIEWER", "Reviewer Mentorship"),
                    track(p.career(), "career", "CAREER", "Career Mentorship")));
        }
        await("select count(*)::text from track_info where program_id = '" + p.id() + "' and track_key is not null", "3");
        await("select count(*)::text from program_staff where program_id = '" + p.id() + "'", "1");
        return p;
    }

    static String track(UUID id, String key, String kind, String name) {
        return """
                {"trackId": "%s", "key": "%s", "kind": "%s", "name": "%s", "topics": [],
                 "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "2020-01-01T00:00:00Z",
                   "applicationDeadline": "2099-01-01T00:00:00Z", "closesAt": "2099-01-01T00:00:00Z", "rolling": false},
                 "milestones": []}""".formatted(id, key, kind, name);
    }

    static void await(String sql, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Database.query(sql).equals(List.of(expected))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never " + expected + ": " + sql);
            }
            Thread.sleep(100);
        }
    }

    static void member(UUID person, UUID program, UUID track, String status) throws Throwable {
        Database.execute("insert into membership (registration_id, participant_id, program_id, track_id, role, status) values ('"
                + UUID.randomUUID() + "', '" + person + "', '" + program + "', '" + track + "', 'MENTEE', '" + status + "')");
    }

    /** A person's choices: each optional kind on (true) or off. */
    static void preference(UUID person, boolean deadlines, boolean meetings, boolean inactivity, boolean news, boolean announcements,
                           boolean digest) throws Throwable {
        Database.execute("insert into preference (participant_id, deadlines, meetings, inactivity, daily_digest, updated_at, program_news,"
                + " announcements) values ('" + person + "', " + deadlines + ", " + meetings + ", " + inactivity + ", " + digest + ", now(), "
                + news + ", " + announcements + ")");
    }

    static void mails(UUID program, String kind, String status, int count) throws Throwable {
        Database.execute("insert into email_delivery (id, recipient_id, email, kind, subject, status, created_at, program_id)"
                + " select gen_random_uuid(), gen_random_uuid(), 'someone@mentorship.test', '" + kind + "', 'Subject', '" + status
                + "', now(), '" + program + "' from generate_series(1, " + count + ")");
    }

    /** Every figure of a report, keyed "track/metric{dimensions}" ("-" for the whole program). */
    static Map<String, Number> figures(JsonPath report) {
        Map<String, Number> all = new TreeMap<>();
        for (Map<String, Object> f : report.<Map<String, Object>>getList("figures")) {
            all.put(key("-", f), (Number) f.get("value"));
        }
        for (Map<String, Object> track : report.<Map<String, Object>>getList("tracks")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> figures = (List<Map<String, Object>>) track.get("figures");
            for (Map<String, Object> f : figures) {
                all.put(key((String) track.get("trackKey"), f), (Number) f.get("value"));
            }
        }
        return all;
    }

    static String key(String track, Map<String, Object> figure) {
        Object dimensions = figure.get("dimensions");
        return track + "/" + figure.get("metric") + (dimensions == null ? "" : new TreeMap<>((Map<?, ?>) dimensions).toString());
    }

    static Map<String, Number> unsubscribed(String track, int people, int deadlines, int meetings, int inactivity, int news,
                                            int announcements, int all) {
        return Map.of(track + "/unsubscribed", people, track + "/unsubscribed_by_kind{kind=DEADLINES}", deadlines,
                track + "/unsubscribed_by_kind{kind=MEETINGS}", meetings, track + "/unsubscribed_by_kind{kind=INACTIVITY}", inactivity,
                track + "/unsubscribed_by_kind{kind=PROGRAM_NEWS}", news, track + "/unsubscribed_by_kind{kind=ANNOUNCEMENTS}", announcements,
                track + "/unsubscribed_by_kind{kind=ALL}", all);
    }

    @Test
    void knownMailsAndOptOutsGiveExactlyTheirFiguresAsJsonCsvAndGauges() throws Throwable {
        Program p = publish("NR 2025 " + UUID.randomUUID().toString().substring(0, 8));
        Program other = publish("NR 2024 " + UUID.randomUUID().toString().substring(0, 8));
        UUID a1 = UUID.randomUUID(), a2 = UUID.randomUUID(), a3 = UUID.randomUUID(), a4 = UUID.randomUUID();
        UUID c1 = UUID.randomUUID(), c2 = UUID.randomUUID(), withdrawn = UUID.randomUUID(), elsewhere = UUID.randomUUID();
        for (UUID person : List.of(a1, a2, a3, a4)) {
            member(person, p.id(), p.author(), "ACTIVE");
        }
        member(a1, p.id(), p.career(), "ACTIVE"); // in two tracks: counted in each, once for the program
        member(c1, p.id(), p.career(), "ACTIVE");
        member(c2, p.id(), p.career(), "ACTIVE");
        member(withdrawn, p.id(), p.author(), "WITHDRAWN");
        member(elsewhere, other.id(), other.author(), "ACTIVE");
        preference(a1, false, true, true, true, true, false);   // deadlines off
        preference(a2, false, false, false, false, false, false); // everything off (a digest's link: ALL)
        preference(a3, true, true, true, true, true, true);     // a daily digest is no opt-out
        preference(c1, true, false, true, true, true, false);   // meetings off
        preference(withdrawn, false, false, false, false, false, false); // withdrawn: not of the program any more
        preference(elsewhere, false, true, true, true, true, false);      // another program's
        mails(p.id(), "PAIRING", "SENT", 3);
        mails(p.id(), "DEADLINES", "SENT", 2);
        mails(p.id(), "MEETINGS", "FAILED", 1);
        mails(p.id(), "DEADLINES", "PENDING", 1); // neither sent nor failed yet
        mails(p.id(), "DEADLINES", "DIGEST", 1);  // waits for a digest
        mails(other.id(), "PAIRING", "SENT", 5);

        String organizer = Tokens.participant(ORGANIZER);
        JsonPath report = given().auth().oauth2(organizer).get("/programs/" + p.id() + "/report")
                .then().statusCode(200).body("service", equalTo("notification")).body("programName", equalTo(p.name()))
                .body("tracks.trackKey", equalTo(List.of("author", "reviewer", "career")))
                .body("tracks.trackKind", equalTo(List.of("AUTHOR", "REVIEWER", "CAREER")))
                .body("tracks.trackName", equalTo(List.of("Author Mentorship", "Reviewer Mentorship", "Career Mentorship")))
                .extract().jsonPath();
        Map<String, Number> expected = new TreeMap<>();
        expected.put("-/mails_sent", 5);
        expected.put("-/mails_failed", 1);
        expected.put("-/mails_bounced", 0);
        for (String kind : List.of("ACCOUNT", "PAIRING", "DEADLINES", "MEETINGS", "INACTIVITY", "PROGRAM_NEWS", "ANNOUNCEMENTS", "CONDUCT")) {
            expected.put("-/mails_sent_by_kind{kind=" + kind + "}", kind.equals("PAIRING") ? 3 : kind.equals("DEADLINES") ? 2 : 0);
            expected.put("-/mails_failed_by_kind{kind=" + kind + "}", kind.equals("MEETINGS") ? 1 : 0);
        }
        expected.putAll(unsubscribed("-", 3, 2, 2, 1, 1, 1, 1));
        expected.putAll(unsubscribed("author", 2, 2, 1, 1, 1, 1, 1));
        expected.putAll(unsubscribed("reviewer", 0, 0, 0, 0, 0, 0, 0));
        expected.putAll(unsubscribed("career", 2, 1, 1, 0, 0, 0, 0));
        assertThat(figures(report)).isEqualTo(expected);

        // CSV: one figure a line, the program's figures without a track
        String csv = given().auth().oauth2(organizer).accept("text/csv").get("/programs/" + p.id() + "/report")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.split("\r\n")).contains(
                "service,program,track_key,track_kind,track_name,metric,dimensions,value",
                "notification," + p.name() + ",,,,mails_sent_by_kind,kind=PAIRING,3",
                "notification," + p.name() + ",author,AUTHOR,Author Mentorship,unsubscribed,,2",
                "notification," + p.name() + ",reviewer,REVIEWER,Reviewer Mentorship,unsubscribed_by_kind,kind=ALL,0");
        assertThat(csv.split("\r\n")).hasSize(1 + expected.size());

        // editions side by side, tracks lined up by key
        JsonPath sideBySide = given().auth().oauth2(organizer).get("/programs/" + p.id() + "/report?compareWith=" + other.id())
                .then().statusCode(200).extract().jsonPath();
        assertThat(sideBySide.<Number>getList("rows.find { it.trackKey == 'author' && it.metric == 'unsubscribed' && !it.dimensions }.values"))
                .containsExactly(2, 1);
        assertThat(sideBySide.<Number>getList("rows.find { it.trackKey == null && it.metric == 'mails_sent' && !it.dimensions }.values"))
                .containsExactly(5, 5);

        // nobody else: another participant, an admin, someone who organizes only another program
        given().auth().oauth2(Tokens.participant("nr-stranger")).get("/programs/" + p.id() + "/report").then().statusCode(404);
        given().auth().oauth2(Tokens.admin("nr-admin")).get("/programs/" + p.id() + "/report").then().statusCode(404);
        try (EventProducer events = new EventProducer()) {
            StaffEvents.organizers(events, other.id(), "nr-other-organizer");
        }
        await("select count(*)::text from program_staff where program_id = '" + other.id() + "' and person_id = '"
                + Tokens.subject("nr-other-organizer") + "'", "1");
        given().auth().oauth2(Tokens.participant("nr-other-organizer")).get("/programs/" + p.id() + "/report").then().statusCode(404);
        given().auth().oauth2(Tokens.participant("nr-other-organizer"))
                .get("/programs/" + other.id() + "/report?compareWith=" + p.id()).then().statusCode(404);
        given().auth().oauth2(organizer).get("/programs/" + UUID.randomUUID() + "/report").then().statusCode(404);

        // the same figures as gauges (the scheduled refresh publishes each staffed program's report this way)
        ProgramReport counted = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> reporter.report(p.id())));
        gauges.publish(counted);
        String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("mentorship_report_mails_sent_by_kind{") && l.contains("program=\"" + p.id() + "\"")
                && l.contains("kind=\"PAIRING\"") && l.contains("service=\"notification\"")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(" 3.0"));
        assertThat(metrics.lines().filter(l -> l.startsWith("mentorship_report_unsubscribed{") && l.contains("program=\"" + p.id() + "\"")
                && l.contains("track=\"author\"")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(" 2.0"));
    }
}
