package dev.mentorship.matching.run;

import dev.mentorship.testing.Database;
import dev.mentorship.matching.Season;
import dev.mentorship.testing.EventSchemas;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The waitlist's order and the PROPOSE policy, organizers' rules on policies, and a person's erasure. */
@QuarkusTest
class RollingPolicyAndErasureTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    static String organizer() {
        return Tokens.organizer("olivia");
    }

    @Test
    void priorityMenteesAreServedFirstAndUnderProposeAnOrganizerPublishesRollingPairs() {
        try (Season season = new Season().publish(); TopicReader topic = new TopicReader("mentorship.pairings")) {
            String policy = "/programs/" + season.programId + "/tracks/" + season.author + "/matching-policy";
            JsonPath defaults = given().auth().oauth2(organizer()).get(policy).then().statusCode(200)
                    .body("rolling", equalTo("AUTOMATIC")).body("priorityFirst", equalTo(true)).extract().jsonPath();
            Map<String, Object> propose = new java.util.HashMap<>(defaults.getMap(""));
            propose.put("rolling", "PROPOSE");
            given().auth().oauth2(Tokens.participant("rolling-ann")).contentType(ContentType.JSON).body(propose).put(policy)
                    .then().statusCode(404);
            Map<String, Object> invalid = new java.util.HashMap<>(propose);
            invalid.put("weightKeywords", 3);
            invalid.remove("minimumLoad");
            given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(invalid).put(policy)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.hasItems("weightKeywords", "minimumLoad"));
            given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(propose).put(policy)
                    .then().statusCode(200).body("rolling", equalTo("PROPOSE")).header("ETag", "\"0\"");
            // once set, a change names the version it changes: none (428), a stale one (412), the current one
            given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(propose).put(policy)
                    .then().statusCode(428).contentType("application/problem+json");
            given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(propose).header("If-Match", "\"5\"").put(policy)
                    .then().statusCode(412).contentType("application/problem+json");
            given().auth().oauth2(organizer()).get(policy).then().statusCode(200).header("ETag", "\"0\"");
            given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(propose).header("If-Match", "\"0\"").put(policy)
                    .then().statusCode(200).header("ETag", "\"1\"").body("rolling", equalTo("PROPOSE"));

            Season.Person early = season.author("rolling-early", "MENTEE", null, "ehr");
            Season.Person flagged = season.priorityMentee("rolling-flagged", "ehr");
            // no mentor yet: the run leaves both to the waitlist, the flagged mentee first
            String run = given().auth().oauth2(organizer()).post("/programs/" + season.programId + "/tracks/" + season.author + "/matching-runs")
                    .then().statusCode(201).body("report.unmatched", equalTo(2)).extract().path("id");
            given().auth().oauth2(organizer()).post("/matching-runs/" + run + "/publish").then().statusCode(200);
            given().auth().oauth2(organizer()).get("/programs/" + season.programId + "/tracks/" + season.author + "/waitlist").then().statusCode(200)
                    .body("registrationId", equalTo(List.of(flagged.registrationId(), early.registrationId())))
                    .body("[0].priority", equalTo(true));
            List<TopicReader.Event> waitlisted = topic.await(of(season.author, "MenteeWaitlisted"), 2, WAIT);
            assertThat(waitlisted).anySatisfy(e -> {
                assertThat(e.data().at("/mentee/registrationId").asText()).isEqualTo(flagged.registrationId());
                assertThat(e.data().get("reason").asText()).isEqualTo("NO_COMPATIBLE_MENTOR");
            });

            // a mentor with room for one arrives: under PROPOSE, a rolling draft proposes the flagged mentee
            season.author("rolling-mentor", "MENTOR", 1, "ehr");
            Season.awaitCount("select count(*)::text from matching_run where track_id = '" + season.author
                    + "' and kind = 'ROLLING' and status = 'DRAFT'", 1);
            JsonPath draft = given().auth().oauth2(organizer()).get("/programs/" + season.programId + "/tracks/" + season.author + "/matching-runs")
                    .then().statusCode(200).extract().jsonPath();
            String rollingRun = draft.getString("find { it.kind == 'ROLLING' }.id");
            given().auth().oauth2(organizer()).get("/matching-runs/" + rollingRun).then().statusCode(200)
                    .body("proposals", hasSize(1)).body("proposals[0].mentee.registrationId", equalTo(flagged.registrationId()));
            assertThat(topic.readFor(Duration.ofSeconds(1), of(season.author, "PairingCreated"))).isEmpty();

            given().auth().oauth2(organizer()).post("/matching-runs/" + rollingRun + "/publish").then().statusCode(200);
            TopicReader.Event created = topic.await(of(season.author, "PairingCreated"), 1, WAIT).get(0);
            EventSchemas.assertValid("META-INF/resources/schemas/PairingCreated.v1.json", created.data());
            assertThat(created.data().get("source").asText()).isEqualTo("ROLLING");
            assertThat(created.data().at("/mentee/registrationId").asText()).isEqualTo(flagged.registrationId());
        }
    }

    @Test
    void anErasedMentorLeavesNoTraceAndTheirMenteeGoesBackToMatching() throws InterruptedException {
        try (Season season = new Season().publish(); TopicReader topic = new TopicReader("mentorship.pairings")) {
            Season.Person gone = season.author("erased-mentor", "MENTOR", 1, "genomics");
            Season.Person other = season.author("erased-other-mentor", "MENTOR", 1, "proteomics");
            Season.Person mentee = season.author("erased-mentee", "MENTEE", null, "genomics", "proteomics");
            String run = given().auth().oauth2(organizer()).post("/programs/" + season.programId + "/tracks/" + season.author + "/matching-runs")
                    .then().statusCode(201).extract().path("id");
            given().auth().oauth2(organizer()).post("/matching-runs/" + run + "/publish").then().statusCode(200);
            TopicReader.Event first = topic.await(of(season.author, "PairingCreated"), 1, WAIT).get(0);
            String firstMentor = first.data().at("/mentor/registrationId").asText();
            Season.Person erased = firstMentor.equals(gone.registrationId()) ? gone : other;
            Season.Person remaining = erased == gone ? other : gone;
            topic.await(of(season.author, "MatchingRunPublished"), 1, WAIT);

            season.erase(erased);
            TopicReader.Event dissolved = topic.await(of(season.author, "PairingDissolved"), 1, WAIT).get(0);
            assertThat(dissolved.data().get("reason").asText()).isEqualTo("ERASED");
            // the mentee is matched again, with the other mentor
            TopicReader.Event again = topic.await(of(season.author, "PairingCreated"), 2, WAIT).get(1);
            assertThat(again.data().at("/mentee/registrationId").asText()).isEqualTo(mentee.registrationId());
            assertThat(again.data().at("/mentor/registrationId").asText()).isEqualTo(remaining.registrationId());

            Season.awaitCount("select count(*)::text from registration where participant_id = '" + erased.participantId() + "'", 0);
            // published events that named them are deleted from the outbox too, once the relay has sent the last ones
            long deadline = System.nanoTime() + WAIT.toNanos();
            String[] personal = {erased.participantId(), Tokens.email(erased.user()), erased.user() + " Test", erased.registrationId()};
            List<String> left = Database.rowsMentioning(personal);
            while (!left.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                left = Database.rowsMentioning(personal);
            }
            assertThat(left).as("rows naming the erased mentor").isEmpty();
            given().auth().oauth2(Tokens.participant(erased.user())).get("/me/pairings").then().statusCode(200).body("items", hasSize(0));
        }
    }

    private static Predicate<TopicReader.Event> of(String trackId, String type) {
        return e -> trackId.equals(e.key()) && type.equals(e.type());
    }
}
