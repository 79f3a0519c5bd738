package dev.mentorship.matching.run;

import dev.mentorship.matching.Season;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.StaffEvents;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * A dry run sent with an Idempotency-Key: a retry answers the first run again and computes none; without a key each
 * request runs. A run has no body, so a key cannot come back with another one (422): it names one track's runs only.
 */
@QuarkusTest
class IdempotencyKeyTest {

    @Test
    void theSameKeyAnswersTheFirstRunAgainAndRunsOnce() {
        try (Season season = new Season().publish()) {
            season.author("idem-mentor", "MENTOR", 1, "causal inference");
            season.author("idem-mentee", "MENTEE", null, "causal inference");
            String runs = runs(season, season.author);
            String key = UUID.randomUUID().toString();

            Response first = run(runs, key);
            first.then().statusCode(201).header("Location", containsString("/matching-runs/"))
                    .header("Idempotent-Replayed", nullValue()).body("report.matched", equalTo(1));
            String id = first.path("id");

            Response again = run(runs, key);
            again.then().statusCode(201).contentType("application/json").header("Idempotent-Replayed", "true")
                    .header("Location", equalTo(first.header("Location"))).body("id", equalTo(id));
            assertThat(again.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
            assertThat(runsOf(season.author)).isEqualTo(1);
            // the run is the latest draft, still: the replay superseded nothing
            given().auth().oauth2(organizer()).get("/matching-runs/" + id).then().statusCode(200).body("status", equalTo("DRAFT"));

            // the key names this operation only: the career track's runs are another one
            String career = run(runs(season, season.career), key).then().statusCode(201)
                    .header("Idempotent-Replayed", nullValue()).extract().path("id");
            assertThat(career).isNotEqualTo(id);
        }
    }

    @Test
    void withoutAKeyEachRequestRunsAndAnInvalidKeyIsRefused() {
        try (Season season = new Season().publish()) {
            season.author("idem-plain-mentor", "MENTOR", 1, "ehr");
            String runs = runs(season, season.author);
            String first = run(runs, null).then().statusCode(201).extract().path("id");
            String second = run(runs, null).then().statusCode(201).extract().path("id");
            assertThat(second).isNotEqualTo(first);
            assertThat(runsOf(season.author)).isEqualTo(2);

            for (String bad : new String[]{"", "k".repeat(201)}) {
                run(runs, bad).then().statusCode(400).contentType("application/problem+json")
                        .body("errors.field", hasItem("header.Idempotency-Key"));
            }
            assertThat(runsOf(season.author)).isEqualTo(2);
        }
    }

    @Test
    void aReplayIsForTheProgramsOrganizersOnly() {
        try (Season season = new Season().publish(); EventProducer events = new EventProducer()) {
            season.author("idem-staff-mentor", "MENTOR", 1, "ehr");
            String runs = runs(season, season.author);
            String key = UUID.randomUUID().toString();
            run(runs, key).then().statusCode(201);
            // olivia leaves the program's staff: her key answers her nothing any more
            StaffEvents.organizers(events, UUID.fromString(season.programId), "oscar");
            Season.awaitCount("select count(*)::text from program_staff where program_id = '" + season.programId
                    + "' and person_id = '" + Tokens.subject("olivia") + "'", 0);
            run(runs, key).then().statusCode(404).contentType("application/problem+json")
                    .header("Idempotent-Replayed", nullValue());
        }
    }

    private static String organizer() {
        return Tokens.organizer("olivia");
    }

    private static String runs(Season season, String trackId) {
        return "/programs/" + season.programId + "/tracks/" + trackId + "/matching-runs";
    }

    private static Response run(String runs, String key) {
        var request = given().auth().oauth2(organizer());
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post(runs);
    }

    private static long runsOf(String trackId) {
        return Long.parseLong(Database.query("select count(*)::text from matching_run where track_id = '" + trackId + "'").get(0));
    }
}
