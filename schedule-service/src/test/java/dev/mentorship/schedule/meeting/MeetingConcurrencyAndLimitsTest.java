package dev.mentorship.schedule.meeting;

import dev.mentorship.schedule.MovableClock;
import dev.mentorship.testing.Conditional;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.mentorship.schedule.meeting.MeetingsTest.WEEKDAYS_BERLIN_AFTERNOON;
import static dev.mentorship.schedule.meeting.MeetingsTest.WEEKDAYS_LA_MORNING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue 17 on meetings: two members moving the same meeting at once cannot both win (one 200, the other 412; one
 * MeetingRescheduled, one SEQUENCE step), a move names the version it changes (428 without), and the changes that mail
 * the partner are limited per person (429 with Retry-After, the count kept in the database for every replica).
 */
@QuarkusTest
class MeetingConcurrencyAndLimitsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @jakarta.inject.Inject
    MovableClock clock;

    @Test
    void twoMembersMovingTheSameMeetingAtOnceCannotBothWin() throws Exception {
        String pairingId = pairedAcrossNineHours("race");
        JsonPath meetings = MeetingsTest.awaitMeetings(pairingId, "race-mentee", 4);
        String meeting = "/meetings/" + meetings.getString("[0].id");
        given().auth().oauth2(Tokens.participant("race-mentor")).post(meeting + "/confirm").then().statusCode(200);
        Instant start = Instant.parse(meetings.getString("[0].startsAt"));

        // a move names the version it changes
        given().auth().oauth2(Tokens.participant("race-mentee")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", start.plus(Duration.ofHours(1)).toString())).patch(meeting)
                .then().statusCode(428).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("/problems/precondition-required"));

        try (TopicReader topic = new TopicReader("mentorship.schedule")) {
            for (int round = 1; round <= 3; round++) {
                String tag = Conditional.etag(given().auth().oauth2(Tokens.participant("race-mentor")), meeting);
                int sequence = given().auth().oauth2(Tokens.participant("race-mentor")).get(meeting).path("sequence");
                List<Callable<Response>> moves = new ArrayList<>();
                int r = round;
                for (String member : List.of("race-mentor", "race-mentee")) {
                    Instant to = start.plus(Duration.ofDays(r)).plus(member.endsWith("mentor") ? 0 : 30, ChronoUnit.MINUTES);
                    moves.add(() -> given().auth().oauth2(Tokens.participant(member)).contentType(ContentType.JSON)
                            .header("If-Match", tag).body(Map.of("startsAt", to.toString())).patch(meeting));
                }
                ExecutorService pool = Executors.newFixedThreadPool(2);
                List<Response> answers = new ArrayList<>();
                try {
                    for (Future<Response> answer : pool.invokeAll(moves)) {
                        answers.add(answer.get());
                    }
                } finally {
                    pool.shutdown();
                }
                assertThat(answers).extracting(Response::statusCode).as(answers.get(0).asString() + answers.get(1).asString())
                        .containsExactlyInAnyOrder(200, 412);
                Response won = answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow();
                assertThat(won.jsonPath().getInt("sequence")).isEqualTo(sequence + 1);
                assertThat(won.header("ETag")).isNotEqualTo(tag);
                Response lost = answers.stream().filter(a -> a.statusCode() == 412).findFirst().orElseThrow();
                assertThat(lost.contentType()).startsWith("application/problem+json");
                // what is stored is the winner's
                given().auth().oauth2(Tokens.participant("race-mentee")).get(meeting).then()
                        .body("startsAt", equalTo(won.jsonPath().getString("startsAt"))).body("sequence", equalTo(sequence + 1));
            }
            // one MeetingRescheduled per round: the loser's never left (the outbox holds exactly the winners')
            List<TopicReader.Event> moved = topic.await(e -> e.type().equals("MeetingRescheduled")
                    && pairingId.equals(e.data().path("pairingId").asText()), 3, WAIT);
            assertThat(moved).extracting(e -> e.data().path("sequence").asInt()).doesNotHaveDuplicates();
            assertThat(Database.query("select count(*)::text from outbox_event where type = 'MeetingRescheduled' and subject = '"
                    + meeting.substring("/meetings/".length()) + "'")).containsExactly("3");
        }
    }

    @Test
    void changesThatMailThePartnerAreLimitedPerPersonWithRetryAfter() throws Throwable {
        String pairingId = pairedAcrossNineHours("flood");
        JsonPath meetings = MeetingsTest.awaitMeetings(pairingId, "flood-mentee", 4);
        String meeting = "/meetings/" + meetings.getString("[0].id");
        // the person used up this hour's budget (60 changes, as stored by every replica) ...
        Instant window = Instant.ofEpochMilli(Math.floorDiv(clock.millis(), 3_600_000L) * 3_600_000L);
        Database.execute("insert into action_limit (person_id, action, window_start, taken) values ('"
                + Tokens.subject("flood-mentor") + "', 'meeting-change', '" + window + "'::timestamptz, 60)");
        // ... so the next change that would mail the partner is refused, with when to retry
        Response refused = given().auth().oauth2(Tokens.participant("flood-mentor")).post(meeting + "/confirm");
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("/problems/rate-limited");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
        given().auth().oauth2(Tokens.participant("flood-mentor")).get(meeting).then().body("status", equalTo("PROPOSED"));
        // the partner has their own budget
        given().auth().oauth2(Tokens.participant("flood-mentee")).post(meeting + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        given().auth().oauth2(Tokens.participant("flood-mentor")).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post(meeting + "/cancel").then().statusCode(429).header("Retry-After", matchesPattern("\\d+"));
    }

    /** {@code <prefix>-mentor} in Berlin and {@code <prefix>-mentee} in Los Angeles, paired on ML4H 2025's author track. */
    private static String pairedAcrossNineHours(String prefix) throws InterruptedException {
        MeetingsTest.Program program = MeetingsTest.publishMl4h2025();
        try (EventProducer events = new EventProducer()) {
            MeetingsTest.register(events, prefix + "-mentor", program.id(), program.authorTrack(), "MENTOR", "Europe/Berlin",
                    WEEKDAYS_BERLIN_AFTERNOON);
            MeetingsTest.register(events, prefix + "-mentee", program.id(), program.authorTrack(), "MENTEE", "America/Los_Angeles",
                    WEEKDAYS_LA_MORNING);
            Thread.sleep(1500);
            return MeetingsTest.pair(events, program.id(), program.authorTrack(), prefix + "-mentor", prefix + "-mentee");
        }
    }
}
