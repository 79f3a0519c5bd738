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
 * includes the database and Kafka, OpenAPI with bearer security and Swagger UI, Prometheus metrics, bearer
 * tokens required and checked (signature, expiry, audience), roles enforced, and errors as problem+json.
 * A service's {@code @QuarkusTest} extends this and names its endpoints.
 */
public abstract class ServiceFoundationContract {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** A GET endpoint that any participant may call and that answers a page ({@code items}, {@code total}). */
    protected abstract String participantListEndpoint();

    /** A GET endpoint for organizers only, or null where the service has none yet. */
    protected String organizerOnlyEndpoint() {
        return null;
    }

    @Test
    void readinessIsUpAndIncludesDatabaseAndKafka() {
        List<String> checks = given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath().getList("checks.name");
        assertThat(checks).anyMatch(name -> name.contains("PostgreSQL") || name.contains("Database"));
        assertThat(checks).anyMatch(name -> name.contains("Kafka"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
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
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
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
    void organizerOnlyEndpointRefusesParticipantsAndServesOrganizers() {
        String endpoint = organizerOnlyEndpoint();
        Assumptions.assumeTrue(endpoint != null, "this service has no organizer-only endpoint yet");
        given().when().get(endpoint).then().statusCode(401).contentType(PROBLEM_JSON);
        given().auth().oauth2(Tokens.participant("anna")).when().get(endpoint)
                .then().statusCode(403).contentType(PROBLEM_JSON).body("status", equalTo(403));
        given().auth().oauth2(Tokens.organizer("olivia")).when().get(endpoint)
                .then().statusCode(200).body("items", notNullValue());
    }
}
