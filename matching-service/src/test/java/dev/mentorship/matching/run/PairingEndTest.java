package dev.mentorship.matching.run;

import dev.mentorship.matching.Season;
import dev.mentorship.matching.pairing.service.PairingTerms;
import dev.mentorship.testing.EventSchemas;
import dev.mentorship.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static dev.mentorship.matching.run.MatchingFlowTest.SCHEMAS;
import static dev.mentorship.matching.run.MatchingFlowTest.WAIT;
import static dev.mentorship.matching.run.MatchingFlowTest.organizer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Programs end: when the milestone that ends a track's pairings passes (here: moved into the past, as an organizer
 * would move it), every active pairing of the track ends once with PairingEnded, and no pairing is made after it,
 * neither by rolling matching nor by publishing a run.
 */
@QuarkusTest
class PairingEndTest {

    @Inject
    PairingTerms terms;

    @Test
    void aTracksPairingsEndWithItsPartOfTheProgramOnceAndNoneIsMadeAfterIt() throws Throwable {
        try (Season season = new Season().publish(); TopicReader topic = new TopicReader("mentorship.pairings")) {
            Season.Person mentor = season.author("end-mentor", "MENTOR", 2, "causal inference");
            Season.Person mentee = season.author("end-mentee", "MENTEE", null, "causal inference");
            String runs = "/programs/" + season.programId + "/tracks/" + season.author + "/matching-runs";
            String run = given().auth().oauth2(organizer()).post(runs).then().statusCode(201).extract().path("id");
            given().auth().oauth2(organizer()).post("/matching-runs/" + run + "/publish").then().statusCode(200);
            String pairingId = topic.await(of(season.author, "PairingCreated"), 1, WAIT).get(0).data().get("pairingId").asText();

            // the end is ahead (2099): nothing ends
            assertThat(VertxContextSupport.subscribeAndAwait(() -> terms.endDue())).isZero();

            season.moveAuthorEnd(Instant.parse("2020-01-01T11:59:59Z"));
            assertThat(VertxContextSupport.subscribeAndAwait(() -> terms.endDue())).isEqualTo(1);
            assertThat(VertxContextSupport.subscribeAndAwait(() -> terms.endDue())).isZero();
            TopicReader.Event ended = topic.await(of(season.author, "PairingEnded"), 1, WAIT).get(0);
            EventSchemas.assertValid(SCHEMAS + "PairingEnded.v1.json", ended.data());
            assertThat(ended.data().get("pairingId").asText()).isEqualTo(pairingId);
            assertThat(ended.data().get("mentor").get("registrationId").asText()).isEqualTo(mentor.registrationId());
            assertThat(ended.data().get("mentee").get("registrationId").asText()).isEqualTo(mentee.registrationId());
            assertThat(topic.readFor(Duration.ofSeconds(1), of(season.author, "PairingEnded"))).hasSize(1);

            JsonPath pairings = given().auth().oauth2(organizer())
                    .get("/programs/" + season.programId + "/tracks/" + season.author + "/pairings")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(pairings.getString("items.find { it.id == '" + pairingId + "' }.status")).isEqualTo("ENDED");

            // after the end: a late mentee who fits the mentor with room is not paired, and no run is published
            season.author("end-late-mentee", "MENTEE", null, "causal inference");
            assertThat(topic.readFor(Duration.ofSeconds(2), of(season.author, "PairingCreated"))).hasSize(1);
            String late = given().auth().oauth2(organizer()).post(runs).then().statusCode(201).extract().path("id");
            given().auth().oauth2(organizer()).post("/matching-runs/" + late + "/publish").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("has ended"));
            given().auth().oauth2(organizer()).get("/matching-runs/" + late).then().statusCode(200).body("status", equalTo("DRAFT"));
        }
    }

    private static Predicate<TopicReader.Event> of(String trackId, String type) {
        return e -> trackId.equals(e.key()) && type.equals(e.type());
    }
}
