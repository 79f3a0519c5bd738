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
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Registrations in (from the real broker) → dry run → forbid and re-run → publish → PairingCreated, MenteeWaitlisted
 * and MatchingRunPublished out, validated against their schemas; then rolling matching without an organizer.
 */
@QuarkusTest
class MatchingFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SCHEMAS = "META-INF/resources/schemas/";

    static String organizer() {
        return Tokens.organizer("olivia");
    }

    @Test
    void dryRunForbidRerunPublishThenRollingMatchesWithoutAnOrganizer() {
        try (Season season = new Season().publish(); TopicReader topic = new TopicReader("mentorship.pairings")) {
            Season.Person causal = season.author("flow-mentor-causal", "MENTOR", 1, "causal inference", "ehr");
            Season.Person imaging = season.author("flow-mentor-imaging", "MENTOR", 1, "medical imaging", "segmentation");
            Season.Person ada = season.author("flow-ada", "MENTEE", null, "causal inference", "survival analysis");
            Season.Person bo = season.author("flow-bo", "MENTEE", null, "medical imaging");
            Season.Person cy = season.author("flow-cy", "MENTEE", null, "ehr", "causal inference", "fairness");
            String runs = "/programs/" + season.programId + "/tracks/" + season.author + "/matching-runs";

            given().auth().oauth2(Tokens.participant("flow-ada")).post(runs).then().statusCode(404);
            given().post(runs).then().statusCode(401);

            JsonPath first = given().auth().oauth2(organizer()).post(runs).then().statusCode(201)
                    .body("status", equalTo("DRAFT")).body("report.matched", equalTo(2)).body("report.unmatched", equalTo(1))
                    .body("report.method", containsString("OR-Tools"))
                    .body("unmatched[0].reason", equalTo("NO_CAPACITY"))
                    .extract().jsonPath();
            // the best pairs: imaging with bo; causal with cy (two shared keywords) rather than ada (one)
            assertThat(pair(first, bo)).isEqualTo(imaging.registrationId());
            assertThat(pair(first, cy)).isEqualTo(causal.registrationId());
            assertThat(first.getString("proposals.find { it.mentee.registrationId == '" + cy.registrationId() + "' }.explanation.summary"))
                    .contains("Shared interests: causal inference, ehr");

            // the organizer forbids causal–cy and runs again: now ada gets causal, cy waits
            given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                    .body(Map.of("menteeRegistrationId", cy.registrationId(), "mentorRegistrationId", causal.registrationId()))
                    .post("/matching-runs/" + first.getString("id") + "/forbids").then().statusCode(201).body("kind", equalTo("FORBID"))
                    .header("Location", containsString("/programs/" + season.programId + "/tracks/" + season.author + "/constraints/"));
            // a track of another program is not found under this program's path
            given().auth().oauth2(organizer()).get("/programs/" + UUID.randomUUID() + "/tracks/" + season.author + "/constraints")
                    .then().statusCode(404).contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
            JsonPath second = given().auth().oauth2(organizer()).post(runs).then().statusCode(201).extract().jsonPath();
            assertThat(pair(second, ada)).isEqualTo(causal.registrationId());
            assertThat(second.getList("unmatched.mentee.registrationId")).containsExactly(cy.registrationId());
            given().auth().oauth2(organizer()).post("/matching-runs/" + first.getString("id") + "/publish")
                    .then().statusCode(409).contentType("application/problem+json");

            given().auth().oauth2(Tokens.participant("flow-ada")).post("/matching-runs/" + second.getString("id") + "/publish")
                    .then().statusCode(404);
            given().auth().oauth2(organizer()).post("/matching-runs/" + second.getString("id") + "/publish")
                    .then().statusCode(200).body("status", equalTo("PUBLISHED"));

            List<TopicReader.Event> published = topic.await(forTrack(season.author, "MatchingRunPublished"), 1, WAIT);
            List<TopicReader.Event> track = topic.await(forTrack(season.author, null), 4, WAIT);
            assertThat(track).extracting(TopicReader.Event::type)
                    .containsExactly("PairingCreated", "PairingCreated", "MenteeWaitlisted", "MatchingRunPublished");
            track.forEach(e -> EventSchemas.assertValid(SCHEMAS + e.type() + ".v1.json", e.data()));
            assertThat(published.get(0).data().get("pairings").asInt()).isEqualTo(2);
            TopicReader.Event waitlisted = track.get(2);
            assertThat(waitlisted.data().at("/mentee/registrationId").asText()).isEqualTo(cy.registrationId());
            // nothing derived from what people confide: neither priority nor place
            assertThat(waitlisted.data().has("position")).isFalse();
            assertThat(waitlisted.data().has("priority")).isFalse();
            TopicReader.Event adaPaired = track.stream().filter(e -> "PairingCreated".equals(e.type())
                    && ada.registrationId().equals(e.data().at("/mentee/registrationId").asText())).findFirst().orElseThrow();
            assertThat(adaPaired.data().at("/mentor/email").asText()).isEqualTo(Tokens.email("flow-mentor-causal"));
            assertThat(adaPaired.data().at("/explanation/sharedInterests/0").asText()).isEqualTo("causal inference");

            // members see their own pairing with the partner's contact and the reasons
            given().auth().oauth2(Tokens.participant("flow-ada")).get("/me/pairings").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].myRole", equalTo("MENTEE"))
                    .body("items[0].partner.name", equalTo("flow-mentor-causal Test"))
                    .body("items[0].partner.email", equalTo(Tokens.email("flow-mentor-causal")))
                    .body("items[0].explanation.summary", containsString("causal inference"));
            given().auth().oauth2(Tokens.participant("flow-mentor-causal")).get("/me/pairings").then().statusCode(200)
                    .body("items[0].myRole", equalTo("MENTOR")).body("items[0].partner.name", equalTo("flow-ada Test"));
            given().auth().oauth2(organizer()).get("/programs/" + season.programId + "/tracks/" + season.author + "/waitlist").then().statusCode(200)
                    .body("", hasSize(1)).body("[0].registrationId", equalTo(cy.registrationId())).body("[0].position", equalTo(1));

            // a new mentor takes the waitlisted mentee at once (automatic policy), without an organizer
            Season.Person fair = season.author("flow-mentor-fair", "MENTOR", 2, "fairness", "ehr");
            TopicReader.Event rolled = topic.await(forTrack(season.author, "PairingCreated"), 3, WAIT).get(2);
            EventSchemas.assertValid(SCHEMAS + "PairingCreated.v1.json", rolled.data());
            assertThat(rolled.data().get("source").asText()).isEqualTo("ROLLING");
            assertThat(rolled.data().at("/mentee/registrationId").asText()).isEqualTo(cy.registrationId());
            assertThat(rolled.data().at("/mentor/registrationId").asText()).isEqualTo(fair.registrationId());
            given().auth().oauth2(organizer()).get("/programs/" + season.programId + "/tracks/" + season.author + "/waitlist").then().statusCode(200).body("", hasSize(0));

            // a late mentee is matched at once where a mentor has room, the next one waits
            Season.Person dee = season.author("flow-dee", "MENTEE", null, "fairness");
            assertThat(topic.await(forTrack(season.author, "PairingCreated"), 4, WAIT).get(3).data().at("/mentee/registrationId").asText())
                    .isEqualTo(dee.registrationId());
            Season.Person eve = season.author("flow-eve", "MENTEE", null, "genomics");
            TopicReader.Event eveWaits = topic.await(forTrack(season.author, "MenteeWaitlisted"), 2, WAIT).get(1);
            assertThat(eveWaits.data().at("/mentee/registrationId").asText()).isEqualTo(eve.registrationId());
            assertThat(eveWaits.data().get("reason").asText()).isEqualTo("NO_CAPACITY");

            // a paired mentee withdraws: the pairing is dissolved and the mentor's room goes to the waitlist
            season.withdraw(bo);
            TopicReader.Event dissolved = topic.await(forTrack(season.author, "PairingDissolved"), 1, WAIT).get(0);
            EventSchemas.assertValid(SCHEMAS + "PairingDissolved.v1.json", dissolved.data());
            assertThat(dissolved.data().get("reason").asText()).isEqualTo("WITHDRAWN");
            TopicReader.Event eveMatched = topic.await(forTrack(season.author, "PairingCreated"), 5, WAIT).get(4);
            assertThat(eveMatched.data().at("/mentee/registrationId").asText()).isEqualTo(eve.registrationId());
            assertThat(eveMatched.data().at("/mentor/registrationId").asText()).isEqualTo(imaging.registrationId());
        }
    }

    @Test
    void oneRunAtATimePerTrack() {
        try (Season season = new Season().publish()) {
            season.author("lease-mentor", "MENTOR", 1, "ehr");
            // another replica holds the track's lease while it solves
            Database.query("update track set run_lease_id = gen_random_uuid(), run_lease_until = now() + interval '1 minute'"
                    + " where track_id = '" + season.author + "' returning 'x'");
            given().auth().oauth2(organizer()).post("/programs/" + season.programId + "/tracks/" + season.author + "/matching-runs")
                    .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("in progress"));
            Database.query("update track set run_lease_until = now() - interval '1 second' where track_id = '" + season.author + "' returning 'x'");
            given().auth().oauth2(organizer()).post("/programs/" + season.programId + "/tracks/" + season.author + "/matching-runs").then().statusCode(201);
        }
    }

    @Test
    void careerMentorsAreLoadedToTheAimWhereTheyCanAndPairsShareHours() {
        try (Season season = new Season().publish()) {
            String[] monday = {"2099-11-24T14:00:00Z", "2099-11-24T18:00:00Z"};
            String[] friday = {"2099-11-28T08:00:00Z", "2099-11-28T10:00:00Z"};
            List<String> topics = List.of("work-life balance", "long-term research plan");
            season.careerPerson("career-mentor-1", "MENTOR", 4, topics, List.<String[]>of(monday));
            season.careerPerson("career-mentor-2", "MENTOR", 4, topics, List.<String[]>of(monday, friday));
            for (int i = 0; i < 5; i++) {
                season.careerPerson("career-mentee-" + i, "MENTEE", null, List.of("work-life balance"), List.<String[]>of(monday));
            }
            season.careerPerson("career-mentee-friday", "MENTEE", null, List.of("work-life balance"), List.<String[]>of(friday));
            JsonPath run = given().auth().oauth2(organizer()).post("/programs/" + season.programId + "/tracks/" + season.career + "/matching-runs")
                    .then().statusCode(201).body("report.method", containsString("CP-SAT")).extract().jsonPath();
            // 6 mentees, two mentors of capacity 4 aimed at 3: all 6 matched, 3 + 3 (4 + 2 would leave one below the aim)
            assertThat(run.getInt("report.matched")).isEqualTo(6);
            List<String> mentors = run.getList("proposals.mentor.registrationId");
            assertThat(mentors.stream().distinct().map(m -> mentors.stream().filter(m::equals).count()))
                    .allSatisfy(load -> assertThat(load).isBetween(3L, 4L));
            assertThat(run.getString("proposals.find { it.mentee.name == 'career-mentee-friday Test' }.explanation.summary"))
                    .contains("2 h free at the same time");
        }
    }

    @Test
    void theCareerLoadIsAnAimAMentorWithOnlyTwoCompatibleMenteesGetsBothAndTheReportSaysWhy() {
        try (Season season = new Season().publish()) {
            String[] monday = {"2099-11-24T14:00:00Z", "2099-11-24T18:00:00Z"};
            String[] friday = {"2099-11-28T08:00:00Z", "2099-11-28T10:00:00Z"};
            List<String> topics = List.of("work-life balance");
            Season.Person fridayMentor = season.careerPerson("aim-mentor-friday", "MENTOR", 4, topics, List.<String[]>of(friday));
            season.careerPerson("aim-mentor-monday", "MENTOR", 4, topics, List.<String[]>of(monday));
            for (int i = 0; i < 3; i++) {
                season.careerPerson("aim-mentee-monday-" + i, "MENTEE", null, topics, List.<String[]>of(monday));
            }
            season.careerPerson("aim-mentee-friday-1", "MENTEE", null, topics, List.<String[]>of(friday));
            season.careerPerson("aim-mentee-friday-2", "MENTEE", null, topics, List.<String[]>of(friday));
            JsonPath run = given().auth().oauth2(organizer()).post("/programs/" + season.programId + "/tracks/" + season.career + "/matching-runs")
                    .then().statusCode(201).body("report.method", containsString("aimed for")).extract().jsonPath();
            // the pages "aim" for 3-4 mentees per mentor: the Friday mentor, whom only two mentees can meet, gets both
            // (a hard minimum of 3 left them idle and both mentees waiting)
            assertThat(run.getInt("report.matched")).isEqualTo(5);
            assertThat(run.getInt("report.unmatched")).isZero();
            assertThat(run.getList("report.belowAim")).hasSize(1);
            assertThat(run.getString("report.belowAim[0].mentor.registrationId")).isEqualTo(fridayMentor.registrationId());
            assertThat(run.getInt("report.belowAim[0].mentees")).isEqualTo(2);
            assertThat(run.getInt("report.belowAim[0].aim")).isEqualTo(3);
            assertThat(run.getString("report.belowAim[0].reason")).isEqualTo("ONLY_COMPATIBLE");
            assertThat(run.getString("report.belowAim[0].why")).startsWith("Only 2 mentees of this track may be paired with them");
        }
    }

    private static String pair(JsonPath run, Season.Person mentee) {
        return run.getString("proposals.find { it.mentee.registrationId == '" + mentee.registrationId() + "' }.mentor.registrationId");
    }

    private static Predicate<TopicReader.Event> forTrack(String trackId, String type) {
        return e -> trackId.equals(e.key()) && (type == null || type.equals(e.type()));
    }
}
