package dev.mentorship.matching.messaging;

import dev.mentorship.testing.Database;
import dev.mentorship.matching.Season;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

/** ParticipantUpdated applied from the real broker, and an event that names no one dead-lettered without effect. */
@QuarkusTest
class ParticipantEventsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anUpdateReachesEveryRegistrationAndTheWaitlistAndMoreRoomServesIt() {
        try (Season season = new Season().publish(); TopicReader topic = new TopicReader("mentorship.pairings")) {
            Season.Person mentor = season.author("update-mentor", "MENTOR", 1, "causal inference");
            season.author("update-ann", "MENTEE", null, "causal inference", "ehr");
            Season.Person ben = season.author("update-ben", "MENTEE", null, "genomics");
            String runs = "/programs/" + season.programId + "/tracks/" + season.author + "/matching-runs";
            JsonPath run = given().auth().oauth2(Tokens.organizer("olivia")).post(runs).then().statusCode(201).extract().jsonPath();
            assertThat(run.getList("unmatched.mentee.registrationId")).containsExactly(ben.registrationId());
            given().auth().oauth2(Tokens.organizer("olivia")).post("/matching-runs/" + run.getString("id") + "/publish")
                    .then().statusCode(200);

            // ben's profile and priority change: his registration and his waitlist entry follow
            season.update(ben, "Ben Renamed", true, null, "genomics", "causal inference");
            Season.awaitCount("select count(*)::text from registration where registration_id = '" + ben.registrationId()
                    + "' and name = 'Ben Renamed' and priority and keywords like '%causal inference%'", 1);
            Season.awaitCount("select count(*)::text from waitlist_entry where mentee_registration_id = '" + ben.registrationId()
                    + "' and priority", 1);

            // the mentor takes two now: the waitlist is served at once
            season.update(mentor, "update-mentor Test", false, 2, "causal inference");
            TopicReader.Event paired = topic.await(e -> season.author.equals(e.key()) && "PairingCreated".equals(e.type())
                    && ben.registrationId().equals(e.data().at("/mentee/registrationId").asText()), 1, WAIT).get(0);
            assertThat(paired.data().get("source").asText()).isEqualTo("ROLLING");
            assertThat(paired.data().at("/mentee/name").asText()).isEqualTo("Ben Renamed");
            Season.awaitCount("select count(*)::text from registration where registration_id = '" + mentor.registrationId()
                    + "' and capacity = 2", 1);
            given().auth().oauth2(Tokens.organizer("olivia")).get("/programs/" + season.programId + "/tracks/" + season.author + "/waitlist")
                    .then().statusCode(200).body("", hasSize(0));
        }
    }

    @Test
    void anErasureWithoutAParticipantIdIsDeadLetteredAndErasesNothing() {
        try (Season season = new Season().publish(); EventProducer events = new EventProducer();
             TopicReader dlq = new TopicReader("mentorship.participants.dlq")) {
            season.author("null-erase-mentor", "MENTOR", 2, "ehr");
            season.author("null-erase-ann", "MENTEE", null, "ehr");
            String runs = "/programs/" + season.programId + "/tracks/" + season.author + "/matching-runs";
            String runId = given().auth().oauth2(Tokens.organizer("olivia")).post(runs).then().statusCode(201).extract().path("id");
            given().auth().oauth2(Tokens.organizer("olivia")).post("/matching-runs/" + runId + "/publish").then().statusCode(200);
            // a late mentee is paired by rolling matching: PairingCreated with "runId": null in the outbox
            season.author("null-erase-bo", "MENTEE", null, "ehr");
            Season.awaitCount("select count(*)::text from pairing where track_id = '" + season.author + "' and run_id is null", 1);
            // this track's events only: other tests' ephemeral events (an erased member's PairingDissolved) leave the
            // outbox as soon as they are sent, which made a count over the whole table drop meanwhile
            String withNull = "select count(*)::text from outbox_event where event_key = '" + season.author + "' and payload like '%null%'";
            int before = Integer.parseInt(Database.query(withNull).get(0));
            assertThat(before).isPositive();

            String key = "null-erase-" + UUID.randomUUID();
            events.sendMalformed("mentorship.participants", key, "ParticipantErased", UUID.randomUUID().toString(),
                    "/mentorship/participant-service", "{\"participantId\": null, \"erasedAt\": \"" + Instant.now() + "\"}");
            assertThat(dlq.await(e -> key.equals(e.key()), 1, WAIT)).hasSize(1);

            assertThat(Integer.parseInt(Database.query(withNull).get(0))).isGreaterThanOrEqualTo(before);
            assertThat(Database.query("select count(*)::text from registration where track_id = '" + season.author + "'"))
                    .containsExactly("3");
        }
    }
}
