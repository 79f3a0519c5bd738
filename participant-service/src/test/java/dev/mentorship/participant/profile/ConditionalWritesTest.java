package dev.mentorship.participant.profile;

import dev.mentorship.participant.Requests;
import dev.mentorship.participant.TestPrograms;
import dev.mentorship.testing.Conditional;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.mentorship.participant.Requests.as;
import static dev.mentorship.participant.Requests.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * No lost updates (issue 17): every resource a person or an organizer replaces answers an ETag; a change to one that
 * exists needs it as If-Match (428 without, 412 when stale), creating one needs none; of two writes sent at once with
 * the same version, exactly one wins.
 */
@QuarkusTest
class ConditionalWritesTest {

    @Test
    void aProfileIsCreatedWithoutAVersionAndChangedOnlyWithTheCurrentOne() {
        String user = "cond-profile";
        String first = as(Tokens.participant(user)).body(Requests.profile("Europe/Paris")).put("/me")
                .then().statusCode(201).header("ETag", "\"0\"").extract().header("ETag");
        assertThat(Conditional.etag(as(Tokens.participant(user)), "/me")).isEqualTo(first);

        as(Tokens.participant(user)).body(Requests.profile("Asia/Tokyo")).put("/me")
                .then().statusCode(428).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("/problems/precondition-required"));
        String second = as(Tokens.participant(user)).header("If-Match", first).body(Requests.profile("Asia/Tokyo")).put("/me")
                .then().statusCode(200).body("timeZone", equalTo("Asia/Tokyo")).extract().header("ETag");
        assertThat(second).isEqualTo("\"1\"");
        as(Tokens.participant(user)).header("If-Match", first).body(Requests.profile("UTC")).put("/me")
                .then().statusCode(412).body("type", equalTo("/problems/precondition-failed"));
        as(Tokens.participant(user)).header("If-Match", "W/" + second).body(Requests.profile("UTC")).put("/me")
                .then().statusCode(412); // a weak tag never matches If-Match
        as(Tokens.participant(user)).get("/me").then().body("timeZone", equalTo("Asia/Tokyo"));
        as(Tokens.participant(user)).header("If-Match", "\"9\", " + second).body(Requests.profile("UTC")).put("/me")
                .then().statusCode(200).header("ETag", "\"2\"");
        as(Tokens.participant(user)).header("If-Match", "*").body(Requests.profile("Europe/Paris")).put("/me")
                .then().statusCode(200).header("ETag", "\"3\"");
        // If-Match on what does not exist yet is stale too
        as(Tokens.participant("cond-nobody")).header("If-Match", "\"0\"").body(Requests.profile("UTC")).put("/me")
                .then().statusCode(412);
        as(Tokens.participant("cond-nobody")).get("/me").then().statusCode(404);
    }

    @Test
    void selfIdentificationRegistrationAndTrackPolicyAreConditionalToo() {
        TestPrograms.Published program = TestPrograms.publish();
        String user = "cond-answers";
        String id = register(user, program.programId(), program.author(), Requests.registration("MENTEE", Requests.authorMentee()))
                .then().statusCode(201).extract().path("id");
        String mine = "/me/registrations/" + id;
        Map<String, Object> answers = Map.of("answers", Map.of("paperTitle", "Revised", "paperSummary", "S", "intendsToSubmit", true));
        as(Tokens.participant(user)).body(answers).put(mine).then().statusCode(428);
        String tag = Conditional.etag(as(Tokens.participant(user)), mine);
        String next = as(Tokens.participant(user)).header("If-Match", tag).body(answers).put(mine)
                .then().statusCode(200).body("answers.paperTitle", equalTo("Revised")).extract().header("ETag");
        assertThat(next).isNotEqualTo(tag);
        as(Tokens.participant(user)).header("If-Match", tag).body(answers).put(mine).then().statusCode(412);
        // withdrawing answers the registration's new version
        String withdrawn = as(Tokens.participant(user)).post(mine + "/withdraw").then().statusCode(200).extract().header("ETag");
        assertThat(withdrawn).isNotEqualTo(next);

        as(Tokens.participant(user)).body(Map.of("underrepresented", true)).put("/me/self-identification")
                .then().statusCode(200).header("ETag", "\"0\"");
        as(Tokens.participant(user)).body(Map.of("underrepresented", false)).put("/me/self-identification").then().statusCode(428);
        as(Tokens.participant(user)).header("If-Match", "\"0\"").body(Map.of("underrepresented", false))
                .put("/me/self-identification").then().statusCode(200).header("ETag", "\"1\"");

        String policy = "/programs/" + program.programId() + "/tracks/" + program.reviewer() + "/registration-policy";
        as(Tokens.organizer("olivia")).get(policy).then().statusCode(200).header("ETag", (String) null);
        as(Tokens.organizer("olivia")).body(Map.of("prioritiseSelfIdentified", true)).put(policy)
                .then().statusCode(200).header("ETag", "\"0\"");
        as(Tokens.organizer("olivia")).body(Map.of("prioritiseSelfIdentified", false)).put(policy).then().statusCode(428);
        Conditional.write(() -> as(Tokens.organizer("olivia")), "PUT", policy, Map.of("prioritiseSelfIdentified", false))
                .then().statusCode(200).body("prioritiseSelfIdentified", equalTo(false)).header("ETag", "\"1\"");
    }

    static final List<String> ZONES = List.of("Europe/Paris", "Asia/Tokyo", "America/New_York", "Europe/Berlin", "Asia/Kolkata",
            "America/Chicago", "Europe/Madrid", "Asia/Seoul", "America/Denver", "Europe/Rome", "Asia/Singapore",
            "America/Los_Angeles", "Europe/Vienna", "Asia/Dubai", "America/Toronto");

    @Test
    void ofTwoWritesWithTheSameVersionSentAtOnceExactlyOneWins() throws Exception {
        String user = "cond-race";
        as(Tokens.participant(user)).body(Requests.profile("UTC")).put("/me").then().statusCode(201);
        for (int round = 0; round < 5; round++) {
            String tag = Conditional.etag(as(Tokens.participant(user)), "/me");
            List<Callable<Response>> writes = new ArrayList<>();
            // every write changes something (a write that changes nothing passes with any current version)
            for (String zone : ZONES.subList(3 * round, 3 * round + 3)) {
                writes.add(() -> as(Tokens.participant(user)).header("If-Match", tag).body(Requests.profile(zone)).put("/me"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(writes.size());
            try {
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> answer : pool.invokeAll(writes)) {
                    statuses.add(answer.get().statusCode());
                }
                assertThat(statuses).as("round " + round).containsOnly(200, 412);
                assertThat(statuses.stream().filter(s -> s == 200)).as("round " + round).hasSize(1);
            } finally {
                pool.shutdown();
            }
        }
    }
}
