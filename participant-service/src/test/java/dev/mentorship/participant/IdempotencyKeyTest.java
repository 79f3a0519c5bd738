package dev.mentorship.participant;

import dev.mentorship.testing.Database;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.mentorship.participant.Requests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Registering and filing a conduct report with an Idempotency-Key: a retry answers the first answer again and creates
 * nothing, the key with another body is refused (422), requests without a key run as before, and the same first
 * request sent many times at once creates one report. An erasure takes the stored answers with it.
 */
@QuarkusTest
class IdempotencyKeyTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void aRegistrationRetriedWithItsKeyIsAnsweredTheFirstAnswerAndRegistersOnce() {
        TestPrograms.Published program = TestPrograms.publish();
        String user = "idem-reg";
        String key = UUID.randomUUID().toString();
        Map<String, Object> mentee = Requests.registration("MENTEE", Requests.authorMentee());

        Response first = register(user, program, key, mentee);
        first.then().statusCode(201).header("Location", containsString("/me/registrations/"))
                .header("Idempotent-Replayed", nullValue());
        // without the key the same request would answer 200 (registered already); with it, the first answer again
        Response again = register(user, program, key, mentee);
        again.then().statusCode(201).contentType("application/json").header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location"))).body("id", equalTo(first.path("id")));
        assertThat(again.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(count("registration where participant_id = '" + Tokens.subject(user) + "'")).isEqualTo(1);

        // the key with another body: refused, nothing registered
        register(user, program, key, Requests.registration("MENTOR", Requests.mentor(2))).then().statusCode(422)
                .contentType(PROBLEM).body("type", equalTo("/problems/idempotency-key-reused"));
        assertThat(count("registration where participant_id = '" + Tokens.subject(user) + "'")).isEqualTo(1);

        // an invalid key is refused before anything runs
        for (String bad : new String[]{"", "k".repeat(201)}) {
            register(user, program, bad, Requests.registration("MENTOR", Requests.mentor(2))).then().statusCode(400)
                    .contentType(PROBLEM).body("errors.field", hasItem("header.Idempotency-Key"));
        }
        assertThat(count("registration where participant_id = '" + Tokens.subject(user) + "'")).isEqualTo(1);
    }

    @Test
    void withoutAKeyRegisteringTwiceAnswersTheRegistrationOneHasAsBefore() {
        TestPrograms.Published program = TestPrograms.publish();
        String user = "idem-reg-plain";
        Map<String, Object> mentee = Requests.registration("MENTEE", Requests.authorMentee());
        String id = register(user, program, null, mentee).then().statusCode(201).extract().path("id");
        register(user, program, null, mentee).then().statusCode(200).header("Idempotent-Replayed", nullValue())
                .body("id", equalTo(id));
        register(user, program, null, Requests.registration("MENTOR", Requests.mentor(2))).then().statusCode(201);
        assertThat(count("registration where participant_id = '" + Tokens.subject(user) + "'")).isEqualTo(2);
    }

    @Test
    void aReportRetriedWithItsKeyIsFiledOnceAndAnotherBodyIsRefused() {
        TestPrograms.Published program = TestPrograms.publish();
        String user = "idem-reporter";
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = report(program, "Idem-Unique-Account-1");

        Response first = file(user, key, report);
        first.then().statusCode(201).header("Location", containsString("/conduct-reports/"))
                .header("Idempotent-Replayed", nullValue());
        Response again = file(user, key, report);
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location"))).body("id", equalTo(first.path("id")))
                .body("filedAt", equalTo(first.path("filedAt")));
        assertThat(reports("Idem-Unique-Account-1")).isEqualTo(1);

        file(user, key, report(program, "Idem-Unique-Account-2")).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        assertThat(reports("Idem-Unique-Account-2")).isZero();

        // without a key, two requests are two reports, as before
        file(user, null, report(program, "Idem-Unique-Account-3")).then().statusCode(201);
        file(user, null, report(program, "Idem-Unique-Account-3")).then().statusCode(201);
        assertThat(reports("Idem-Unique-Account-3")).isEqualTo(2);

        file(user, "k".repeat(201), report(program, "Idem-Unique-Account-4")).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("header.Idempotency-Key"));
        assertThat(reports("Idem-Unique-Account-4")).isZero();
    }

    @Test
    void theSameFirstRequestSentManyTimesAtOnceFilesOneReport() throws Exception {
        TestPrograms.Published program = TestPrograms.publish();
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = report(program, "Idem-Unique-Race");
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(() -> file("idem-racer", key, report));
        }
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        List<Response> answers = new ArrayList<>();
        try {
            for (Future<Response> answer : pool.invokeAll(requests)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // one ran and created, the others waited for it and were answered its answer
        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers).extracting(r -> r.jsonPath().getString("id")).containsOnly(answers.get(0).jsonPath().getString("id"));
        assertThat(answers).extracting(r -> r.header("Idempotent-Replayed")).containsOnlyOnce((String) null);
        assertThat(reports("Idem-Unique-Race")).isEqualTo(1);
    }

    @Test
    void anErasureTakesTheStoredAnswersWithIt() {
        TestPrograms.Published program = TestPrograms.publish();
        String user = "idem-erased";
        String subject = Tokens.subject(user);
        register(user, program, UUID.randomUUID().toString(), Requests.registration("MENTEE", Requests.authorMentee()))
                .then().statusCode(201);
        assertThat(count("idempotent_request where caller = '" + subject + "'")).isEqualTo(1);

        as(Tokens.participant(user)).delete("/me").then().statusCode(204);
        assertThat(count("idempotent_request where caller = '" + subject + "' or body like '%" + subject + "%'")).isZero();
    }

    private static Response register(String user, TestPrograms.Published program, String key, Map<String, Object> body) {
        var request = as(Tokens.participant(user)).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/programs/" + program.programId() + "/tracks/" + program.author() + "/registrations");
    }

    private static Response file(String user, String key, Map<String, Object> body) {
        var request = as(Tokens.participant(user)).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/conduct-reports");
    }

    private static Map<String, Object> report(TestPrograms.Published program, String description) {
        return new HashMap<>(Map.of("programId", program.programId(), "about", "A mentor", "description", description,
                "occurredOn", LocalDate.now().minusDays(1).toString(), "anonymous", false));
    }

    private static long reports(String description) {
        return count("conduct_report where description = '" + description + "'");
    }

    private static long count(String from) {
        return Long.parseLong(Database.query("select count(*)::text from " + from).get(0));
    }
}
