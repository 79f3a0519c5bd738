package dev.mentorship.participant.privacy;

import dev.mentorship.participant.TestPrograms;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.EventSchemas;
import dev.mentorship.testing.StaffEvents;
import dev.mentorship.testing.StaffEvents.Member;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mentorship.participant.Requests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * A confidential report: the program's conduct contacts read it here, never a person it names, not the program's other
 * organizers, nobody of another program; the event that tells them carries its id and program only.
 */
@QuarkusTest
class ConductReportTest {

    static TestPrograms.Published program;

    /** olivia: every grant; oscar: organizer, no conduct contact; ophelia: conduct contact, named in a report below. */
    @BeforeEach
    void staff() {
        if (program != null) {
            return;
        }
        program = TestPrograms.publish();
        try (EventProducer events = new EventProducer()) {
            StaffEvents.staff(events, UUID.fromString(program.programId()), List.of(new Member("olivia", StaffEvents.ALL_GRANTS),
                    new Member("oscar", List.of("ORGANIZER")), new Member("ophelia", List.of("CONDUCT_CONTACT"))));
        }
        TestPrograms.awaitOrganizer(program.programId(), program.author(), "oscar");
    }

    @Test
    void aReportIsAnnouncedByIdAndProgramOnlyAndReadByTheConductContactsItDoesNotName() {
        String id = as(Tokens.participant("report-rita")).body(report("Ophelia, the conduct contact", Tokens.subject("ophelia"), false))
                .post("/conduct-reports").then().statusCode(201).body("message", org.hamcrest.Matchers.containsString("confidential"))
                .extract().path("id");

        try (TopicReader topic = new TopicReader("mentorship.participants")) {
            List<TopicReader.Event> filed = topic.await(e -> id.equals(e.key()), 1, Duration.ofSeconds(30));
            assertThat(filed).hasSize(1);
            assertThat(filed.get(0).type()).isEqualTo("ConductReportFiled");
            EventSchemas.assertValid("META-INF/resources/schemas/ConductReportFiled.v1.json", filed.get(0).data());
            assertThat(filed.get(0).data().fieldNames()).toIterable().containsExactlyInAnyOrder("reportId", "programId", "filedAt");
            assertThat(filed.get(0).rawData()).doesNotContain("Rita").doesNotContain("Ophelia").doesNotContain(Tokens.subject("ophelia"));
        }
        // olivia, a conduct contact the report does not name, reads it
        as(Tokens.organizer("olivia")).get("/conduct-reports/" + id).then().statusCode(200)
                .body("reporter.email", equalTo(Tokens.email("report-rita")))
                .body("aboutPersonId", equalTo(Tokens.subject("ophelia")))
                .body("location", equalTo("Our second meeting"));
        as(Tokens.organizer("olivia")).queryParam("programId", program.programId()).get("/conduct-reports")
                .then().statusCode(200).body("items.id", hasItem(id));
        // ophelia is a conduct contact, but the report names her: for her it does not exist
        as(Tokens.participant("ophelia")).get("/conduct-reports/" + id).then().statusCode(404).contentType("application/problem+json");
        as(Tokens.participant("ophelia")).queryParam("programId", program.programId()).get("/conduct-reports")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        // oscar organizes the program but is no conduct contact; the reporter and anyone else are nobody here
        for (String outsider : List.of("oscar", "report-rita", "anna")) {
            as(Tokens.participant(outsider)).get("/conduct-reports/" + id).then().statusCode(404).contentType("application/problem+json");
            as(Tokens.participant(outsider)).queryParam("programId", program.programId()).get("/conduct-reports")
                    .then().statusCode(404).contentType("application/problem+json");
        }
        // a list names its program
        as(Tokens.organizer("olivia")).get("/conduct-reports").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anAnonymousReportKeepsTheReporterFromTheOrganizers() {
        String id = as(Tokens.participant("report-ann")).body(report("Mentor Y", null, true))
                .post("/conduct-reports").then().statusCode(201).extract().path("id");
        as(Tokens.organizer("olivia")).get("/conduct-reports/" + id).then().statusCode(200)
                .body("anonymous", equalTo(true)).body("reporter", nullValue());
        assertThat(dev.mentorship.testing.Database.rowsMentioning(Tokens.email("report-ann"), "Report-ann Test")).isEmpty();
    }

    @Test
    void aReportWithoutWhatHappenedOrDatedInTheFutureOrWithoutAKnownProgramIsRefused() {
        as(Tokens.participant("report-ron")).body(Map.of("about", "", "occurredOn", LocalDate.now().plusDays(3).toString()))
                .post("/conduct-reports").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("about")).body("errors.field", hasItem("description"))
                .body("errors.field", hasItem("occurredOn")).body("errors.field", hasItem("programId"));
        // a program this service never saw published: nobody would receive the report
        Map<String, Object> unknown = new HashMap<>(report("Someone", null, false));
        unknown.put("programId", UUID.randomUUID().toString());
        as(Tokens.participant("report-ron")).body(unknown).post("/conduct-reports").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("programId"));
    }

    private static Map<String, Object> report(String about, String aboutPersonId, boolean anonymous) {
        Map<String, Object> body = new HashMap<>(Map.of("programId", program.programId(), "about", about,
                "location", "Our second meeting", "description", "A unique account of what happened.",
                "occurredOn", LocalDate.now().minusDays(2).toString(), "anonymous", anonymous));
        if (aboutPersonId != null) {
            body.put("aboutPersonId", aboutPersonId);
        }
        return body;
    }
}
