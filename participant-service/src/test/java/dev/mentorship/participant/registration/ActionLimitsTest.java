package dev.mentorship.participant.registration;

import dev.mentorship.participant.Requests;
import dev.mentorship.participant.TestPrograms;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static dev.mentorship.participant.Requests.as;
import static dev.mentorship.participant.Requests.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Limits per person (issue 17) on what mails other people: a withdraw-and-register loop and a flood of conduct
 * reports end in 429 problem+json with Retry-After; the count is kept in the database (every replica shares it) and
 * each person has their own.
 */
@QuarkusTest
class ActionLimitsTest {

    @Test
    void aWithdrawAndRegisterLoopIsStoppedWithRetryAfterAndNothingChanges() {
        TestPrograms.Published program = TestPrograms.publish();
        String user = "limit-loop";
        String id = null;
        int answered = 0;
        Response last = null;
        // withdrawals have a budget of 30 an hour: register and withdraw, again and again
        for (int i = 0; i < 80; i++) {
            last = i % 2 == 0
                    ? register(user, program.programId(), program.author(), Requests.registration("MENTEE", Requests.authorMentee()))
                    : as(Tokens.participant(user)).body(Map.of("reason", "again")).post("/me/registrations/" + id + "/withdraw");
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).as(last.asString()).isIn(200, 201);
            if (i % 2 == 0) {
                id = last.path("id");
            }
            answered++;
        }
        assertThat(last.statusCode()).as("the loop was stopped").isEqualTo(429);
        assertThat(answered).as("30 rounds of register and withdraw, and the 31st registration").isEqualTo(61);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(last.jsonPath().getString("type")).isEqualTo("/problems/rate-limited");
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 3600L);
        // the refused withdrawal changed nothing: the registration is still active
        as(Tokens.participant(user)).get("/me/registrations/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        // the count is stored, for every replica to share
        assertThat(Database.query("select taken::text from action_limit where person_id = '" + Tokens.subject(user)
                + "' and action = 'withdrawal'")).containsExactly("31");
        // someone else is not limited by it
        register("limit-other", program.programId(), program.author(), Requests.registration("MENTEE", Requests.authorMentee()))
                .then().statusCode(201);
    }

    @Test
    void conductReportsHaveTheirOwnBudget() throws Throwable {
        TestPrograms.Published program = TestPrograms.publish();
        String user = "limit-reporter";
        Instant window = Instant.ofEpochMilli(Math.floorDiv(System.currentTimeMillis(), 3_600_000L) * 3_600_000L);
        Database.execute("insert into action_limit (person_id, action, window_start, taken) values ('"
                + Tokens.subject(user) + "', 'conduct-report', '" + window + "'::timestamptz, 10)");
        Map<String, Object> report = Map.of("programId", program.programId(), "about", "A mentor",
                "description", "Said something unkind.", "occurredOn", java.time.LocalDate.now().toString());
        Response refused = as(Tokens.participant(user)).body(report).post("/conduct-reports");
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).matches("\\d+");
        // registering is never refused for it
        register(user, program.programId(), program.author(), Requests.registration("MENTEE", Requests.authorMentee()))
                .then().statusCode(201);
    }
}
