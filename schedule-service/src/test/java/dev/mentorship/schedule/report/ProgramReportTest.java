package dev.mentorship.schedule.report;

import dev.mentorship.runtime.report.ProgramReport;
import dev.mentorship.runtime.report.ProgramReporter;
import dev.mentorship.runtime.report.ReportGauges;
import dev.mentorship.schedule.MovableClock;
import dev.mentorship.schedule.program.ProgramFiles;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.ManagementInterface;
import dev.mentorship.testing.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * schedule-service's program report: from known meetings, pairings, registrations and survey answers, exactly the
 * expected figures per track (a track where nothing happened with its zeros); the same as CSV and editions side by side;
 * 404 for anyone who does not organize the program; a scalar figure as a Prometheus gauge.
 */
@QuarkusTest
class ProgramReportTest {

    static final String ORGANIZER = "sr-organizer";

    @Inject
    ProgramReporter reporter;

    @Inject
    ReportGauges gauges;

    record Program(String id, String name, Map<String, String> tracks) {
    }

    /** A draft of a shipped program file, created by the organizer (its first organizer). */
    static Program create(String file) {
        JsonPath program = given().auth().oauth2(Tokens.admin(ORGANIZER)).contentType(ContentType.JSON)
                .body(ProgramFiles.load(file).toString()).post("/programs").then().statusCode(201).extract().jsonPath();
        Map<String, String> tracks = new TreeMap<>();
        for (Map<String, Object> track : program.<Map<String, Object>>getList("tracks")) {
            tracks.put((String) track.get("key"), (String) track.get("trackId"));
        }
        return new Program(program.getString("id"), program.getString("name"), tracks);
    }

    static String pairing(Program p, String track, String kind, String status, boolean toldInactive) throws Throwable {
        String id = UUID.randomUUID().toString();
        Database.execute("insert into pairing (pairing_id, program_id, track_id, track_kind, mentor_id, mentee_id, status, created_at,"
                + " last_activity_at, inactive_notified_at) values ('" + id + "', '" + p.id() + "', '" + p.tracks().get(track) + "', '"
                + kind + "', gen_random_uuid(), gen_random_uuid(), '" + status + "', now(), now(), "
                + (toldInactive ? "now()" : "null") + ")");
        return id;
    }

    /** A meeting of the pairing; {@code startsAt} null: no time yet. */
    static void meeting(Program p, String track, String pairing, int number, String status, Instant startsAt, int minutes) throws Throwable {
        Database.execute("insert into meeting (id, pairing_id, program_id, track_id, kind, number, status, starts_at, duration_minutes,"
                + " window_start, window_end, created_at, updated_at) values (gen_random_uuid(), '" + pairing + "', '" + p.id() + "', '"
                + p.tracks().get(track) + "', 'MENTORING', " + number + ", '" + status + "', "
                + (startsAt == null ? "null" : "'" + startsAt + "'") + ", " + minutes + ", now(), now(), now(), now())");
    }

