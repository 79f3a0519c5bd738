package dev.mentorship.schedule.program;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ProgramImportTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void ml4h2025ImportsWithEveryMilestoneAtItsExactInstantAndTheExtensionsAsHistory() {
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        JsonPath program = create(file).then().statusCode(201)
                .header("Location", containsString("/programs/"))
                .body("status", equalTo("DRAFT"))
                .body("tracks", hasSize(3))
                .extract().jsonPath();

        assertThat(program.getList("tracks.kind")).containsExactly("AUTHOR", "REVIEWER", "CAREER");
        assertThat(program.getList("tracks.milestones.flatten()")).hasSize(ProgramFiles.milestoneCount(file));
        Map<String, Object> author = program.getMap("tracks[0]");
        assertThat(author).containsEntry("key", "author");
        assertThat(program.getString("tracks[0].registration.applicationDeadline")).isEqualTo("2025-07-06T11:59:59Z");
        assertThat(program.getString("tracks[0].registration.closesAt")).isEqualTo("2025-09-07T11:59:59Z");
        assertThat(program.getBoolean("tracks[0].registration.rolling")).isTrue();
        assertThat(program.getString("tracks[0].milestones.find { it.key == 'meeting-period' }.dueAt"))
                .isEqualTo("2025-07-18T12:00:00Z");
        assertThat(program.getString("tracks[0].milestones.find { it.key == 'meeting-period' }.endsAt"))
                .isEqualTo("2025-09-09T11:59:59Z");
        assertThat(program.getString("tracks[0].milestones.find { it.key == 'application-deadline' }.localRendering"))
                .isEqualTo("July 5, 2025 AoE");
        // the reviewer deadline as extended on the page: August 30 -> September 1
        assertThat(program.getString("tracks[1].milestones.find { it.key == 'application-deadline' }.dueAt"))
                .isEqualTo("2025-09-02T11:59:59Z");
        assertThat(program.getString("tracks[1].registration.closesAt")).isEqualTo("2025-09-02T11:59:59Z");
        assertThat(program.getList("tracks[2].topics")).contains("work-life balance");
        assertThat(program.getInt("tracks[2].menteesPerMentorMin")).isEqualTo(3);
        List<String> summaries = program.getList("changes.summary");
        assertThat(summaries).containsExactlyInAnyOrder(
                "extended from August 30 to September 1", "extended from October 15 to October 25");
        assertThat(program.getList("changes.reason", String.class)).containsExactlyInAnyOrder(
                "The program page extended the deadline from August 30 to September 1.",
                "The program page extended the deadline from October 15 to October 25.");
        // the career pairings moved on the page (Nov ~~1~~ 4): a date, with a note, not an extension
        assertThat(program.getString("tracks[2].milestones.find { it.key == 'pairing-release' }.date")).isEqualTo("2025-11-04");
        assertThat(program.getString("tracks[2].milestones.find { it.key == 'pairing-release' }.description"))
                .contains("November 1").contains("November 4");
        // the reviewer survey is open from October 17 and due on November 20
        assertThat(program.getString("tracks[1].milestones.find { it.key == 'survey-period' }.type")).isEqualTo("SURVEY_PERIOD");
        assertThat(program.getBoolean("tracks[1].milestones.find { it.key == 'survey-period' }.window")).isTrue();
        assertThat(program.getString("tracks[1].milestones.find { it.key == 'survey-period' }.date")).isEqualTo("2025-10-17");
        assertThat(program.getString("tracks[1].milestones.find { it.key == 'survey-period' }.endDate")).isEqualTo("2025-11-20");
        assertThat(program.getString("tracks[1].milestones.find { it.key == 'survey' }.date")).isEqualTo("2025-11-20");
        // the page's own conflicts are recorded where the other dates are
        assertThat(program.getString("tracks[2].milestones.find { it.key == 'application-deadline' }.description"))
                .contains("October 15th").contains("October 25");
        assertThat(program.getString("tracks[2].milestones.find { it.key == 'group-session' }.description"))
                .contains("late November (date TBA)");
        assertThat(program.getString("tracks[2].milestones.find { it.key == 'one-on-one-week' }.description"))
                .contains("November 24, 2025");
        assertThat(program.getString("codeOfConduct.url")).isEqualTo("https://ahli.cc/ml4h/code-of-conduct/");
        assertThat(program.getString("codeOfConduct.reportContact")).isEqualTo("info@ml4h.cc");
    }

    @Test
    void theProgramFilesCarryNoStrikeThroughMarkupAndOnlyThePagesReportContacts() throws Exception {
        for (String name : List.of("ml4h-2024", "ml4h-2025")) {
            try (var in = ProgramImportTest.class.getResourceAsStream("/programs/" + name + ".json")) {
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).as(name).doesNotContain("~~");
            }
        }
        // the 2024 page names no address after "please contact": the file names none either
        assertThat(ProgramFiles.load("ml4h-2024").get("codeOfConduct").has("reportContact")).isFalse();
        assertThat(ProgramFiles.load("ml4h-2025").get("codeOfConduct").get("reportContact").asText()).isEqualTo("info@ml4h.cc");
    }

    @Test
    void ml4h2024ImportsToo() {
        ObjectNode file = ProgramFiles.load("ml4h-2024");
        JsonPath program = create(file).then().statusCode(201).extract().jsonPath();
        assertThat(program.getList("tracks.milestones.flatten()")).hasSize(ProgramFiles.milestoneCount(file));
        assertThat(program.getString("tracks[2].milestones.find { it.key == 'one-on-one-week' }.localRendering"))
                .isEqualTo("November 27, 2024 – December 1, 2024 AoE");
        assertThat(program.getList("changes")).isEmpty();
        // no report contact on the 2024 page: none is invented, and the import accepts that
        assertThat(program.getString("codeOfConduct.url")).isEqualTo("https://ahli.cc/ml4h/code-of-conduct/");
        assertThat(program.getString("codeOfConduct.reportContact")).isNull();
        assertThat(program.getString("tracks[1].milestones.find { it.key == 'survey-period' }.localRendering"))
                .isEqualTo("October 22, 2024 – November 20, 2024 AoE");
        assertThat(program.getString("tracks[1].milestones.find { it.key == 'survey' }.date")).isEqualTo("2024-11-20");
        assertThat(program.getString("tracks[1].milestones.find { it.key == 'initial-review' }.description"))
                .contains("October 4").contains("October 5").contains("September 30");
    }

    @Test
    void anUnknownTimeZoneIsRefusedNamingTheField() {
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        milestone(file, 0, 2).put("timeZone", "Mars/Olympus_Mons");
        create(file).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("tracks[0].milestones[2].timeZone"))
                .body("detail", containsString("time zone"));
        assertNotCreated(file);
    }

    @Test
    void milestonesOutOfTheirImpliedOrderAreRefused() {
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        // first contact before the pairings are sent out
        milestone(file, 0, 2).put("date", "2025-07-10");
        create(file).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("tracks[0].milestones[2].date"))
                .body("detail", containsString("FIRST_CONTACT_DUE (July 10, 2025 AoE) must not come before PAIRING_RELEASE"));
        assertNotCreated(file);
    }

    @Test
    void duplicateNamesAndKeysAndShapelessWindowsAreRefusedAllAtOnce() {
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        milestone(file, 1, 1).put("name", "Application deadline");
        milestone(file, 1, 2).put("key", "pairing-release");
        milestone(file, 0, 3).remove("endDate");
        ((ObjectNode) file.get("tracks").get(2)).put("key", "author");
        create(file).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("tracks[1].milestones[1].name"))
                .body("errors.field", hasItem("tracks[1].milestones[2].key"))
                .body("errors.field", hasItem("tracks[0].milestones[3].endDate"))
                .body("errors.field", hasItem("tracks[2].key"));
    }

    @Test
    void missingAndMalformedFieldsGet400ProblemNamingThem() {
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        file.remove("conference");
        milestone(file, 0, 0).put("type", "COFFEE_BREAK");
        create(file).then().statusCode(400).contentType(PROBLEM);

        ObjectNode noConference = ProgramFiles.load("ml4h-2025");
        noConference.remove("conference");
        milestone(noConference, 0, 0).putArray("reminders").add("seven days");
        create(noConference).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("conference"))
                .body("errors.field", hasItem("tracks[0].milestones[0].reminders[0]"));

        given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/programs").then().statusCode(400).contentType(PROBLEM);
        ObjectNode badDate = ProgramFiles.load("ml4h-2025");
        milestone(badDate, 0, 0).put("date", "2025-02-30");
        create(badDate).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("tracks[0].milestones[0].date"));
    }

    @Test
    void aFrontendUrlMustBeAnAbsoluteWebUrlAndIsKeptWithoutItsTrailingSlash() {
        for (String bad : List.of("mentorship.ml4h.cc", "ftp://mentorship.ml4h.cc", "javascript:alert(1)", "https://",
                "https://mentorship.ml4h.cc/?next=evil", "https://user@mentorship.ml4h.cc", "https://mentorship.ml4h.cc/#x", "")) {
            ObjectNode file = ProgramFiles.load("ml4h-2025");
            file.put("frontendUrl", bad);
            create(file).then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("frontendUrl"))
                    .body("detail", containsString("frontendUrl"));
            assertNotCreated(file);
        }
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        file.put("frontendUrl", "HTTPS://mentorship.ml4h.cc/2025/");
        String id = create(file).then().statusCode(201).body("frontendUrl", equalTo("https://mentorship.ml4h.cc/2025"))
                .extract().path("id");
        given().auth().oauth2(Tokens.admin("olivia")).when().get("/programs/" + id)
                .then().statusCode(200).body("frontendUrl", equalTo("https://mentorship.ml4h.cc/2025"));
        // none given: none kept (the deployment's default applies)
        ObjectNode plain = ProgramFiles.load("ml4h-2024");
        create(plain).then().statusCode(201).body("frontendUrl", equalTo(null));
    }

    @Test
    void aProgramNameIsTakenOnce() {
        ObjectNode file = ProgramFiles.load("ml4h-2024");
        create(file).then().statusCode(201);
        create(file).then().statusCode(409).contentType(PROBLEM).body("detail", containsString("exists already"));
    }

    @Test
    void onlyOrganizersCreateAndParticipantsDoNotSeeDrafts() {
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        given().auth().oauth2(Tokens.participant("anna")).contentType(ContentType.JSON).body(file.toString())
                .when().post("/programs").then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(file.toString())
                .when().post("/programs").then().statusCode(401).contentType(PROBLEM);
        String id = create(file).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.participant("anna")).when().get("/programs/" + id)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.admin("olivia")).when().get("/programs/" + id)
                .then().statusCode(200).body("name", equalTo(file.get("name").asText()));
        given().when().get("/programs/" + id + "/calendar.ics").then().statusCode(404);
    }

    static io.restassured.response.Response create(ObjectNode program) {
        return given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON).body(program.toString())
                .when().post("/programs");
    }

    static ObjectNode milestone(ObjectNode program, int track, int milestone) {
        return (ObjectNode) program.get("tracks").get(track).get("milestones").get(milestone);
    }

    private static void assertNotCreated(ObjectNode program) {
        List<String> names = given().auth().oauth2(Tokens.admin("olivia")).queryParam("size", 200)
                .when().get("/programs").then().statusCode(200).extract().path("items.name");
        assertThat(names).doesNotContain(program.get("name").asText());
    }
}
