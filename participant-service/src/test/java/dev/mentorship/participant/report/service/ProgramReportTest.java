package dev.mentorship.participant.report.service;

import dev.mentorship.participant.Requests;
import dev.mentorship.participant.TestPrograms;
import dev.mentorship.runtime.report.ProgramReport;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The program report of participant-service (README, "Program report"): a program with known registrations gives
 * exactly the figures counted by hand, per track and role, with days in the program's time zone (AoE), as JSON and
 * CSV, beside another edition, for its organizers only; and its scalar figures as gauges.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramReportTest {

    @Inject
    ParticipantReporter reporter;

    @Inject
    ReportGauges gauges;

    TestPrograms.Published program;
    TestPrograms.Published lastYear;
    /** Today in AoE, when the reviewer-track registration was made through the API. */
    LocalDate today;

    /** Once, before the first test (RestAssured knows the test port from the first test on). */
    @BeforeEach
    void season() throws Throwable {
        if (program != null) {
            return;
        }
        TestPrograms.Published program = TestPrograms.publish();
        TestPrograms.Published lastYear = TestPrograms.publish();
        // the author track: registrations at known instants; 11:00Z is still the previous day in AoE (UTC-12)
        insert(program, program.author(), "MENTEE", "2025-06-01T11:00:00Z", false, false);
        insert(program, program.author(), "MENTEE", "2025-06-01T13:00:00Z", false, false);
        insert(program, program.author(), "MENTEE", "2025-06-03T13:00:00Z", true, true);
        insert(program, program.author(), "MENTOR", "2025-06-01T20:00:00Z", false, false);
        insert(lastYear, lastYear.author(), "MENTEE", "2024-06-01T20:00:00Z", false, false);
        // the reviewer track: one registration through the API, then withdrawn
        String registration = Requests.register("report-rhea", program.programId(), program.reviewer(),
                Requests.registration("MENTEE", Requests.reviewerMentee())).then().statusCode(201).extract().path("id");
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(-12));
        Requests.as(Tokens.participant("report-rhea")).body(Map.of()).post("/me/registrations/" + registration + "/withdraw")
                .then().statusCode(200);
        this.lastYear = lastYear;
        this.today = today;
        this.program = program;
    }

    private static void insert(TestPrograms.Published program, String trackId, String role, String at, boolean late,
                               boolean withdrawn) throws Throwable {
        Database.execute("""
                insert into registration (id, participant_id, program_id, track_id, track_kind, role, status, registered_at,
                    late, code_of_conduct_version, code_of_conduct_accepted_at, updated_at, withdrawn_at)
                values ('%s', '%s', '%s', '%s', 'AUTHOR', '%s', '%s', '%s', %s, '2025', '%s', '%s', %s)""".formatted(
                UUID.randomUUID(), UUID.randomUUID(), program.programId(), trackId, role, withdrawn ? "WITHDRAWN" : "ACTIVE",
                at, late, at, at, withdrawn ? "'" + at + "'" : "null"));
    }

    private static JsonPath report(String programId) {
        return given().auth().oauth2(Tokens.organizer("olivia")).accept("application/json")
                .get("/programs/" + programId + "/report").then().statusCode(200).extract().jsonPath();
    }

    private static Number figure(JsonPath report, String trackKey, String metric, Map<String, String> dimensions) {
        List<Map<String, Object>> tracks = report.getList("tracks");
        Map<String, Object> track = tracks.stream().filter(t -> trackKey.equals(t.get("trackKey"))).findFirst()
                .orElseThrow(() -> new AssertionError("no track " + trackKey));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> figures = (List<Map<String, Object>>) track.get("figures");
        List<Number> values = figures.stream().filter(f -> metric.equals(f.get("metric"))
                && dimensions.equals(f.getOrDefault("dimensions", Map.of()))).map(f -> (Number) f.get("value")).toList();
        assertThat(values).as("%s %s %s", trackKey, metric, dimensions).hasSize(1);
        return values.get(0);
    }

    private static long count(JsonPath report, String trackKey, String metric, String role) {
        return figure(report, trackKey, metric, Map.of("role", role)).longValue();
    }

    private static long day(JsonPath report, String trackKey, String role, String day) {
        return figure(report, trackKey, "registrations_per_day", Map.of("role", role, "day", day)).longValue();
    }

    @Test
    void aProgramWithKnownRegistrationsGivesExactlyTheirFigures() {
        JsonPath report = report(program.programId());
        assertThat(report.getString("service")).isEqualTo("participant");
        assertThat(report.getString("programId")).isEqualTo(program.programId());
        assertThat(report.getString("programName")).isEqualTo("ML4H 2099");
        // every track of the program appears, with its key, kind and name
        assertThat(report.getList("tracks.trackKey")).containsExactlyInAnyOrder("author", "author-late", "reviewer", "career",
                "closed", "future");
        assertThat(report.getString("tracks.find { it.trackKey == 'author' }.trackKind")).isEqualTo("AUTHOR");
        assertThat(report.getString("tracks.find { it.trackKey == 'author' }.trackName")).isEqualTo("author track");

        assertThat(count(report, "author", "registrations", "MENTEE")).isEqualTo(3);
        assertThat(count(report, "author", "registrations", "MENTOR")).isEqualTo(1);
        assertThat(count(report, "author", "registrations_on_time", "MENTEE")).isEqualTo(2);
        assertThat(count(report, "author", "registrations_late", "MENTEE")).isEqualTo(1);
        assertThat(count(report, "author", "registrations_on_time", "MENTOR")).isEqualTo(1);
        assertThat(count(report, "author", "registrations_late", "MENTOR")).isZero();
        assertThat(count(report, "author", "withdrawals", "MENTEE")).isEqualTo(1);
        assertThat(count(report, "author", "withdrawals", "MENTOR")).isZero();
        // days in AoE: 2025-06-01T11:00Z is May 31 there; June 2 had none (a zero, both roles have the same days)
        assertThat(day(report, "author", "MENTEE", "2025-05-31")).isEqualTo(1);
        assertThat(day(report, "author", "MENTEE", "2025-06-01")).isEqualTo(1);
        assertThat(day(report, "author", "MENTEE", "2025-06-02")).isZero();
        assertThat(day(report, "author", "MENTEE", "2025-06-03")).isEqualTo(1);
        assertThat(day(report, "author", "MENTOR", "2025-05-31")).isZero();
        assertThat(day(report, "author", "MENTOR", "2025-06-01")).isEqualTo(1);
        assertThat(report.getList("tracks.find { it.trackKey == 'author' }.figures.findAll { it.metric == 'registrations_per_day' }"))
                .hasSize(8);

        // through the API, then withdrawn: counted as registered (on time) and as a withdrawal
        assertThat(count(report, "reviewer", "registrations", "MENTEE")).isEqualTo(1);
        assertThat(count(report, "reviewer", "registrations_on_time", "MENTEE")).isEqualTo(1);
        assertThat(count(report, "reviewer", "withdrawals", "MENTEE")).isEqualTo(1);
        assertThat(day(report, "reviewer", "MENTEE", today.toString())).isEqualTo(1);

        // a track where nothing happened has its zeros, and no days
        for (String role : List.of("MENTOR", "MENTEE")) {
            for (String metric : List.of("registrations", "registrations_on_time", "registrations_late", "withdrawals")) {
                assertThat(count(report, "career", metric, role)).isZero();
            }
        }
        assertThat(report.getList("tracks.find { it.trackKey == 'career' }.figures")).hasSize(8);
    }

    @Test
    void theCsvHasOneLinePerFigure() {
        String csv = given().auth().oauth2(Tokens.organizer("olivia")).accept("text/csv")
                .get("/programs/" + program.programId() + "/report").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("service,program,track_key,track_kind,track_name,metric,dimensions,value");
        assertThat(lines).contains(
                "participant,ML4H 2099,author,AUTHOR,author track,registrations,role=MENTEE,3",
                "participant,ML4H 2099,author,AUTHOR,author track,registrations_late,role=MENTEE,1",
                "participant,ML4H 2099,author,AUTHOR,author track,withdrawals,role=MENTEE,1",
                "participant,ML4H 2099,author,AUTHOR,author track,registrations_per_day,day=2025-05-31;role=MENTEE,1",
                "participant,ML4H 2099,career,CAREER,career track,registrations,role=MENTOR,0");
        // 6 tracks × 8 counts, the author track's 8 days, the reviewer track's 2 (one day, two roles), the header
        assertThat(lines).hasSize(6 * 8 + 8 + 2 + 1);
        // format=csv says the same
        assertThat(given().auth().oauth2(Tokens.organizer("olivia")).queryParam("format", "csv")
                .get("/programs/" + program.programId() + "/report").then().statusCode(200).extract().asString()).isEqualTo(csv);
    }

    @Test
    void twoEditionsSideBySideLineTheirTracksUp() {
        JsonPath comparison = given().auth().oauth2(Tokens.organizer("olivia")).accept("application/json")
                .queryParam("compareWith", lastYear.programId())
                .get("/programs/" + program.programId() + "/report").then().statusCode(200).extract().jsonPath();
        assertThat(comparison.getList("editions.programId")).containsExactly(program.programId(), lastYear.programId());
        List<Map<String, Object>> rows = comparison.getList("rows");
        Map<String, Object> mentees = rows.stream().filter(r -> "author".equals(r.get("trackKey"))
                && "registrations".equals(r.get("metric")) && Map.of("role", "MENTEE").equals(r.get("dimensions"))).findFirst().orElseThrow();
        assertThat(mentees.get("values")).isEqualTo(List.of(3, 1));
        Map<String, Object> lastYearsDay = rows.stream().filter(r -> "author".equals(r.get("trackKey"))
                && "registrations_per_day".equals(r.get("metric"))
                && Map.of("role", "MENTEE", "day", "2024-06-01").equals(r.get("dimensions"))).findFirst().orElseThrow();
        assertThat(java.util.Arrays.asList(((List<?>) lastYearsDay.get("values")).toArray())).containsExactly(null, 1);
        String csv = given().auth().oauth2(Tokens.organizer("olivia")).queryParam("format", "csv")
                .queryParam("compareWith", lastYear.programId())
                .get("/programs/" + program.programId() + "/report").then().statusCode(200).extract().asString();
        assertThat(csv).contains("participant,author,AUTHOR,registrations,role=MENTEE,3,1\r\n");
    }

    @Test
    void badComparisonsAreProblemsNamingTheField() {
        for (String bad : List.of("not-a-program", program.programId().toString())) {
            given().auth().oauth2(Tokens.organizer("olivia")).queryParam("compareWith", bad)
                    .get("/programs/" + program.programId() + "/report").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("compareWith"));
        }
        given().auth().oauth2(Tokens.organizer("olivia")).queryParam("format", "xlsx")
                .get("/programs/" + program.programId() + "/report").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("format"));
    }

    @Test
    void onlyTheProgramsOrganizersSeeItAndAnUnknownProgramIs404() throws Throwable {
        given().auth().oauth2(Tokens.participant("report-rhea")).get("/programs/" + program.programId() + "/report")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.organizer("report-outsider")).get("/programs/" + program.programId() + "/report")
                .then().statusCode(404).contentType("application/problem+json");
        // an organizer of a program this service never saw published
        UUID unpublished = UUID.randomUUID();
        try (EventProducer events = new EventProducer()) {
            StaffEvents.organizers(events, unpublished, "olivia");
        }
        awaitStaff(unpublished);
        given().auth().oauth2(Tokens.organizer("olivia")).get("/programs/" + unpublished + "/report")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("There is no published program " + unpublished));
        given().auth().oauth2(Tokens.organizer("olivia")).get("/programs/" + UUID.randomUUID() + "/report")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theScalarFiguresAreGauges() throws Throwable {
        ProgramReport report = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                reporter.report(UUID.fromString(program.programId()))));
        gauges.publish(report);
        String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> lines = metrics.lines().filter(l -> l.startsWith("mentorship_report_registrations{")
                && l.contains("program=\"" + program.programId() + "\"") && l.contains("track=\"author\"")
                && l.contains("role=\"MENTEE\"")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).endsWith(" 3.0").contains("service=\"participant\"");
        // a time series stays in the report
        assertThat(metrics).doesNotContain("mentorship_report_registrations_per_day");
    }

    static void awaitStaff(UUID programId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Integer.parseInt(Database.query("select count(*)::text from program_staff where program_id = '" + programId + "'").get(0)) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the staff of " + programId + " never arrived");
            }
            Thread.sleep(50);
        }
    }
}