    static String registration(Program p, String track, String role, String status) throws Throwable {
        String person = UUID.randomUUID().toString();
        Database.execute("insert into person_registration (registration_id, participant_id, program_id, track_id, role, status, updated_at)"
                + " values (gen_random_uuid(), '" + person + "', '" + p.id() + "', '" + p.tracks().get(track) + "', '" + role + "', '"
                + status + "', now())");
        return person;
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

    static void meetings(Map<String, Number> expected, String track, int proposed, int confirmed, int held, int cancelled, int inactive) {
        expected.put(track + "/meetings_proposed", proposed);
        expected.put(track + "/meetings_confirmed", confirmed);
        expected.put(track + "/meetings_held", held);
        expected.put(track + "/meetings_cancelled", cancelled);
        expected.put(track + "/inactive_pairs", inactive);
    }

    static void survey(Map<String, Number> expected, String track, String survey, int invited, int responded, Number rate) {
        expected.put(track + "/survey_invited{survey=" + survey + "}", invited);
        expected.put(track + "/survey_responded{survey=" + survey + "}", responded);
        expected.put(track + "/survey_response_rate{survey=" + survey + "}", rate);
    }

    @Test
    void knownMeetingsPairingsAndAnswersGiveExactlyTheirFiguresAsJsonCsvAndGauges() throws Throwable {
        Program p = create("ml4h-2025");
        Program earlier = create("ml4h-2024");
        Instant now = MovableClock.START;
        // author: every state of a meeting; one pairing told inactive, one told and dissolved since, one never told
        String a1 = pairing(p, "author", "AUTHOR", "ACTIVE", true);
        String a2 = pairing(p, "author", "AUTHOR", "ACTIVE", false);
        pairing(p, "author", "AUTHOR", "DISSOLVED", true);
        meeting(p, "author", a1, 1, "PROPOSED", now.plus(Duration.ofDays(3)), 60);
        meeting(p, "author", a1, 2, "UNSCHEDULED", null, 60);
        meeting(p, "author", a1, 3, "CONFIRMED", now.plus(Duration.ofDays(10)), 60);
        meeting(p, "author", a1, 4, "CONFIRMED", now.minus(Duration.ofHours(2)), 60);   // over: held
        meeting(p, "author", a1, 5, "HELD", now.minus(Duration.ofDays(14)), 60);
        meeting(p, "author", a1, 6, "CANCELLED", now.plus(Duration.ofDays(20)), 60);
        meeting(p, "author", a2, 1, "CONFIRMED", now.minus(Duration.ofMinutes(30)), 60); // under way: not held yet
        // career: one held meeting; reviewer: nothing at all
        String c1 = pairing(p, "career", "CAREER", "ACTIVE", false);
        meeting(p, "career", c1, 1, "HELD", now.minus(Duration.ofDays(1)), 60);
        // another program's, which this report must not count
        String e1 = pairing(earlier, "author", "AUTHOR", "ACTIVE", true);
        meeting(earlier, "author", e1, 1, "CONFIRMED", now.plus(Duration.ofDays(1)), 60);
        // the author survey (not anonymous, both roles): four could answer, two did
        List<String> people = List.of(registration(p, "author", "MENTEE", "ACTIVE"), registration(p, "author", "MENTEE", "ACTIVE"),
                registration(p, "author", "MENTEE", "ACTIVE"), registration(p, "author", "MENTOR", "ACTIVE"));
        registration(p, "author", "MENTEE", "WITHDRAWN");
        String survey = Database.query("select id::text from survey where track_id = '" + p.tracks().get("author")
                + "' and key = 'feedback-form'").get(0);
        int rating = 4;
        for (String person : people.subList(0, 2)) {
            Database.execute("insert into survey_answer (survey_id, participant_id, answers, answered_at, updated_at) values ('" + survey
                    + "', '" + person + "', '{\"overall\": " + rating++ + "}', now(), now())");
        }

        String organizer = Tokens.participant(ORGANIZER);
        JsonPath report = given().auth().oauth2(organizer).get("/programs/" + p.id() + "/report")
                .then().statusCode(200).body("service", equalTo("schedule")).body("programName", equalTo(p.name()))
                .body("tracks.trackKey", equalTo(List.of("author", "reviewer", "career")))
                .body("tracks.trackKind", equalTo(List.of("AUTHOR", "REVIEWER", "CAREER")))
                .body("tracks.trackName", equalTo(List.of("Author Mentorship", "Reviewer Mentorship", "Career Mentorship")))
                .extract().jsonPath();
        Map<String, Number> expected = new TreeMap<>();
        meetings(expected, "author", 2, 2, 2, 1, 2);
        meetings(expected, "reviewer", 0, 0, 0, 0, 0);
        meetings(expected, "career", 0, 0, 1, 0, 0);
        survey(expected, "author", "feedback-form", 4, 2, 0.5f); // REST Assured reads JSON decimals as floats
        expected.put("author/survey_rating_mean{question=overall, survey=feedback-form}", 4.5f);
        survey(expected, "reviewer", "program-survey", 0, 0, 0);
        survey(expected, "career", "feedback-form", 0, 0, 0);
        assertThat(figures(report)).isEqualTo(expected);

        // CSV: one figure a line
        String csv = given().auth().oauth2(organizer).get("/programs/" + p.id() + "/report?format=csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.split("\r\n")).contains(
                "service,program,track_key,track_kind,track_name,metric,dimensions,value",
                "schedule," + p.name() + ",author,AUTHOR,Author Mentorship,meetings_held,,2",
                "schedule," + p.name() + ",reviewer,REVIEWER,Reviewer Mentorship,meetings_proposed,,0",
                "schedule," + p.name() + ",author,AUTHOR,Author Mentorship,survey_response_rate,survey=feedback-form,0.5",
                "schedule," + p.name() + ",author,AUTHOR,Author Mentorship,survey_rating_mean,question=overall;survey=feedback-form,4.5")
                .hasSize(1 + expected.size());

        // editions side by side, tracks lined up by key
        JsonPath sideBySide = given().auth().oauth2(organizer).get("/programs/" + p.id() + "/report?compareWith=" + earlier.id())
                .then().statusCode(200).extract().jsonPath();
        assertThat(sideBySide.<Number>getList("rows.find { it.trackKey == 'author' && it.metric == 'meetings_confirmed' }.values"))
                .containsExactly(2, 1);
        assertThat(sideBySide.<Number>getList("rows.find { it.trackKey == 'author' && it.metric == 'inactive_pairs' }.values"))
                .containsExactly(2, 1);

        // nobody else: another participant, an admin who is not on its staff, who organizes only another program
        given().auth().oauth2(Tokens.participant("sr-stranger")).get("/programs/" + p.id() + "/report").then().statusCode(404);
        given().auth().oauth2(Tokens.admin("sr-admin")).get("/programs/" + p.id() + "/report").then().statusCode(404);
        String other = given().auth().oauth2(Tokens.admin("sr-other-organizer")).contentType(ContentType.JSON)
                .body(ProgramFiles.load("ml4h-2024").toString()).post("/programs").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.participant("sr-other-organizer")).get("/programs/" + p.id() + "/report").then().statusCode(404);
        given().auth().oauth2(Tokens.participant("sr-other-organizer")).get("/programs/" + other + "/report?compareWith=" + p.id())
                .then().statusCode(404);
        given().auth().oauth2(organizer).get("/programs/" + UUID.randomUUID() + "/report").then().statusCode(404);

        // the same figures as gauges (the scheduled refresh publishes each staffed program's report this way)
        ProgramReport counted = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> reporter.report(UUID.fromString(p.id()))));
        gauges.publish(counted);
        String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("mentorship_report_meetings_held{") && l.contains("program=\"" + p.id() + "\"")
                && l.contains("track=\"author\"") && l.contains("service=\"schedule\"")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(" 2.0"));
        assertThat(metrics.lines().filter(l -> l.startsWith("mentorship_report_survey_response_rate{") && l.contains("program=\"" + p.id() + "\"")
                && l.contains("track=\"author\"") && l.contains("survey=\"feedback-form\"")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(" 0.5"));
    }
}
