package dev.mentorship.participant.registration;

import dev.mentorship.testing.Database;
import dev.mentorship.participant.Requests;
import dev.mentorship.participant.TestPrograms;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.mentorship.participant.Requests.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Every kind of bad registration gets a 4xx problem+json naming what is wrong, and publishes nothing. */
@QuarkusTest
class InvalidRegistrationTest {

    private static TestPrograms.Published program;

    /** One refused attempt: who tries, what they send, what they must get. */
    record Attempt(String name, String user, Function<TestPrograms.Published, Response> send, int status, String field) {
    }

    private static TestPrograms.Published program() {
        if (program == null) {
            program = TestPrograms.publish();
        }
        return program;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        body.remove(key);
        return body;
    }

    private static Map<String, Object> authorMentee() {
        return Requests.registration("MENTEE", Requests.authorMentee());
    }

    static List<Attempt> attempts() {
        return List.of(
                new Attempt("an author mentee without a paper idea", "bad-1",
                        p -> register("bad-1", p.programId(), p.author(), Requests.registration("MENTEE",
                                without(Requests.authorMentee(), "paperTitle"))), 400, "answers.paperTitle"),
                new Attempt("an author mentee who does not intend to submit", "bad-2",
                        p -> register("bad-2", p.programId(), p.author(), Requests.registration("MENTEE",
                                with(Requests.authorMentee(), "intendsToSubmit", false))), 400, "answers.intendsToSubmit"),
                new Attempt("an unknown track", "bad-3",
                        p -> register("bad-3", p.programId(), UUID.randomUUID().toString(), authorMentee()), 404, null),
                new Attempt("a track of another program", "bad-4",
                        p -> register("bad-4", UUID.randomUUID().toString(), p.author(), authorMentee()), 404, null),
                new Attempt("a closed track", "bad-5",
                        p -> register("bad-5", p.programId(), p.closed(), Requests.registration("MENTEE", Requests.reviewerMentee())), 409, null),
                new Attempt("a track not open yet", "bad-6",
                        p -> register("bad-6", p.programId(), p.notYetOpen(), authorMentee()), 409, null),
                new Attempt("a bad time zone", "bad-7",
                        p -> register("bad-7", p.programId(), p.author(), with(authorMentee(), "profile",
                                with(Requests.profile("Mars/Olympus_Mons"), "timeZone", "Mars/Olympus_Mons"))), 400, "profile.timeZone"),
                new Attempt("no profile at all", "bad-8",
                        p -> register("bad-8", p.programId(), p.author(), without(authorMentee(), "profile")), 400, "profile"),
                new Attempt("the code of conduct not accepted", "bad-9",
                        p -> register("bad-9", p.programId(), p.author(), with(authorMentee(), "codeOfConductAccepted", false)),
                        400, "codeOfConductAccepted"),
                new Attempt("an old code of conduct", "bad-10",
                        p -> register("bad-10", p.programId(), p.author(), with(authorMentee(), "codeOfConductVersion", "2019")),
                        400, "codeOfConductVersion"),
                new Attempt("an answer the track does not ask of the role", "bad-11",
                        p -> register("bad-11", p.programId(), p.reviewer(), Requests.registration("MENTEE",
                                with(Requests.reviewerMentee(), "paperTitle", "A paper"))), 400, "answers.paperTitle"),
                new Attempt("a career topic too long to be a topic", "bad-12",
                        p -> register("bad-12", p.programId(), p.career(), Requests.registration("MENTEE",
                                with(Requests.careerMentee(), "topics", List.of("x".repeat(81))))), 400, "answers.topics[0]"),
                new Attempt("more than ten career topics", "bad-23",
                        p -> register("bad-23", p.programId(), p.career(), Requests.registration("MENTEE",
                                with(Requests.careerMentee(), "topics", java.util.stream.IntStream.range(0, 11)
                                        .mapToObj(i -> "topic " + i).toList()))), 400, "answers.topics"),
                new Attempt("a career topic of two lines", "bad-24",
                        p -> register("bad-24", p.programId(), p.career(), Requests.registration("MENTEE",
                                with(Requests.careerMentee(), "topics", List.of("job search\nand visas")))), 400, "answers.topics[0]"),
                new Attempt("a career topic of punctuation only", "bad-25",
                        p -> register("bad-25", p.programId(), p.career(), Requests.registration("MENTEE",
                                with(Requests.careerMentee(), "topics", List.of("work-life balance", "?!")))), 400, "answers.topics[1]"),
                new Attempt("a reviewer mentee who does not say they are a reviewer with assigned papers", "bad-26",
                        p -> register("bad-26", p.programId(), p.reviewer(), Requests.registration("MENTEE",
                                without(Requests.reviewerMentee(), "assignedReviewer"))), 400, "answers.assignedReviewer"),
                new Attempt("a reviewer mentee without assigned papers", "bad-27",
                        p -> register("bad-27", p.programId(), p.reviewer(), Requests.registration("MENTEE",
                                with(Requests.reviewerMentee(), "assignedReviewer", false))), 400, "answers.assignedReviewer"),
                new Attempt("a reviewer mentor asked the mentee's eligibility", "bad-28",
                        p -> register("bad-28", p.programId(), p.reviewer(), Requests.registration("MENTOR",
                                with(Requests.mentor(2), "assignedReviewer", true))), 400, "answers.assignedReviewer"),
                new Attempt("availability outside the one-on-one week", "bad-13",
                        p -> register("bad-13", p.programId(), p.career(), Requests.registration("MENTEE",
                                with(Requests.careerMentee(), "oneOnOneAvailability",
                                        List.of(Map.of("date", "2099-12-24", "from", "10:00", "to", "11:00"))))),
                        400, "answers.oneOnOneAvailability[0].date"),
                new Attempt("an interval that ends before it starts", "bad-14",
                        p -> register("bad-14", p.programId(), p.author(), with(authorMentee(), "profile",
                                with(Requests.profile("UTC"), "availability", List.of(Map.of("day", "MONDAY", "from", "12:00", "to", "09:00"))))),
                        400, "profile.availability[0].to"),
                new Attempt("an unknown role", "bad-15",
                        p -> register("bad-15", p.programId(), p.author(), with(authorMentee(), "role", "BOSS")), 400, "role"),
                new Attempt("a number where text belongs", "bad-16",
                        p -> register("bad-16", p.programId(), p.author(), with(authorMentee(), "answers",
                                with(Requests.authorMentee(), "intendsToSubmit", List.of(1, 2)))), 400, "answers.intendsToSubmit"),
                new Attempt("a title too long", "bad-17",
                        p -> register("bad-17", p.programId(), p.author(), with(authorMentee(), "answers",
                                with(Requests.authorMentee(), "paperTitle", "x".repeat(301)))), 400, "answers.paperTitle"),
                new Attempt("too many interests", "bad-18",
                        p -> register("bad-18", p.programId(), p.author(), with(authorMentee(), "profile",
                                with(Requests.profile("UTC"), "interests", java.util.Collections.nCopies(31, "ml")))), 400, "profile.interests"),
                new Attempt("malformed JSON", "bad-19",
                        p -> raw("bad-19", p, "{\"role\": \"MENTEE\", \"answers\": {"), 400, null),
                new Attempt("no body", "bad-20",
                        p -> raw("bad-20", p, ""), 400, null),
                new Attempt("a body far too large", "bad-21",
                        p -> raw("bad-21", p, "{\"role\": \"MENTEE\", \"answers\": {\"paperSummary\": \"" + "x".repeat(200_000) + "\"}}"), 413, null),
                new Attempt("a list where an object belongs", "bad-22",
                        p -> raw("bad-22", p, "[1, 2, 3]"), 400, null));
    }

