package dev.mentorship.schedule.program;

import dev.mentorship.testing.EventSchemas;
import dev.mentorship.testing.Tokens;
import dev.mentorship.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Organizers per program: an admin creates a program and is its first organizer; organizers appoint others; only the
 * program's staff see its draft and change it; every change of the staff is announced on the internal topic
 * mentorship.staff with a growing revision, the whole staff each time.
 */
@QuarkusTest
class StaffTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anAdminCreatesAProgramItsOrganizersAppointOthersAndNobodyElseSeesOrChangesIt() {
        String olivia = Tokens.admin("olivia");
        String oscar = Tokens.participant("oscar");
        String ophelia = Tokens.participant("ophelia");
        try (TopicReader staffTopic = new TopicReader("mentorship.staff")) {
            String programId = ProgramImportTest.create(ProgramFiles.load("ml4h-2025")).then().statusCode(201).extract().path("id");
            String staff = "/programs/" + programId + "/staff";

            // the creator is the first organizer, with every grant
            given().auth().oauth2(olivia).get(staff).then().statusCode(200)
                    .body("personId", equalTo(List.of(Tokens.subject("olivia"))))
                    .body("[0].grants", equalTo(List.of("ORGANIZER", "CONDUCT_CONTACT", "CONFIDENTIAL")));

            // oscar is nobody here yet: the draft, its staff and its commands do not exist for him
            given().auth().oauth2(oscar).get("/programs/" + programId).then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(oscar).get(staff).then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(oscar).post("/programs/" + programId + "/publish").then().statusCode(404).contentType(PROBLEM);
            assertThat(given().auth().oauth2(oscar).queryParam("size", 100).get("/programs").then().statusCode(200)
                    .extract().<List<String>>path("items.id")).doesNotContain(programId);
            // a participant cannot create programs
            given().auth().oauth2(oscar).contentType(ContentType.JSON).body(ProgramFiles.load("ml4h-2024").toString())
                    .post("/programs").then().statusCode(403).contentType(PROBLEM);

            // olivia appoints oscar organizer (without the confidential grant); bad appointments are refused
            given().auth().oauth2(olivia).contentType(ContentType.JSON).body(Map.of("name", "Oscar", "email", "not-an-email",
                    "grants", List.of("ORGANIZER"))).put(staff + "/" + Tokens.subject("oscar"))
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("email")));
            given().auth().oauth2(olivia).contentType(ContentType.JSON).body(Map.of("name", "Oscar", "email", "oscar@mentorship.test",
                    "grants", List.of("RULER"))).put(staff + "/" + Tokens.subject("oscar"))
                    .then().statusCode(400).contentType(PROBLEM);
            appoint(olivia, staff, "oscar", List.of("ORGANIZER")).then().statusCode(200).body("grants", equalTo(List.of("ORGANIZER")));
            given().auth().oauth2(oscar).get("/programs/" + programId).then().statusCode(200).body("status", equalTo("DRAFT"));
            assertThat(given().auth().oauth2(oscar).queryParam("size", 100).get("/programs").then().statusCode(200)
                    .extract().<List<String>>path("items.id")).contains(programId);

            // oscar, an organizer now, appoints ophelia conduct contact; she may not run the program
            appoint(oscar, staff, "ophelia", List.of("CONDUCT_CONTACT")).then().statusCode(200);
            given().auth().oauth2(ophelia).post("/programs/" + programId + "/publish").then().statusCode(404);
            given().auth().oauth2(ophelia).get(staff).then().statusCode(404);

            // the last organizer cannot leave; once oscar is one, olivia (an admin) may
            given().auth().oauth2(oscar).delete(staff + "/" + Tokens.subject("olivia")).then().statusCode(204);
            given().auth().oauth2(oscar).delete(staff + "/" + Tokens.subject("oscar")).then().statusCode(409).contentType(PROBLEM)
                    .body("detail", containsString("last organizer"));
            appoint(oscar, staff, "oscar", List.of("CONDUCT_CONTACT")).then().statusCode(409).contentType(PROBLEM);
            given().auth().oauth2(oscar).delete(staff + "/" + Tokens.subject("nobody")).then().statusCode(404).contentType(PROBLEM);
            // an admin appoints on any program, staff or not
            appoint(olivia, staff, "olivia", List.of("ORGANIZER", "CONFIDENTIAL")).then().statusCode(200);

            // every change: the whole staff on mentorship.staff, keyed by the program, revisions growing
            List<TopicReader.Event> changes = staffTopic.await(e -> programId.equals(e.key()), 5, Duration.ofSeconds(30));
            changes.forEach(e -> {
                assertThat(e.type()).isEqualTo("ProgramStaffChanged");
                EventSchemas.assertValid("META-INF/resources/schemas/ProgramStaffChanged.v1.json", e.data());
            });
            List<Long> revisions = changes.stream().map(e -> e.data().get("revision").asLong()).toList();
            assertThat(revisions).isSorted().doesNotHaveDuplicates();
            TopicReader.Event last = changes.get(changes.size() - 1);
            assertThat(last.data().get("staff").findValuesAsText("email"))
                    .containsExactlyInAnyOrder("olivia@mentorship.test", "oscar@mentorship.test", "ophelia@mentorship.test");
        }
    }

    /** Appoints or changes grants as a client does: with the staff's ETag where the caller may read it. */
    private static io.restassured.response.Response appoint(String token, String staff, String user, List<String> grants) {
        String revision = given().auth().oauth2(token).get(staff).header("ETag");
        io.restassured.specification.RequestSpecification request = given().auth().oauth2(token).contentType(ContentType.JSON);
        return (revision == null ? request : request.header("If-Match", revision))
                .body(Map.of("name", user + " Test", "email", Tokens.email(user), "grants", grants))
                .put(staff + "/" + Tokens.subject(user));
    }

    @Test
    void aProgramNobodyKnowsAnswers404ToItsStaffEndpoints() {
        String staff = "/programs/" + UUID.randomUUID() + "/staff";
        given().auth().oauth2(Tokens.admin("olivia")).get(staff).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.participant("anna")).get(staff).then().statusCode(404).contentType(PROBLEM);
        given().get(staff).then().statusCode(401);
    }
}
