package dev.mentorship.participant.registration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorship.testing.Conditional;
import dev.mentorship.testing.Database;
import dev.mentorship.participant.Requests;
import dev.mentorship.participant.TestPrograms;
import dev.mentorship.testing.EventSchemas;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.mentorship.participant.Requests.as;
import static dev.mentorship.participant.Requests.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Registering through REST with a bearer token, and the events it publishes on the real broker. */
@QuarkusTest
class RegistrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SCHEMAS = "META-INF/resources/schemas/";

    @Test
    void aRegistrationPublishesParticipantRegisteredOnceAndUpdatesAndWithdrawalFollow() {
        TestPrograms.Published program = TestPrograms.publish();
        String ada = "reg-ada";
        String subject = Tokens.subject(ada);

        JsonPath created = register(ada, program.programId(), program.author(), Requests.registration("MENTEE", Requests.authorMentee()))
                .then().statusCode(201).header("Location", containsString("/me/registrations/"))
                .body("status", equalTo("ACTIVE")).body("late", equalTo(false)).body("trackKind", equalTo("AUTHOR"))
                .body("codeOfConductVersion", equalTo("2025"))
                .extract().jsonPath();
        String registrationId = created.getString("id");
        // registering again is answered with the registration already there, not a second one
        register(ada, program.programId(), program.author(), Requests.registration("MENTEE", Requests.authorMentee()))
                .then().statusCode(200).body("id", equalTo(registrationId));
        as(Tokens.participant(ada)).get("/me").then().statusCode(200)
                .body("email", equalTo(Tokens.email(ada))).body("name", equalTo("Reg-ada Test"))
                .body("interests", equalTo(List.of("machine learning", "ehr", "causal inference")));

        Conditional.write(() -> as(Tokens.participant(ada)), "PUT", "/me/registrations/" + registrationId,
                        Map.of("answers", Map.of("paperTitle", "Counterfactual risk, revised",
                                "paperSummary", "Now with a second cohort.", "intendsToSubmit", true)))
                .then().statusCode(200).body("answers.paperTitle", equalTo("Counterfactual risk, revised"));
        as(Tokens.participant(ada)).body(Map.of("reason", "My co-author left"))
                .when().post("/me/registrations/" + registrationId + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        as(Tokens.participant(ada)).when().post("/me/registrations/" + registrationId + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        try (TopicReader topic = new TopicReader("mentorship.participants")) {
            List<TopicReader.Event> events = topic.await(e -> subject.equals(e.key()), 3, WAIT);
            assertThat(events).extracting(TopicReader.Event::type)
                    .containsExactly("ParticipantRegistered", "ParticipantUpdated", "ParticipantWithdrawn");
            events.forEach(e -> EventSchemas.assertValid(SCHEMAS + e.type() + ".v1.json", e.data()));

            TopicReader.Event registered = events.get(0);
            assertThat(registered.headers()).containsEntry("ce_source", "/mentorship/participant-service")
                    .containsEntry("ce_subject", subject)
                    .containsEntry("ce_dataschema", "http://127.0.0.1:8081/schemas/ParticipantRegistered.v1.json");
            JsonNode data = registered.data();
            assertThat(data.at("/participant/email").asText()).isEqualTo(Tokens.email(ada));
            assertThat(data.at("/participant/timeZone").asText()).isEqualTo("Europe/Berlin");
            assertThat(data.at("/participant/availability/0/from").asText()).isEqualTo("09:00");
            assertThat(data.at("/registration/registrationId").asText()).isEqualTo(registrationId);
            assertThat(data.at("/registration/role").asText()).isEqualTo("MENTEE");
            assertThat(data.at("/registration/answers/paperTitle").asText()).isEqualTo("Counterfactual risk scores from EHR");
            assertThat(data.at("/registration/answers").has("capacity")).isFalse();

            assertThat(events.get(1).data().at("/changes/0").asText()).isEqualTo("REGISTRATION");
            assertThat(events.get(1).data().at("/registrations/0/answers/paperTitle").asText()).isEqualTo("Counterfactual risk, revised");
            assertThat(events.get(2).data().get("registrationId").asText()).isEqualTo(registrationId);
            // the reason stays with the organizers
            assertThat(events.get(2).rawData()).doesNotContain("co-author");
        }
        as(Tokens.participant(ada)).get("/me/registrations/" + registrationId).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void lateAndCareerRegistrationsAreShapedByTheirTrack() {
        TestPrograms.Published program = TestPrograms.publish();
        register("reg-lena", program.programId(), program.lateAuthor(), Requests.registration("MENTEE", Requests.authorMentee()))
                .then().statusCode(201).body("late", equalTo(true));

        String chidi = "reg-chidi";
        Map<String, Object> body = Requests.registration("MENTEE", Requests.careerMentee());
        body.put("profile", Requests.profile("Asia/Tokyo"));
        register(chidi, program.programId(), program.career(), body).then().statusCode(201)
                .body("answers.topics", equalTo(List.of("work-life balance", "long-term research plan")));

        Map<String, Object> tooMany = Requests.careerMentee();
        tooMany.put("capacity", 5);
        register("reg-cara", program.programId(), program.career(), Requests.registration("MENTOR", tooMany))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("answers.capacity"))
                .body("errors.find { it.field == 'answers.capacity' }.message", equalTo("must be at most 4: mentors in career track take 3 to 4 mentees"));
        tooMany.put("capacity", 4);
        register("reg-cara", program.programId(), program.career(), Requests.registration("MENTOR", tooMany))
                .then().statusCode(201).body("capacity", equalTo(4));

        try (TopicReader topic = new TopicReader("mentorship.participants")) {
            JsonNode data = topic.await(e -> Tokens.subject(chidi).equals(e.key()), 1, WAIT).get(0).data();
            EventSchemas.assertValid(SCHEMAS + "ParticipantRegistered.v1.json", data);
            // 14:00 in Tokyo is 05:00 UTC
            assertThat(data.at("/registration/oneOnOneAvailabilityUtc/0/startsAt").asText()).isEqualTo("2099-11-24T05:00:00Z");
            JsonNode late = topic.await(e -> Tokens.subject("reg-lena").equals(e.key()), 1, WAIT).get(0).data();
            assertThat(late.at("/registration/late").asBoolean()).isTrue();
        }
    }

    @Test
    void aSelfIdentifiedMenteeGetsPriorityOnlyUnderTheTrackPolicyAndOnlyTheFlagTravelsOnTheInternalTopic() {
        TestPrograms.Published program = TestPrograms.publish();
        String pia = "reg-pia";
        register(pia, program.programId(), program.reviewer(), Requests.registration("MENTEE", Requests.reviewerMentee()))
                .then().statusCode(201).body("priority", equalTo(false));
        as(Tokens.participant(pia)).body(Map.of("underrepresented", true, "description", "CONFIDENTIAL-DETAIL"))
                .when().put("/me/self-identification").then().statusCode(200).body("underrepresented", equalTo(true));
        register("reg-omar", program.programId(), program.reviewer(), Requests.registration("MENTEE", Requests.reviewerMentee()))
                .then().statusCode(201);

        String tracks = "/programs/" + program.programId() + "/tracks/" + program.reviewer();
        as(Tokens.organizer("olivia")).body(Map.of("prioritiseSelfIdentified", true))
                .when().put(tracks + "/registration-policy").then().statusCode(200)
                .body("prioritiseSelfIdentified", equalTo(true));
        as(Tokens.participant(pia)).get("/me/registrations").then().statusCode(200)
                .body("items[0].priority", equalTo(true));

        as(Tokens.organizer("olivia")).queryParam("priority", true).queryParam("role", "MENTEE")
                .when().get(tracks + "/registrations").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].participant.email", equalTo(Tokens.email(pia)))
                .body("items[0].selfIdentification.description", equalTo("CONFIDENTIAL-DETAIL"));
        as(Tokens.organizer("olivia")).queryParam("q", "OMAR")
                .when().get(tracks + "/registrations").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].selfIdentification", equalTo(null));
        // a search text PostgreSQL cannot take (NUL) is the client's error, with a reason (the fuzzer found a 500)
        for (String path : List.of(tracks + "/registrations", tracks + "/registrations.csv")) {
            as(Tokens.organizer("olivia")).queryParam("q", "OM\u0000AR")
                    .when().get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("U+0000"));
        }
        // the CSV leaves the confidential columns out unless a holder of the grant asks for them
        List<String> plain = as(Tokens.organizer("olivia")).when().get(tracks + "/registrations.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString().lines().toList();
        assertThat(plain).hasSize(3);
        assertThat(plain.get(0)).startsWith("registrationId,registeredAt,status,role,late,name,email")
                .doesNotContain("priority").doesNotContain("selfIdentified");
        List<String> lines = as(Tokens.organizer("olivia")).queryParam("confidential", true).when().get(tracks + "/registrations.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString().lines().toList();
        assertThat(lines.get(0)).startsWith("registrationId,registeredAt,status,role,late,priority,name,email");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(Tokens.email(pia)).contains("true,Reg-pia Test"));

        // public: the registration only, with nothing derived from what pia confided
        try (TopicReader topic = new TopicReader("mentorship.participants")) {
            List<TopicReader.Event> events = topic.readFor(Duration.ofSeconds(2), e -> Tokens.subject(pia).equals(e.key()));
            assertThat(events).extracting(TopicReader.Event::type).containsExactly("ParticipantRegistered");
            assertThat(events).allSatisfy(e -> assertThat(e.rawData()).doesNotContain("CONFIDENTIAL-DETAIL")
                    .doesNotContainIgnoringCase("underrepresented").doesNotContain("priority"));
        }
        // internal: her registration's priority, false when she registered, true once the policy gave it
        try (TopicReader topic = new TopicReader("mentorship.confidential")) {
            List<TopicReader.Event> priorities = topic.await(e -> Tokens.subject(pia).equals(e.data().path("participantId").asText()), 2, WAIT);
            priorities.forEach(e -> EventSchemas.assertValid(SCHEMAS + "WaitlistPriorityChanged.v1.json", e.data()));
            assertThat(priorities).extracting(e -> e.data().get("priority").asBoolean()).containsExactly(false, true);
            assertThat(priorities).allSatisfy(e -> assertThat(e.rawData()).doesNotContain("CONFIDENTIAL-DETAIL"));
        }
        assertThat(Database.outboxEventsFor(Tokens.subject("reg-omar"))).isEqualTo(1);
    }
}
