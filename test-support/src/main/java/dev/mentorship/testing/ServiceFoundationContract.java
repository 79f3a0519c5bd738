package dev.mentorship.testing;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What every service of the platform guarantees from its foundation, checked the same way in each: health that
 * includes the database and Kafka and Prometheus metrics, both on the management interface only (its own port, which
 * no Ingress routes), OpenAPI with bearer security and Swagger UI, bearer tokens required and checked (signature,
 * expiry, audience, a verified email), roles enforced, and errors as problem+json.
 * A service's {@code @QuarkusTest} extends this and names its endpoints.
 */
public abstract class ServiceFoundationContract {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** A GET endpoint that any participant may call and that answers a page ({@code items}, {@code total}). */
    protected abstract String participantListEndpoint();

    /**
     * A GET endpoint for the organizers of one program only, of a program the test made olivia an organizer of (and
     * nobody else), or null where the service has none.
     */
    protected String organizerOnlyEndpoint() {
        return null;
    }

    /** Whether a platform admin who is not on the program's staff may read {@link #organizerOnlyEndpoint()} (staff lists). */
    protected boolean adminsMayReadIt() {
        return false;
    }

    @Test
    void readinessIsUpAndIncludesDatabaseAndKafka() {
        List<String> checks = ManagementInterface.given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath().getList("checks.name");
        assertThat(checks).anyMatch(name -> name.contains("PostgreSQL") || name.contains("Database"));
        assertThat(checks).anyMatch(name -> name.contains("Kafka"));
    }