    private static Response raw(String user, TestPrograms.Published p, String body) {
        return given().auth().oauth2(Tokens.participant(user)).contentType(ContentType.JSON).body(body)
                .when().post("/programs/" + p.programId() + "/tracks/" + p.author() + "/registrations");
    }

    @TestFactory
    Stream<DynamicTest> refusedWithAProblemNamingTheField() {
        return attempts().stream().map(a -> DynamicTest.dynamicTest(a.name() + " → " + a.status(), () -> {
            Response response = a.send().apply(program());
            var then = response.then().statusCode(a.status()).contentType("application/problem+json")
                    .body("status", equalTo(a.status())).body("detail", notNullValue());
            if (a.field() != null) {
                then.body("errors.field", hasItem(a.field()));
            }
        }));
    }

    @Test
    void refusedRegistrationsPublishNothingAndLeaveNothingBehind() {
        TestPrograms.Published p = program();
        List<String> users = attempts().stream().map(Attempt::user).toList();
        for (Attempt attempt : attempts()) {
            attempt.send().apply(p); // again, in case this test runs first
        }
        for (String user : users) {
            String subject = Tokens.subject(user);
            assertThat(Database.outboxEventsFor(subject)).as("events recorded for " + user).isZero();
            assertThat(Database.query("select count(*)::text from participant where id = '" + subject + "'"))
                    .as("a profile left by " + user).containsExactly("0");
        }
        // a valid registration after them: once its event is out, anything they caused would be out too
        register("good-after-bad", p.programId(), p.author(), authorMentee()).then().statusCode(201);
        try (TopicReader topic = new TopicReader("mentorship.participants")) {
            topic.await(e -> Tokens.subject("good-after-bad").equals(e.key()), 1, Duration.ofSeconds(30));
            List<String> subjects = users.stream().map(Tokens::subject).toList();
            assertThat(topic.readFor(Duration.ofSeconds(1), e -> subjects.contains(e.key()))).isEmpty();
        }
    }
}
