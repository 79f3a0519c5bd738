package dev.mentorship.matching.run;

import dev.mentorship.matching.Season;
import dev.mentorship.matching.run.service.MatchingRuns;
import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.testing.ManagementInterface;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Organizers' matching runs are counted by outcome for the alert on failing runs (deploy/k8s alerts.yaml,
 * MentorshipMatchingRunsFailing): a run and a publication that succeed, a publication refused with a 409 the
 * organizer can act on (not a failure), and an unexpected error (a failure), as Prometheus reads them.
 */
@QuarkusTest
class MatchingRunOutcomesTest {

    @Inject
    MatchingRuns outcomes;

    @Test
    void runsAndPublicationsAreCountedBySuccessRefusalAndFailure() {
        try (Season season = new Season().publish()) {
            season.author("outcome-mentor", "MENTOR", 1, "causal inference");
            season.author("outcome-mentee", "MENTEE", null, "causal inference");
            double runs = scraped("run", "succeeded");
            double published = scraped("publish", "succeeded");
            double refused = scraped("publish", "refused");
            double failed = scraped("publish", "failed");

            String id = given().auth().oauth2(Tokens.organizer("olivia"))
                    .post("/programs/" + season.programId + "/tracks/" + season.author + "/matching-runs")
                    .then().statusCode(201).extract().path("id");
            given().auth().oauth2(Tokens.organizer("olivia")).post("/matching-runs/" + id + "/publish")
                    .then().statusCode(200).body("status", equalTo("PUBLISHED"));
            given().auth().oauth2(Tokens.organizer("olivia")).post("/matching-runs/" + id + "/publish")
                    .then().statusCode(409).contentType("application/problem+json");

            assertThat(scraped("run", "succeeded")).isEqualTo(runs + 1);
            assertThat(scraped("publish", "succeeded")).isEqualTo(published + 1);
            assertThat(scraped("publish", "refused")).isEqualTo(refused + 1);
            assertThat(scraped("publish", "failed")).as("a refusal is not a failure").isEqualTo(failed);
        }
    }

    @Test
    void aServerErrorIsAFailureAndAProblemTheOrganizerCanActOnIsNot() {
        double failed = outcomes.count("run", "failed");
        double refused = outcomes.count("run", "refused");
        outcomes.ended(MatchingRuns.Operation.RUN, new IllegalStateException("the solver broke"));
        outcomes.ended(MatchingRuns.Operation.RUN, ProblemException.conflict("A matching run is in progress"));
        assertThat(outcomes.count("run", "failed")).isEqualTo(failed + 1);
        assertThat(outcomes.count("run", "refused")).isEqualTo(refused + 1);
        assertThat(scraped("run", "failed")).isEqualTo(failed + 1);
    }

    /** The counter's value as Prometheus scrapes it from the management interface. */
    private static double scraped(String operation, String outcome) {
        String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^mentorship_matching_runs_total\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains("operation=\"" + operation + "\"") && line.group(1).contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("no mentorship_matching_runs_total{operation=" + operation + ", outcome=" + outcome + "} in /q/metrics");
    }
}