    @Test
    void livenessIsUp() {
        ManagementInterface.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        ManagementInterface.given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Health and metrics are served on the management interface only: the API's port (what an Ingress routes) has neither. */
    @Test
    void healthAndMetricsAreNotOnTheApiPort() {
        assertThat(ManagementInterface.port()).isPositive().isNotEqualTo(io.restassured.RestAssured.port);
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics")) {
            given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void openApiDocumentsTheEndpointsAndBearerSecurity() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", notNullValue())
                .body("paths", org.hamcrest.Matchers.hasKey(participantListEndpoint()))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void swaggerUiServes() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void prometheusMetricsServe() {
        given().auth().oauth2(Tokens.participant("metrics-reader")).get(participantListEndpoint());
        ManagementInterface.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    /**
     * Every metric the alert rules and the dashboard of deploy/k8s read from this service is exported (the shared list
     * deploy/k8s/base/monitoring/metrics.txt): the outbox backlog, dead letters, Kafka consumer lag, and the service's
     * own (mail, reminders, matching runs). Some appear once their bean or Kafka consumer started: waited for.
     */
    @Test
    void theMetricsTheAlertsAndTheDashboardReadAreExported() throws InterruptedException {
        String service = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        given().auth().oauth2(Tokens.participant("metrics-reader")).get(participantListEndpoint());
        java.util.Set<String> expected = MonitoredMetrics.of(service);
        assertThat(expected).as("metrics.txt lines for " + service).contains("mentorship_outbox_pending_events");
        java.util.Set<String> missing = expected;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            java.util.Set<String> exported = MonitoredMetrics.exported(ManagementInterface.given().when().get("/q/metrics")
                    .then().statusCode(200).extract().asString());
            missing = new java.util.TreeSet<>(expected);
            missing.removeAll(exported);
            if (!missing.isEmpty()) {
                Thread.sleep(500);
            }
        }
        assertThat(missing).as(service + " exports every metric its alerts and dashboard read").isEmpty();
    }

    @Test
    void requestWithoutTokenGets401ProblemWithBearerChallenge() {
        given().when().get(participantListEndpoint())
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("type", equalTo("/problems/unauthorized"));
    }

    @Test
    void eachProblemTypeResolvesToItsPageWithoutAToken() {
        String unauthorized = given().when().get(participantListEndpoint()).then().statusCode(401).extract().path("type");
        String invalid = given().auth().oauth2(Tokens.participant("anna")).queryParam("page", -1)
                .when().get(participantListEndpoint()).then().statusCode(400).extract().path("type");
        String notFound = given().auth().oauth2(Tokens.participant("anna")).when().get("/no-such-resource")
                .then().statusCode(404).extract().path("type");
        assertThat(List.of(unauthorized, invalid, notFound))
                .containsExactly("/problems/unauthorized", "/problems/validation", "/problems/not-found");
        for (String type : List.of(unauthorized, invalid, notFound)) {
            given().when().get(type).then().statusCode(200).contentType(containsString("text/markdown"))
                    .body(org.hamcrest.Matchers.startsWith("## " + type.substring("/problems/".length()) + " "));
        }
        given().when().get("/problems/no-such-kind").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void pagedListsLinkTheirPagesAndTellTheTotal() {
        var response = given().auth().oauth2(Tokens.participant("someone-new")).queryParam("size", 5)
                .when().get(participantListEndpoint()).then().statusCode(200).extract();
        assertThat(response.header("X-Total-Count")).isEqualTo(String.valueOf(response.<Integer>path("total")));
        assertThat(response.header("Link"))
                .contains("rel=\"first\"", "rel=\"last\"", "page=0", "size=5")
                .doesNotContain("rel=\"prev\"");
    }

    @Test
    void theFrontendsOriginMayReadTheHeadersItNeeds() {
        String exposed = given().header("Origin", "http://localhost:5173").auth().oauth2(Tokens.participant("anna"))
                .when().get(participantListEndpoint()).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .extract().header("Access-Control-Expose-Headers");
        assertThat(exposed).contains("Location", "ETag", "Retry-After", "Link", "X-Total-Count");
    }

    @Test
    void expiredTokenGets401() {
        given().auth().oauth2(Tokens.expired("anna")).when().get(participantListEndpoint())
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void tokenMintedForAnotherAudienceGets401() {
        given().auth().oauth2(Tokens.forOtherAudience("anna")).when().get(participantListEndpoint())
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void forgedTokenGets401() {
        String token = Tokens.participant("anna");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get(participantListEndpoint())
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    /**
     * Verified people only: a valid token whose {@code email_verified} is false, or missing, gets 403 problem+json that
     * says why, on every endpoint that needs a signed-in person; endpoints open to anyone still answer it.
     */
    @Test
    void tokenWithoutAVerifiedEmailGets403ProblemSayingWhy() {
        List<String> endpoints = new java.util.ArrayList<>(List.of(participantListEndpoint()));
        if (organizerOnlyEndpoint() != null) {
            endpoints.add(organizerOnlyEndpoint());
        }
        // an unverified participant, one whose token lacks the claim, an unverified platform admin
        List<String> tokens = List.of(Tokens.unverified("una"), Tokens.withoutEmailVerified("una"),
                Tokens.token("otto", List.of("admin", "participant"), Tokens.AUDIENCE, java.time.Duration.ofMinutes(15), false));
        for (String endpoint : endpoints) {
            for (String token : tokens) {
                given().auth().oauth2(token).when().get(endpoint)
                        .then().statusCode(403)
                        .contentType(PROBLEM_JSON)
                        .body("status", equalTo(403))
                        .body("type", equalTo("/problems/forbidden"))
                        .body("detail", containsString("email address is not verified"));
            }
        }
        given().auth().oauth2(Tokens.unverified("una")).when().get("/problems/forbidden").then().statusCode(200);
        given().auth().oauth2(Tokens.participant("una")).when().get(participantListEndpoint()).then().statusCode(200);
    }

    @Test
    void participantTokenIsAcceptedAndGetsAPage() {
        given().auth().oauth2(Tokens.participant("someone-new")).when().get(participantListEndpoint())
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("items", notNullValue())
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("total", notNullValue());
    }

    @Test
    void invalidPagingGets400ProblemNamingEachBadField() {
        given().auth().oauth2(Tokens.participant("anna"))
                .queryParam("page", -1).queryParam("size", 100_000)
                .when().get(participantListEndpoint())
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("errors.field", hasItem("page"))
                .body("errors.field", hasItem("size"))
                .body("detail", containsString("size"));
    }

    @Test
    void malformedQueryParameterGets4xxProblem() {
        given().auth().oauth2(Tokens.participant("anna"))
                .queryParam("size", "twenty")
                .when().get(participantListEndpoint())
                .then().statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                        .and(org.hamcrest.Matchers.lessThan(500)))
                .contentType(PROBLEM_JSON);
    }

    @Test
    void unknownPathGets404Problem() {
        given().auth().oauth2(Tokens.participant("anna")).when().get("/no-such-resource")
                .then().statusCode(404).contentType(PROBLEM_JSON).body("status", equalTo(404));
    }

    @Test
    void organizerOnlyEndpointHidesTheProgramFromEveryoneButItsOrganizers() {
        String endpoint = organizerOnlyEndpoint();
        Assumptions.assumeTrue(endpoint != null, "this service has no organizer-only endpoint yet");
        given().when().get(endpoint).then().statusCode(401).contentType(PROBLEM_JSON);
        // another participant (and an admin who is not on the program's staff): as if the program did not exist
        given().auth().oauth2(Tokens.participant("anna")).when().get(endpoint)
                .then().statusCode(404).contentType(PROBLEM_JSON).body("status", equalTo(404));
        given().auth().oauth2(Tokens.admin("adam")).when().get(endpoint).then().statusCode(adminsMayReadIt() ? 200 : 404);
        given().auth().oauth2(Tokens.organizer("olivia")).when().get(endpoint).then().statusCode(200);
    }
}
