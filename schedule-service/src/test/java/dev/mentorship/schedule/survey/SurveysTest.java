package dev.mentorship.schedule.survey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorship.schedule.MovableClock;
import dev.mentorship.schedule.program.ProgramFiles;
import dev.mentorship.schedule.reminder.service.ReminderDispatcher;
import dev.mentorship.schedule.survey.service.SurveyFigure;
import dev.mentorship.schedule.survey.service.SurveyFigures;
import dev.mentorship.schedule.survey.service.SurveyLifecycle;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.EventSchemas;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/**
 * Surveys (issue 20): the ML4H files carry them (the reviewer survey by November 20, anonymous; a feedback form at the
 * end of the author and career tracks); they open and close with their milestones (SurveyOpened, SurveyClosed); the
 * track's people answer while open and change their answers until it closes (an anonymous answer only with its
 * receipt); those who have not answered, and only they, are reminded; organizers read the results, an anonymous
 * survey's only after it closes and never a group under five.
 */
@QuarkusTest
class SurveysTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SCHEMAS = "META-INF/resources/schemas/";
    static final String ORGANIZER = Tokens.admin("olivia");

    @Inject
    MovableClock clock;

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    SurveyLifecycle lifecycle;

    @Inject
    SurveyFigures figures;

    @AfterEach
    void resetClock() {
        clock.set(MovableClock.START);
    }

    record Program(String id, String trackId, String surveyId, String closingMilestoneId) {
    }

    @Test
    void theMl4hFilesCarryTheirSurveysAndBrokenOnesAreRefused() {
        for (String file : List.of("ml4h-2024", "ml4h-2025")) {
            JsonPath created = given().auth().oauth2(ORGANIZER).contentType(ContentType.JSON).body(ProgramFiles.load(file).toString())
                    .post("/programs").then().statusCode(201).extract().jsonPath();
            String id = created.getString("id");
            String year = file.substring(5);
            Map<String, String> expected = Map.of("author", "feedback-form", "reviewer", "program-survey", "career", "feedback-form");
            for (String track : List.of("author", "reviewer", "career")) {
                String trackId = created.getString("tracks.find { it.key == '" + track + "' }.trackId");
                JsonPath surveys = given().auth().oauth2(ORGANIZER).get("/programs/" + id + "/tracks/" + trackId + "/surveys")
                        .then().statusCode(200).extract().jsonPath();
                assertThat(surveys.getList("key")).containsExactly(expected.get(track));
                assertThat(surveys.getList("audience[0]")).containsExactlyInAnyOrder("MENTEE", "MENTOR");
                assertThat(surveys.getString("[0].status")).isEqualTo("SCHEDULED");
                assertThat(surveys.getBoolean("[0].anonymous")).isEqualTo(track.equals("reviewer"));
                JsonPath survey = given().auth().oauth2(ORGANIZER)
                        .get("/programs/" + id + "/tracks/" + trackId + "/surveys/" + surveys.getString("[0].surveyId"))
                        .then().statusCode(200).extract().jsonPath();
                assertThat(survey.getList("questions.type")).contains("RATING", "TEXT");
            }
            String reviewer = created.getString("tracks.find { it.key == 'reviewer' }.trackId");
            JsonPath survey = given().auth().oauth2(ORGANIZER).get("/programs/" + id + "/tracks/" + reviewer + "/surveys")
                    .then().statusCode(200).extract().jsonPath();
            // by November 20 (AoE): the end of that day, 11:59:59 UTC the next day
            assertThat(survey.getString("[0].closesAt")).isEqualTo(year + "-11-21T11:59:59Z");
            assertThat(survey.getString("[0].opensAt")).isEqualTo(year.equals("2024") ? "2024-10-22T12:00:00Z" : "2025-10-17T12:00:00Z");
        }

        ObjectNode file = ProgramFiles.load("ml4h-2025");
        ObjectNode reviewerSurvey = (ObjectNode) file.get("tracks").get(1).get("surveys").get(0);
        reviewerSurvey.put("closesWith", "survey-period"); // a period, not a deadline
        ArrayNode questions = (ArrayNode) reviewerSurvey.get("questions");
        ((ObjectNode) questions.get(0)).putArray("options").add("a").add("b"); // options on a rating
        ((ObjectNode) questions.get(3)).putArray("options").add("Yes"); // a choice of one
        ((ObjectNode) questions.get(2)).put("key", "effectiveness"); // a duplicate key
        ((ObjectNode) file.get("tracks").get(0).get("surveys").get(0)).put("opensWith", "no-such-milestone");
        // the author form closes with its SURVEY_DUE, which must be for exactly the survey's audience (its reminders
        // become the survey's): for mentees only, the mentors would lose theirs
        for (var milestone : file.get("tracks").get(0).get("milestones")) {
            if (milestone.get("key").asText().equals("feedback")) {
                ((ObjectNode) milestone).putArray("audience").add("MENTEE");
            }
        }
        // the career form closes with a deadline that is not a SURVEY_DUE
        ((ObjectNode) file.get("tracks").get(2).get("surveys").get(0)).put("closesWith", "pairing-release");
        given().auth().oauth2(ORGANIZER).contentType(ContentType.JSON).body(file.toString()).post("/programs")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems("tracks[1].surveys[0].closesWith", "tracks[1].surveys[0].questions[0].options",
                        "tracks[1].surveys[0].questions[3].options", "tracks[1].surveys[0].questions[2].key",
                        "tracks[0].surveys[0].opensWith", "tracks[0].surveys[0].closesWith", "tracks[2].surveys[0].closesWith"));
    }

    @Test
    void aSurveyAnsweredBySomeRemindsOnlyTheOthersAndFreezesWhenItCloses() throws Throwable {
        Program program = publish("author", "feedback-form");
        String ann = "sv-ann-" + suffix();
        String bob = "sv-bob-" + suffix();
        String cyd = "sv-cyd-" + suffix();
        try (EventProducer events = new EventProducer()) {
            register(events, ann, program, "MENTEE");
            register(events, bob, program, "MENTOR");
            register(events, cyd, program, "MENTEE");
        }
        String list = "/programs/" + program.id() + "/tracks/" + program.trackId() + "/surveys";
        String answers = list + "/" + program.surveyId() + "/answers";
        awaitRegistered(list, ann);
        awaitRegistered(list, bob);
        awaitRegistered(list, cyd);
        given().auth().oauth2(Tokens.participant("sv-stranger")).get(list).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));

        // not open yet (September 9 AoE)
        given().auth().oauth2(Tokens.participant(ann)).contentType(ContentType.JSON).body(Map.of("answers", good(4)))
                .put(answers).then().statusCode(409).body("detail", containsString("not open yet"));

        try (TopicReader schedule = new TopicReader("mentorship.schedule")) {
            clock.set(Instant.parse("2025-09-10T00:00:00Z"));
            advance();
            TopicReader.Event opened = schedule.await(e -> of(e, "SurveyOpened", program), 1, WAIT).get(0);
            EventSchemas.assertValid(SCHEMAS + "SurveyOpened.v1.json", opened.data());
            assertThat(opened.key()).isEqualTo(program.id());
            assertThat(opened.data().get("anonymous").asBoolean()).isFalse();
            assertThat(opened.data().get("questionCount").asInt()).isEqualTo(5);
            assertThat(opened.data().get("closesAt").asText()).isEqualTo("2025-09-23T11:59:59Z");
            assertThat(opened.data().get("answerUrl").asText()).endsWith(list + "/" + program.surveyId());
            assertThat(given().auth().oauth2(Tokens.participant(ann)).get(list).jsonPath().getString("[0].status")).isEqualTo("OPEN");

            // every answer is checked, each bad one named
            given().auth().oauth2(Tokens.participant(ann)).contentType(ContentType.JSON)
                    .body(Map.of("answers", Map.of("overall", 7, "meetings", "Five", "helped-with", List.of("Cooking"), "nope", 1)))
                    .put(answers).then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItems("answers.overall", "answers.meetings", "answers.helped-with", "answers.nope"));
            given().auth().oauth2(Tokens.participant(ann)).contentType(ContentType.JSON)
                    .body(Map.of("answers", Map.of("improvements", "x".repeat(4001))))
                    .put(answers).then().statusCode(400)
                    .body("errors.field", hasItems("answers.overall", "answers.meetings", "answers.improvements"));

            Response first = given().auth().oauth2(Tokens.participant(ann)).contentType(ContentType.JSON)
                    .body(Map.of("answers", good(4))).put(answers);
            assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
            assertThat(first.header("ETag")).isNotNull();
            given().auth().oauth2(Tokens.participant(bob)).contentType(ContentType.JSON).body(Map.of("answers", good(2)))
                    .put(answers).then().statusCode(201);
            // a change names the version it changes
            given().auth().oauth2(Tokens.participant(ann)).contentType(ContentType.JSON).body(Map.of("answers", good(5)))
                    .put(answers).then().statusCode(428);
            String etag = given().auth().oauth2(Tokens.participant(ann)).get(answers).then().statusCode(200)
                    .body("answers.overall", equalTo(4)).extract().header("ETag");
            given().auth().oauth2(Tokens.participant(ann)).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("answers", good(5))).put(answers).then().statusCode(200).body("answers.overall", equalTo(5));
            given().auth().oauth2(Tokens.participant(ann)).get(answers).then().statusCode(200).body("answers.overall", equalTo(5));
            given().auth().oauth2(Tokens.participant(cyd)).get(answers).then().statusCode(404);
            assertThat(given().auth().oauth2(Tokens.participant(ann)).get(list).jsonPath().getBoolean("[0].answered")).isTrue();
            assertThat(given().auth().oauth2(Tokens.participant(cyd)).get(list).jsonPath().getBoolean("[0].answered")).isFalse();

            // live results for the organizers (nobody else)
            String results = "/programs/" + program.id() + "/surveys/" + program.surveyId() + "/results";
            given().auth().oauth2(Tokens.participant(ann)).get(results).then().statusCode(404)
                    .contentType(startsWith("application/problem+json"));
            JsonPath live = given().auth().oauth2(ORGANIZER).get(results).then().statusCode(200).extract().jsonPath();
            assertThat(live.getInt("invited")).isEqualTo(3);
            assertThat(live.getInt("responded")).isEqualTo(2);
            assertThat(live.getBoolean("frozen")).isFalse();
            assertThat(live.getDouble("questions.find { it.key == 'overall' }.mean")).isEqualTo(3.5);
            assertThat(live.getList("questions.find { it.key == 'overall' }.values.count")).containsExactly(0, 1, 0, 0, 1);
            assertThat(live.getList("questions.find { it.key == 'helped-with' }.options.count")).containsExactly(2, 0, 0, 2);
            assertThat(live.getList("questions.find { it.key == 'improvements' }.texts")).containsExactlyInAnyOrder("More time: 5", "More time: 2");

            // the figures the program report reads
            List<SurveyFigure> figured = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                    () -> figures.of(UUID.fromString(program.id()))));
            SurveyFigure form = figured.stream().filter(f -> f.trackId().toString().equals(program.trackId())).findFirst().orElseThrow();
            assertThat(form.invited()).isEqualTo(3);
            assertThat(form.responded()).isEqualTo(2);
            assertThat(form.ratingMeans()).containsEntry("overall", 3.5);

            // the organizers read the answers one by one with who gave them (the form says so); nobody else; audited
            String named = "/programs/" + program.id() + "/surveys/" + program.surveyId() + "/answers";
            given().auth().oauth2(Tokens.participant(ann)).get(named).then().statusCode(404)
                    .contentType(startsWith("application/problem+json"));
            JsonPath read = given().auth().oauth2(ORGANIZER).get(named).then().statusCode(200).extract().jsonPath();
            assertThat(read.getInt("total")).isEqualTo(2);
            assertThat(read.getList("items.participantId")).containsExactlyInAnyOrder(Tokens.subject(ann), Tokens.subject(bob));
            String annItem = "items.find { it.participantId == '" + Tokens.subject(ann) + "' }";
            String bobItem = "items.find { it.participantId == '" + Tokens.subject(bob) + "' }";
            assertThat(read.getString(annItem + ".name")).isEqualTo(ann + " Test");
            assertThat(read.getString(annItem + ".role")).isEqualTo("MENTEE");
            assertThat(read.getInt(annItem + ".answers.overall")).isEqualTo(5);
            assertThat(read.getString(annItem + ".answers.improvements")).isEqualTo("More time: 5");
            assertThat(read.getString(annItem + ".answeredAt")).isNotNull();
            assertThat(read.getString(annItem + ".updatedAt")).isNotNull();
            assertThat(read.getString(bobItem + ".role")).isEqualTo("MENTOR");
            assertThat(read.getInt(bobItem + ".answers.overall")).isEqualTo(2);
            given().auth().oauth2(ORGANIZER).queryParam("size", 1).queryParam("page", 1).get(named).then().statusCode(200)
                    .body("items.size()", equalTo(1)).body("total", equalTo(2));
            long auditDeadline = System.nanoTime() + WAIT.toNanos();
            while (!given().auth().oauth2(ORGANIZER).get("/programs/" + program.id() + "/audit?action=SURVEY_ANSWERS_READ")
                    .asString().contains(program.surveyId())) {
                if (System.nanoTime() > auditDeadline) {
                    throw new AssertionError("the read of the named answers never reached the audit log");
                }
                Thread.sleep(100);
            }

            // a week before it closes: the reminder reaches only the one who has not answered
            clock.set(Instant.parse("2025-09-16T12:00:30Z"));
            dispatch();
            List<TopicReader.Event> reminded = schedule.await(e -> of(e, "SurveyReminder", program), 1, WAIT);
            assertThat(reminded).hasSize(1);
            EventSchemas.assertValid(SCHEMAS + "SurveyReminder.v1.json", reminded.get(0).data());
            assertThat(reminded.get(0).data().get("recipient").get("participantId").asText()).isEqualTo(Tokens.subject(cyd));
            assertThat(reminded.get(0).data().get("lead").asText()).isEqualTo("P7D");
            assertThat(reminded.get(0).data().get("recipient").get("localStart").asText()).contains("September 23, 2025, 13:59 (Europe/Berlin)");
            // and the closing milestone's own deadline reminder (to everybody) is not sent
            assertThat(schedule.readFor(Duration.ofSeconds(2), e -> "DeadlineApproaching".equals(e.type())
                    && program.closingMilestoneId().equals(e.data().path("milestoneId").asText()))).isEmpty();
            assertThat(schedule.readFor(Duration.ofSeconds(1), e -> of(e, "SurveyReminder", program))).hasSize(1);

            // it closes: results frozen, no more answers
            clock.set(Instant.parse("2025-09-23T12:00:00Z"));
            advance();
            TopicReader.Event closed = schedule.await(e -> of(e, "SurveyClosed", program), 1, WAIT).get(0);
            EventSchemas.assertValid(SCHEMAS + "SurveyClosed.v1.json", closed.data());
            assertThat(closed.data().get("invited").asInt()).isEqualTo(3);
            assertThat(closed.data().get("responded").asInt()).isEqualTo(2);
            assertThat(closed.data().get("resultsUrl").asText()).endsWith(results);
            assertThat(closed.rawData()).doesNotContain("More time");
            String frozen = given().auth().oauth2(ORGANIZER).get(results).then().statusCode(200)
                    .body("frozen", equalTo(true)).body("status", equalTo("CLOSED")).extract().asString();
            given().auth().oauth2(Tokens.participant(cyd)).contentType(ContentType.JSON).body(Map.of("answers", good(1)))
                    .put(answers).then().statusCode(409).body("detail", containsString("closed"));
            given().auth().oauth2(Tokens.participant(ann)).contentType(ContentType.JSON)
                    .header("If-Match", given().auth().oauth2(Tokens.participant(ann)).get(answers).header("ETag"))
                    .body(Map.of("answers", good(1))).put(answers).then().statusCode(409);
            // a new registration after the close changes nothing of the frozen results
            try (EventProducer events = new EventProducer()) {
                register(events, "sv-late-" + suffix(), program, "MENTEE");
            }
            Thread.sleep(1000);
            assertThat(given().auth().oauth2(ORGANIZER).get(results).then().statusCode(200).extract().asString()).isEqualTo(frozen);
        }

        // erasure: the person's answers and that they answered go
        String subject = Tokens.subject(ann);
        try (EventProducer events = new EventProducer()) {
            events.send("mentorship.participants", subject, "ParticipantErased", UUID.randomUUID().toString(),
                    "/mentorship/participant-service", "{\"participantId\": \"" + subject + "\", \"erasedAt\": \"2025-09-24T00:00:00Z\"}");
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Database.rowsMentioning(subject).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(Database.rowsMentioning(subject)).isEmpty();
        // and the frozen results no longer hold their words or count them (who could answer stays as frozen)
        String results = "/programs/" + program.id() + "/surveys/" + program.surveyId() + "/results";
        JsonPath refrozen = given().auth().oauth2(ORGANIZER).get(results).then().statusCode(200).extract().jsonPath();
        assertThat(refrozen.getBoolean("frozen")).isTrue();
        assertThat(refrozen.getInt("invited")).isEqualTo(3);
        assertThat(refrozen.getInt("responded")).isEqualTo(1);
        assertThat(refrozen.getList("questions.find { it.key == 'improvements' }.texts")).containsExactly("More time: 2");
        assertThat(refrozen.getList("questions.find { it.key == 'overall' }.values.count")).containsExactly(0, 1, 0, 0, 0);
        assertThat(refrozen.getDouble("questions.find { it.key == 'overall' }.mean")).isEqualTo(2.0);
        assertThat(refrozen.prettify()).doesNotContain("More time: 5");
        given().auth().oauth2(ORGANIZER).get("/programs/" + program.id() + "/surveys/" + program.surveyId() + "/answers")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].participantId", equalTo(Tokens.subject(bob)));
    }

    @Test
    void anAnonymousSurveyKeepsWhoApartFromWhatAndHidesAGroupOfThree() throws Throwable {
        Program program = publish("reviewer", "program-survey");
        List<String> people = List.of("sv-anon-a-" + suffix(), "sv-anon-b-" + suffix(), "sv-anon-c-" + suffix(), "sv-anon-d-" + suffix());
        try (EventProducer events = new EventProducer()) {
            for (int i = 0; i < people.size(); i++) {
                register(events, people.get(i), program, i % 2 == 0 ? "MENTEE" : "MENTOR");
            }
        }
        String list = "/programs/" + program.id() + "/tracks/" + program.trackId() + "/surveys";
        String answers = list + "/" + program.surveyId() + "/answers";
        String results = "/programs/" + program.id() + "/surveys/" + program.surveyId() + "/results";
        for (String person : people) {
            awaitRegistered(list, person);
        }
        clock.set(Instant.parse("2025-10-20T00:00:00Z"));
        advance();
        awaitStatus(list, people.get(0), "OPEN");

        String receipt = null;
        for (int i = 0; i < 3; i++) {
            Response answered = given().auth().oauth2(Tokens.participant(people.get(i))).contentType(ContentType.JSON)
                    .body(Map.of("answers", Map.of("effectiveness", 4, "feedback-session", 3 + i % 2, "improvements", "Idea " + i)))
                    .put(answers);
            assertThat(answered.statusCode()).as(answered.asString()).isEqualTo(201);
            assertThat(answered.jsonPath().getString("receipt")).hasSizeGreaterThan(30);
            assertThat(answered.jsonPath().getString("answeredAt")).isNull();
            if (i == 0) {
                receipt = answered.jsonPath().getString("receipt");
            }
        }
        // what was answered names nobody and keeps no time; who answered keeps no answer
        assertThat(Database.query("select count(*)::text from survey_response where survey_id = '" + program.surveyId() + "'"))
                .containsExactly("3");
        assertThat(Database.rowsMentioning(Tokens.subject(people.get(0))).stream().filter(r -> r.startsWith("survey_response")))
                .isEmpty();
        assertThat(Database.query("select receipt_hash from survey_response where survey_id = '" + program.surveyId() + "'"))
                .doesNotContain(receipt).allSatisfy(hash -> assertThat(hash).hasSize(64));

        // a second answer needs the receipt: without it (or with another) 409, with it the answer changes
        given().auth().oauth2(Tokens.participant(people.get(0))).contentType(ContentType.JSON)
                .body(Map.of("answers", Map.of("effectiveness", 2, "feedback-session", 2)))
                .put(answers).then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("only be changed with its receipt"));
        given().auth().oauth2(Tokens.participant(people.get(0))).contentType(ContentType.JSON)
                .body(Map.of("answers", Map.of("effectiveness", 2, "feedback-session", 2), "receipt", "not-the-receipt"))
                .put(answers).then().statusCode(409);
        given().auth().oauth2(Tokens.participant(people.get(0))).contentType(ContentType.JSON)
                .body(Map.of("answers", Map.of("effectiveness", 2, "feedback-session", 2, "improvements", "Idea 0"), "receipt", receipt))
                .put(answers).then().statusCode(200).body("receipt", equalTo(null));
        // nobody reads an anonymous answer back by their name
        given().auth().oauth2(Tokens.participant(people.get(0))).get(answers).then().statusCode(404)
                .body("detail", containsString("anonymous"));
        // nor do the organizers, ever
        given().auth().oauth2(ORGANIZER).get("/programs/" + program.id() + "/surveys/" + program.surveyId() + "/answers")
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("never shown one by one"));
        // and no live view: the organizers would watch one person's answer arrive
        given().auth().oauth2(ORGANIZER).get(results).then().statusCode(409).body("detail", containsString("once it closes"));
        List<String> idsBefore = Database.query("select id::text from survey_response where survey_id = '" + program.surveyId() + "'");

        try (TopicReader schedule = new TopicReader("mentorship.schedule")) {
            clock.set(Instant.parse("2025-11-22T00:00:00Z"));
            advance();
            TopicReader.Event closed = schedule.await(e -> of(e, "SurveyClosed", program), 1, WAIT).get(0);
            assertThat(closed.data().get("anonymous").asBoolean()).isTrue();
            assertThat(closed.data().get("invited").asInt()).isEqualTo(4);
            assertThat(closed.data().get("responded").asInt()).isEqualTo(3);
        }
        JsonPath frozen = given().auth().oauth2(ORGANIZER).get(results).then().statusCode(200).extract().jsonPath();
        assertThat(frozen.getInt("responded")).isEqualTo(3);
        assertThat(frozen.getList("questions.suppressed")).containsOnly(true);
        assertThat(frozen.getList("questions.mean")).containsOnlyNulls();
        assertThat(frozen.getList("questions.values")).containsOnlyNulls();
        assertThat(frozen.getList("questions.texts")).containsOnlyNulls();
        assertThat(frozen.prettify()).doesNotContain("Idea");
        // the responses were rewritten: new ids, no receipts
        List<String> idsAfter = Database.query("select id::text from survey_response where survey_id = '" + program.surveyId() + "'");
        assertThat(idsAfter).hasSize(3).doesNotContainAnyElementsOf(idsBefore);
        assertThat(Database.query("select count(*)::text from survey_response where survey_id = '" + program.surveyId()
                + "' and receipt_hash is not null")).containsExactly("0");
        // the report's figures: counts, no mean of a group of three
        List<SurveyFigure> figured = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> figures.of(UUID.fromString(program.id()))));
        SurveyFigure survey = figured.stream().filter(f -> f.surveyKey().equals("program-survey")).findFirst().orElseThrow();
        assertThat(survey.responded()).isEqualTo(3);
        assertThat(survey.ratingMeans()).isEmpty();
    }

    @Test
    void movingTheClosingMilestoneMovesTheWindowAndItsReminders() throws Throwable {
        Program program = publish("author", "feedback-form");
        String milestone = "/programs/" + program.id() + "/tracks/" + program.trackId() + "/milestones/" + program.closingMilestoneId();
        given().auth().oauth2(ORGANIZER).contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(Map.of("date", "2025-09-29", "reason", "More time for the feedback form")).patch(milestone)
                .then().statusCode(200);
        JsonPath surveys = given().auth().oauth2(ORGANIZER).get("/programs/" + program.id() + "/tracks/" + program.trackId() + "/surveys")
                .then().statusCode(200).extract().jsonPath();
        assertThat(surveys.getString("[0].closesAt")).isEqualTo("2025-09-30T11:59:59Z");
        List<String> pending = Database.query("select fire_at::text from reminder where status = 'PENDING' and survey_id = '"
                + program.surveyId() + "' order by fire_at");
        assertThat(pending).hasSize(2);
        assertThat(Database.query("select count(*)::text from reminder where status = 'CANCELLED' and survey_id = '"
                + program.surveyId() + "'")).containsExactly("2");
        // a window that would close before it opens is refused
        given().auth().oauth2(ORGANIZER).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("date", "2025-09-08", "reason", "Too early")).patch(milestone)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));

        // once the survey closed, moving its closing milestone plans nothing: no deadline about a closed form, no survey
        // reminder either
        clock.set(Instant.parse("2025-10-01T00:00:00Z"));
        advance();
        assertThat(Database.query("select status from survey where id = '" + program.surveyId() + "'")).containsExactly("CLOSED");
        given().auth().oauth2(ORGANIZER).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("date", "2025-10-20", "reason", "Moved after the form closed")).patch(milestone)
                .then().statusCode(200);
        assertThat(Database.query("select count(*)::text from reminder where status = 'PENDING' and (milestone_id = '"
                + program.closingMilestoneId() + "' or survey_id = '" + program.surveyId() + "')")).containsExactly("0");
    }

    @Test
    void replicasOpenAndCloseEachSurveyOnceAndAProgramPublishedMidWindowOpensItsSurveyAtOnce() throws Throwable {
        Program program = publish("reviewer", "program-survey");
        String form = given().auth().oauth2(ORGANIZER).get("/programs/" + program.id() + "/tracks/"
                        + given().auth().oauth2(ORGANIZER).get("/programs/" + program.id()).jsonPath()
                        .getString("tracks.find { it.key == 'author' }.trackId") + "/surveys")
                .then().statusCode(200).extract().path("[0].surveyId");
        // October 20: the reviewer survey is open, the author form (September 9 to 22) has been and gone
        clock.set(Instant.parse("2025-10-20T00:00:00Z"));
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> replica = () -> {
            start.await();
            int changed = 0;
            for (int round = 0; round < 20; round++) {
                int batch = advanceOnce();
                changed += batch;
                if (batch == 0) {
                    break;
                }
            }
            return changed;
        };
        ExecutorService pods = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = List.of(pods.submit(replica), pods.submit(replica), pods.submit(replica));
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pods.shutdownNow();
        }
        // the scheduled poller races too; whoever claimed a survey, it changed once: the reviewer survey opened once,
        // the author form, whose window passed before it could open, closed without telling anyone
        Thread.sleep(2000);
        assertThat(Database.query("select type || ' ' || subject from outbox_event where event_key = '" + program.id()
                + "' and type like 'Survey%' order by seq")).containsExactly("SurveyOpened " + program.surveyId());
        assertThat(Database.query("select status from survey where id = '" + form + "'")).containsExactly("CLOSED");

        // a program published while a survey's window is open opens it at once, after ProgramPublished
        String late = given().auth().oauth2(ORGANIZER).contentType(ContentType.JSON)
                .body(ProgramFiles.load("ml4h-2025").toString()).post("/programs").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ORGANIZER).post("/programs/" + late + "/publish").then().statusCode(200);
        List<String> recorded = Database.query("select type from outbox_event where event_key = '" + late
                + "' and (type like 'Survey%' or type = 'ProgramPublished') order by seq");
        // the reviewer survey opens; the author form (its window passed) closes at once, unannounced
        assertThat(recorded).containsExactly("ProgramPublished", "SurveyOpened");
    }

    private static Map<String, Object> good(int overall) {
        return Map.of("overall", overall, "meetings", "4 or more",
                "helped-with", overall > 3 ? List.of("Direction of the project", "Presentation and organization of the paper")
                        : List.of("Presentation and organization of the paper", "Direction of the project"),
                "improvements", "More time: " + overall);
    }

    private static boolean of(TopicReader.Event e, String type, Program program) {
        return type.equals(e.type()) && program.id().equals(e.key()) && e.data() != null
                && program.surveyId().equals(e.data().path("surveyId").asText());
    }

    private void advance() throws Throwable {
        while (VertxContextSupport.subscribeAndAwait(() -> lifecycle.advance()) > 0) {
            // until nothing is due
        }
    }

    private int advanceOnce() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> lifecycle.advance());
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void dispatch() throws Throwable {
        while (VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatchDue()) > 0) {
            // until nothing is due
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** ML4H 2025, published on June 1: the track's survey and its closing milestone. */
    static Program publish(String track, String surveyKey) {
        String id = given().auth().oauth2(ORGANIZER).contentType(ContentType.JSON)
                .body(ProgramFiles.load("ml4h-2025").toString()).post("/programs").then().statusCode(201).extract().path("id");
        JsonPath published = given().auth().oauth2(ORGANIZER).post("/programs/" + id + "/publish")
                .then().statusCode(200).extract().jsonPath();
        String trackId = published.getString("tracks.find { it.key == '" + track + "' }.trackId");
        JsonPath surveys = given().auth().oauth2(ORGANIZER).get("/programs/" + id + "/tracks/" + trackId + "/surveys")
                .then().statusCode(200).extract().jsonPath();
        String closing = track.equals("reviewer") ? "survey" : "feedback";
        return new Program(id, trackId, surveys.getString("find { it.key == '" + surveyKey + "' }.surveyId"),
                published.getString("tracks.find { it.key == '" + track + "' }.milestones.find { it.key == '" + closing + "' }.milestoneId"));
    }

    static void register(EventProducer events, String user, Program program, String role) {
        String data = """
                {"participantId": "%s",
                 "participant": {"name": "%s Test", "email": "%s", "affiliation": "Somewhere", "careerStage": "POSTDOC",
                   "timeZone": "Europe/Berlin", "interests": [], "availability": []},
                 "registration": {"registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                   "role": "%s", "status": "ACTIVE", "late": false, "priority": false, "capacity": null, "answers": {},
                   "oneOnOneAvailabilityUtc": [], "codeOfConductVersion": "2025",
                   "registeredAt": "2025-06-01T00:00:00Z", "updatedAt": "2025-06-01T00:00:00Z"}}"""
                .formatted(Tokens.subject(user), user, Tokens.email(user), UUID.randomUUID(), program.id(), program.trackId(), role);
        events.send("mentorship.participants", Tokens.subject(user), "ParticipantRegistered", UUID.randomUUID().toString(),
                "/mentorship/participant-service", data);
    }

    static void awaitRegistered(String list, String user) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (given().auth().oauth2(Tokens.participant(user)).get(list).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(user + "'s registration never arrived");
            }
            Thread.sleep(100);
        }
    }

    static void awaitStatus(String list, String user, String status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!status.equals(given().auth().oauth2(Tokens.participant(user)).get(list).jsonPath().getString("[0].status"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the survey never became " + status);
            }
            Thread.sleep(100);
        }
    }
}
