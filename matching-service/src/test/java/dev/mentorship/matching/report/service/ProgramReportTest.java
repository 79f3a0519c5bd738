package dev.mentorship.matching.report.service;

import dev.mentorship.matching.Season;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The program report of matching-service (README, "Program report"): a program with known registrations, pairings and
 * a waitlist gives exactly the figures counted by hand, per track, as JSON and CSV, beside another edition, for its
 * organizers only; and its scalar figures as gauges.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramReportTest {

    @Inject
    MatchingReporter reporter;

    @Inject
    ReportGauges gauges;

    Season season;
    Season lastYear;

    /**
     * Once, before the first test (RestAssured knows the test port from then on). The author track: five mentees, four
     * registered June 1 00:00Z; a1 paired after 10 h (score 0.9); a2 after 24 h (0.5, dissolved), again after 48 h
     * (0.55); a3 after 96 h (0.1, ended); a4 (June 2) waiting; a5 withdrew unpaired. The career track (aim 3 per mentor):
     * c1-c4 paired an hour after registering (0.7), two with a mentor of capacity 4 (below the aim), two with one of
     * capacity 2 (at their aim); a third mentor has none (not below: unused).
     */
    @BeforeEach
    void seasons() throws Throwable {
        if (season != null) {
            return;
        }
        Season season = new Season().publish();
        Season lastYear = new Season().publish();
        Rows author = new Rows(season.programId, season.author, "AUTHOR");
        String m1 = author.mentor(2);
        String m2 = author.mentor(2);
        String a1 = author.mentee("2025-06-01T00:00:00Z", "ACTIVE");
        String a2 = author.mentee("2025-06-01T00:00:00Z", "ACTIVE");
        String a3 = author.mentee("2025-06-01T00:00:00Z", "ACTIVE");
        String a4 = author.mentee("2025-06-02T00:00:00Z", "ACTIVE");
        author.mentee("2025-06-01T00:00:00Z", "WITHDRAWN");
        author.pairing(m1, a1, "2025-06-01T10:00:00Z", 0.9, "ACTIVE");
        author.pairing(m1, a2, "2025-06-02T00:00:00Z", 0.5, "DISSOLVED");
        author.pairing(m2, a2, "2025-06-03T00:00:00Z", 0.55, "ACTIVE");
        author.pairing(m2, a3, "2025-06-05T00:00:00Z", 0.1, "ENDED");
        author.waitlist(a4, "2025-06-02T00:00:00Z");
        Rows career = new Rows(season.programId, season.career, "CAREER");
        String c4mentor = career.mentor(4);
        String c2mentor = career.mentor(2);
        career.mentor(4);
        for (int i = 0; i < 4; i++) {
            String mentee = career.mentee("2025-07-01T00:00:00Z", "ACTIVE");
            career.pairing(i < 2 ? c4mentor : c2mentor, mentee, "2025-07-01T01:00:00Z", 0.7, "ACTIVE");
        }
        Rows lastAuthor = new Rows(lastYear.programId, lastYear.author, "AUTHOR");
        lastAuthor.mentee("2024-06-01T00:00:00Z", "ACTIVE");
        lastAuthor.mentee("2024-06-01T00:00:00Z", "ACTIVE");
        this.lastYear = lastYear;
        this.season = season;
    }

    /** Rows of one track, as the event consumers and the matching write them. */
    record Rows(String programId, String trackId, String kind) {

        String mentor(int capacity) throws Throwable {
            return registration("MENTOR", capacity, "2025-05-01T00:00:00Z", "ACTIVE");
        }

        String mentee(String registeredAt, String status) throws Throwable {
            return registration("MENTEE", null, registeredAt, status);
        }

        private String registration(String role, Integer capacity, String at, String status) throws Throwable {
            String id = UUID.randomUUID().toString();
            Database.execute("""
                    insert into registration (registration_id, participant_id, program_id, track_id, track_kind, role, status,
                        late, priority, capacity, name, email, affiliation, time_zone, registered_at, updated_at)
                    values ('%s', '%s', '%s', '%s', '%s', '%s', '%s', false, false, %s, 'Report Person', 'report@example.org',
                        'Report University', 'UTC', '%s', '%s')""".formatted(id, UUID.randomUUID(), programId, trackId, kind,
                    role, status, capacity == null ? "null" : capacity.toString(), at, at));
            return id;
        }

        void pairing(String mentor, String mentee, String at, double score, String status) throws Throwable {
            Database.execute("""
                    insert into pairing (id, program_id, track_id, mentor_id, mentee_id, status, score, explanation, created_at,
                        mentor_registration_id, mentee_registration_id, source, dissolved_at, ended_at)
                    select '%s', '%s', '%s', m.participant_id, e.participant_id, '%s', %s, '{}', '%s', '%s', '%s', 'RUN', %s, %s
                    from registration m, registration e where m.registration_id = '%s' and e.registration_id = '%s'"""
                    .formatted(UUID.randomUUID(), programId, trackId, status, score, at, mentor, mentee,
                            status.equals("DISSOLVED") ? "'" + at + "'::timestamptz + interval '1 day'" : "null",
                            status.equals("ENDED") ? "'" + at + "'::timestamptz + interval '30 days'" : "null", mentor, mentee));
        }

        void waitlist(String mentee, String at) throws Throwable {
            Database.execute("""
                    insert into waitlist_entry (mentee_registration_id, track_id, participant_id, priority, reason, waitlisted_at, registered_at)
                    select registration_id, track_id, participant_id, false, 'NO_CAPACITY', '%s', registered_at
                    from registration where registration_id = '%s'""".formatted(at, mentee));
        }
    }

    private static JsonPath report(String programId) {
        return given().auth().oauth2(Tokens.organizer("olivia")).accept("application/json")
                .get("/programs/" + programId + "/report").then().statusCode(200).extract().jsonPath();
    }

    private static double figure(JsonPath report, String trackKey, String metric, Map<String, String> dimensions) {
        List<Map<String, Object>> tracks = report.getList("tracks");
        Map<String, Object> track = tracks.stream().filter(t -> trackKey.equals(t.get("trackKey"))).findFirst()
                .orElseThrow(() -> new AssertionError("no track " + trackKey));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> figures = (List<Map<String, Object>>) track.get("figures");
        List<Number> values = figures.stream().filter(f -> metric.equals(f.get("metric"))
                && dimensions.equals(f.getOrDefault("dimensions", Map.of()))).map(f -> (Number) f.get("value")).toList();
        assertThat(values).as("%s %s %s", trackKey, metric, dimensions).hasSize(1);
        // JsonPath reads decimals as floats: back to the report's four decimals
        return Math.round(values.get(0).doubleValue() * 10_000) / 10_000.0;
    }

    private static double figure(JsonPath report, String trackKey, String metric) {
        return figure(report, trackKey, metric, Map.of());
    }

    @Test
    void aProgramWithKnownPairingsGivesExactlyTheirFigures() {
        JsonPath report = report(season.programId);
        assertThat(report.getString("service")).isEqualTo("matching");
        assertThat(report.getString("programName")).isEqualTo("ML4H Test");
        assertThat(report.getList("tracks.trackKey")).containsExactly("author", "career");
        assertThat(report.getList("tracks.trackKind")).containsExactly("AUTHOR", "CAREER");
        assertThat(report.getList("tracks.trackName")).containsExactly("Author track", "Career track");

        assertThat(figure(report, "author", "mentees")).isEqualTo(5);
        assertThat(figure(report, "author", "matched_mentees")).isEqualTo(3);
        assertThat(figure(report, "author", "match_rate")).isEqualTo(0.6);
        assertThat(figure(report, "author", "waitlisted")).isEqualTo(1);
        // hours to the first pairing: 10, 24 (the dissolved one counts: it was their first), 96
        assertThat(figure(report, "author", "time_to_match_hours", Map.of("stat", "median"))).isEqualTo(24);
        assertThat(figure(report, "author", "time_to_match_hours", Map.of("stat", "p90"))).isEqualTo(81.6);
        assertThat(figure(report, "author", "time_to_match_hours", Map.of("stat", "max"))).isEqualTo(96);
        assertThat(figure(report, "author", "pairings")).isEqualTo(3);
        assertThat(figure(report, "author", "pairings_dissolved")).isEqualTo(1);
        assertThat(figure(report, "author", "pairings_by_score_band", Map.of("band", "0.0-0.2"))).isEqualTo(1);
        assertThat(figure(report, "author", "pairings_by_score_band", Map.of("band", "0.2-0.4"))).isZero();
        assertThat(figure(report, "author", "pairings_by_score_band", Map.of("band", "0.4-0.6"))).isEqualTo(1);
        assertThat(figure(report, "author", "pairings_by_score_band", Map.of("band", "0.6-0.8"))).isZero();
        assertThat(figure(report, "author", "pairings_by_score_band", Map.of("band", "0.8-1.0"))).isEqualTo(1);
        assertThat(figure(report, "author", "mentors_below_aim")).isZero();

        assertThat(figure(report, "career", "mentees")).isEqualTo(4);
        assertThat(figure(report, "career", "matched_mentees")).isEqualTo(4);
        assertThat(figure(report, "career", "match_rate")).isEqualTo(1);
        assertThat(figure(report, "career", "waitlisted")).isZero();
        for (String stat : List.of("median", "p90", "max")) {
            assertThat(figure(report, "career", "time_to_match_hours", Map.of("stat", stat))).isEqualTo(1);
        }
        assertThat(figure(report, "career", "pairings")).isEqualTo(4);
        assertThat(figure(report, "career", "pairings_by_score_band", Map.of("band", "0.6-0.8"))).isEqualTo(4);
        assertThat(figure(report, "career", "mentors_below_aim")).isEqualTo(1);

        // an edition where nothing was paired: its zeros, every figure there
        JsonPath empty = report(lastYear.programId);
        assertThat(figure(empty, "author", "mentees")).isEqualTo(2);
        assertThat(figure(empty, "author", "match_rate")).isZero();
        assertThat(figure(empty, "author", "time_to_match_hours", Map.of("stat", "median"))).isZero();
        assertThat(figure(empty, "career", "mentees")).isZero();
        assertThat(empty.getList("tracks.find { it.trackKey == 'career' }.figures")).hasSize(15);
    }

    @Test
    void theCsvHasOneLinePerFigure() {
        String csv = given().auth().oauth2(Tokens.organizer("olivia")).accept("text/csv")
                .get("/programs/" + season.programId + "/report").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("service,program,track_key,track_kind,track_name,metric,dimensions,value");
        assertThat(lines).contains(
                "matching,ML4H Test,author,AUTHOR,Author track,mentees,,5",
                "matching,ML4H Test,author,AUTHOR,Author track,match_rate,,0.6",
                "matching,ML4H Test,author,AUTHOR,Author track,time_to_match_hours,stat=p90,81.6",
                "matching,ML4H Test,author,AUTHOR,Author track,pairings_by_score_band,band=0.8-1.0,1",
                "matching,ML4H Test,career,CAREER,Career track,mentors_below_aim,,1");
        assertThat(lines).hasSize(1 + 2 * 15);
    }

    @Test
    void twoEditionsSideBySideLineTheirTracksUp() {
        JsonPath comparison = given().auth().oauth2(Tokens.organizer("olivia")).accept("application/json")
                .queryParam("compareWith", lastYear.programId)
                .get("/programs/" + season.programId + "/report").then().statusCode(200).extract().jsonPath();
        assertThat(comparison.getList("editions.programId")).containsExactly(season.programId, lastYear.programId);
        assertThat(comparison.<Number>getList("rows.find { it.trackKey == 'author' && it.metric == 'mentees' }.values"))
                .containsExactly(5, 2);
        assertThat(comparison.<Number>getList("rows.find { it.trackKey == 'author' && it.metric == 'match_rate' }.values"))
                .containsExactly(0.6f, 0);
        assertThat(comparison.<Number>getList("rows.find { it.trackKey == 'career' && it.metric == 'mentors_below_aim' }.values"))
                .containsExactly(1, 0);
        assertThat(comparison.getList("rows")).hasSize(2 * 15);
    }

    @Test
    void onlyTheProgramsOrganizersSeeItAndAnUnknownProgramIs404() throws Throwable {
        given().auth().oauth2(Tokens.participant("report-stranger")).get("/programs/" + season.programId + "/report")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.organizer("report-outsider")).get("/programs/" + season.programId + "/report")
                .then().statusCode(404).contentType("application/problem+json");
        // olivia organizes lastYear, not a program she is not staff of, even beside her own
        given().auth().oauth2(Tokens.organizer("olivia")).queryParam("compareWith", UUID.randomUUID())
                .get("/programs/" + season.programId + "/report").then().statusCode(404);
        // an organizer of a program this service never saw published
        UUID unpublished = UUID.randomUUID();
        try (EventProducer events = new EventProducer()) {
            StaffEvents.organizers(events, unpublished, "olivia");
        }
        Season.awaitCount("select count(*)::text from program_staff where program_id = '" + unpublished + "'", 1);
        given().auth().oauth2(Tokens.organizer("olivia")).get("/programs/" + unpublished + "/report")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("This service has not seen program " + unpublished + " published."));
        given().auth().oauth2(Tokens.organizer("olivia")).get("/programs/" + UUID.randomUUID() + "/report")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theScalarFiguresAreGauges() throws Throwable {
        ProgramReport report = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                reporter.report(UUID.fromString(season.programId))));
        gauges.publish(report);
        String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("mentorship_report_match_rate{")
                && l.contains("program=\"" + season.programId + "\"") && l.contains("track=\"author\"")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(" 0.6").contains("service=\"matching\""));
        assertThat(metrics.lines().filter(l -> l.startsWith("mentorship_report_time_to_match_hours{")
                && l.contains("program=\"" + season.programId + "\"") && l.contains("track=\"author\"") && l.contains("stat=\"max\"")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(" 96.0"));
    }
}
