package dev.mentorship.schedule.program;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorship.testing.Conditional;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The program's timeline as a subscribable iCalendar feed, read back with a real RFC 5545 parser (ical4j). */
@QuarkusTest
class ProgramCalendarTest {

    @Test
    void aPublishedProgramIsAFeedWithOneEventPerMilestoneAtItsExactInstant() throws Exception {
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        JsonPath program = ProgramImportTest.create(file).then().statusCode(201).extract().jsonPath();
        String id = program.getString("id");
        given().auth().oauth2(Tokens.admin("olivia")).when().post("/programs/" + id + "/publish").then().statusCode(200);

        Map<String, VEvent> first = eventsBySummary(feed(id));
        assertThat(first).hasSize(ProgramFiles.milestoneCount(file));
        VEvent authorDeadline = first.get("Author Mentorship: Application deadline");
        assertThat(value(authorDeadline, Property.DTSTART)).isEqualTo("20250706T115959Z");
        assertThat(value(authorDeadline, Property.DESCRIPTION)).startsWith("July 5, 2025 AoE");
        VEvent meetings = first.get("Author Mentorship: Bi-weekly mentorship meetings");
        assertThat(value(meetings, Property.DTSTART)).isEqualTo("20250718T120000Z");
        assertThat(value(meetings, Property.DTEND)).isEqualTo("20250909T120000Z");
        // the page's extension counts as one change
        assertThat(value(first.get("Reviewer Mentorship: Application deadline"), Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(authorDeadline, Property.SEQUENCE)).isEqualTo("0");

        // moving a milestone keeps its UID and raises its SEQUENCE, so a subscribed calendar updates it in place
        String trackId = program.getString("tracks[0].trackId");
        String milestoneId = program.getString("tracks[0].milestones.find { it.key == 'first-contact' }.milestoneId");
        Conditional.write(() -> given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON), "PATCH",
                "/programs/" + id + "/tracks/" + trackId + "/milestones/" + milestoneId, "{\"date\": \"2025-07-17\", \"reason\": \"Pairings went out late\"}")
                .then().statusCode(200);
        Map<String, VEvent> second = eventsBySummary(feed(id));
        VEvent before = first.get("Author Mentorship: Mentees reach out and arrange the first meeting");
        VEvent after = second.get("Author Mentorship: Mentees reach out and arrange the first meeting");
        assertThat(value(after, Property.UID)).isEqualTo(value(before, Property.UID)).startsWith(milestoneId);
        assertThat(value(after, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(after, Property.DTSTART)).isEqualTo("20250718T115959Z");
    }

    @Test
    void aMoveThatBreaksTheImpliedOrderIsRefusedAndChangesNothing() {
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        JsonPath program = ProgramImportTest.create(file).then().statusCode(201).extract().jsonPath();
        String id = program.getString("id");
        String trackId = program.getString("tracks[0].trackId");
        String milestoneId = program.getString("tracks[0].milestones.find { it.key == 'pairing-release' }.milestoneId");
        Conditional.write(() -> given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON), "PATCH",
                "/programs/" + id + "/tracks/" + trackId + "/milestones/" + milestoneId, "{\"date\": \"2025-07-30\", \"reason\": \"late\"}")
                .then().statusCode(400).contentType("application/problem+json");
        Conditional.write(() -> given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON), "PATCH",
                "/programs/" + id + "/tracks/" + trackId + "/milestones/" + milestoneId, "{\"date\": \"2025-07-14\"}")
                .then().statusCode(400).contentType("application/problem+json");
        // a participant, and an admin who is not on the program's staff: as if the program did not exist
        for (String outsider : List.of(Tokens.participant("anna"), Tokens.admin("adam"))) {
            given().auth().oauth2(outsider).contentType(ContentType.JSON)
                    .body("{\"date\": \"2025-07-14\", \"reason\": \"x\"}")
                    .when().patch("/programs/" + id + "/tracks/" + trackId + "/milestones/" + milestoneId)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.admin("olivia")).when().get("/programs/" + id).then().statusCode(200)
                .body("tracks[0].milestones.find { it.key == 'pairing-release' }.date", org.hamcrest.Matchers.equalTo("2025-07-13"));
    }

    @Test
    void theCalendarsDescriptionCarriesTheCodeOfConductAndWhereToReportAViolation() throws Exception {
        String with = published("ml4h-2025");
        Calendar calendar2025 = new CalendarBuilder().build(new StringReader(feed(with)));
        assertThat(value(calendar2025, "X-WR-CALDESC"))
                .contains("ML4H Code of Conduct (version 2025): https://ahli.cc/ml4h/code-of-conduct/")
                .contains("To report a violation, contact info@ml4h.cc.");
        assertThat(value(calendar2025, Property.DESCRIPTION)).isEqualTo(value(calendar2025, "X-WR-CALDESC"));
        // the 2024 page names no report contact: the calendar points to the platform's report form
        Calendar calendar2024 = new CalendarBuilder().build(new StringReader(feed(published("ml4h-2024"))));
        assertThat(value(calendar2024, "X-WR-CALDESC"))
                .contains("ML4H Code of Conduct (version 2024): https://ahli.cc/ml4h/code-of-conduct/")
                .contains("use the conduct report form in the platform")
                .doesNotContain("@");
        // the survey is a window: open from October 17 to the end of November 20 (AoE)
        VEvent survey = eventsBySummary(feed(with)).get("Reviewer Mentorship: Program survey open");
        assertThat(value(survey, Property.DTSTART)).isEqualTo("20251017T120000Z");
        assertThat(value(survey, Property.DTEND)).isEqualTo("20251121T120000Z");
    }

    private static String published(String file) {
        String id = ProgramImportTest.create(ProgramFiles.load(file)).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.admin("olivia")).when().post("/programs/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static String feed(String programId) {
        return given().when().get("/programs/" + programId + "/calendar.ics")
                .then().statusCode(200).contentType("text/calendar").extract().asString();
    }

    private static Map<String, VEvent> eventsBySummary(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().collect(Collectors.toMap(e -> value(e, Property.SUMMARY), Function.identity()));
    }

    private static String value(net.fortuna.ical4j.model.PropertyContainer container, String property) {
        return container.getProperty(property).map(p -> ((Property) p).getValue()).orElseThrow();
    }
}
