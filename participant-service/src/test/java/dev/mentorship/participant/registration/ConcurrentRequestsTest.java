package dev.mentorship.participant.registration;

import dev.mentorship.participant.Requests;
import dev.mentorship.participant.TestPrograms;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Conditional;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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

/**
 * The same person's requests sent at the same moment (a double click, a client retrying, the hostile-input suite's
 * threads): found by that suite, where racing registrations failed on the unique constraint, the retry broke the
 * session and the service leaked its database connections until it stopped answering.
 */
@QuarkusTest
class ConcurrentRequestsTest {

    static final int AT_ONCE = 8;

    @Test
    void identicalRegistrationsAtOnceMakeOneRegistrationAndOneEvent() throws Exception {
        TestPrograms.Published program = TestPrograms.publish();
        String user = "race-reg";
        List<Response> answers = atOnce(() -> register(user, program.programId(), program.author(),
                Requests.registration("MENTEE", Requests.authorMentee())));
        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(answers).extracting(r -> r.jsonPath().getString("id")).containsOnly(answers.get(0).jsonPath().getString("id"));
        try (TopicReader topic = new TopicReader("mentorship.participants")) {
            assertThat(topic.readFor(Duration.ofSeconds(3), e -> Tokens.subject(user).equals(e.key())))
                    .extracting(TopicReader.Event::type).containsExactly("ParticipantRegistered");
        }
    }

    @Test
    void racingUpdatesOfOneRegistrationAreAnsweredAndTheServiceStaysHealthy() throws Exception {
        TestPrograms.Published program = TestPrograms.publish();
        String user = "race-update";
        String id = register(user, program.programId(), program.author(), Requests.registration("MENTEE", Requests.authorMentee()))
                .then().statusCode(201).extract().path("id");
        for (int round = 0; round < 5; round++) {
            int r = round;
            List<Callable<Response>> requests = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                int n = i;
                requests.add(() -> Conditional.write(() -> as(Tokens.participant(user)), "PUT", "/me/registrations/" + id,
                        Map.of("answers", Map.of("paperTitle", "Title " + r + "." + n, "paperSummary", "Summary", "intendsToSubmit", true))));
                requests.add(() -> Conditional.write(() -> as(Tokens.participant(user)), "PUT", "/me",
                        Requests.profile(n % 2 == 0 ? "Europe/Paris" : "Asia/Tokyo")));
            }
            List<Response> answers = all(requests);
            for (Response answer : answers) {
                // each read its version, then wrote: a write whose version another one changed meanwhile is stale (412)
                assertThat(answer.statusCode()).as(answer.asString()).isIn(200, 409, 412);
                if (answer.statusCode() != 200) {
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                }
            }
            assertThat(answers).as("some write of round " + r + " succeeded").anyMatch(a -> a.statusCode() == 200);
        }
        // nothing leaked: every connection came back, the service answers and is ready
        for (int i = 0; i < 40; i++) {
            as(Tokens.participant(user)).get("/me/registrations/" + id).then().statusCode(200);
        }
        dev.mentorship.testing.ManagementInterface.given().get("/q/health/ready").then().statusCode(200);
    }

    private static List<Response> atOnce(Callable<Response> request) throws Exception {
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            requests.add(request);
        }
        return all(requests);
    }

    private static List<Response> all(List<Callable<Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(requests)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
