package dev.mentorship.participant.privacy;

import dev.mentorship.testing.EventSchemas;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.mentorship.participant.Requests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A confidential report: organizers read it here; the event that tells them carries its id only. */
@QuarkusTest
class ConductReportTest {

    @Test
    void aReportIsAnnouncedByIdOnlyAndReadByOrganizers() {
        String id = as(Tokens.participant("report-rita")).body(Map.of("about", "Mentor X", "location", "Our second meeting",
                        "description", "Rita-Unique-Account of what happened.", "occurredOn", LocalDate.now().minusDays(2).toString()))
                .post("/conduct-reports").then().statusCode(201).body("message", org.hamcrest.Matchers.containsString("confidential"))
                .extract().path("id");

        try (TopicReader topic = new TopicReader("mentorship.participants")) {
            List<TopicReader.Event> filed = topic.await(e -> id.equals(e.key()), 1, Duration.ofSeconds(30));
            assertThat(filed).hasSize(1);
            assertThat(filed.get(0).type()).isEqualTo("ConductReportFiled");
            EventSchemas.assertValid("META-INF/resources/schemas/ConductReportFiled.v1.json", filed.get(0).data());
            assertThat(filed.get(0).data().fieldNames()).toIterable().containsExactlyInAnyOrder("reportId", "filedAt");
            assertThat(filed.get(0).rawData()).doesNotContain("Rita").doesNotContain("Mentor X");
        }
        as(Tokens.organizer("olivia")).get("/conduct-reports/" + id).then().statusCode(200)
                .body("reporter.email", equalTo(Tokens.email("report-rita")))
                .body("location", equalTo("Our second meeting"));
        as(Tokens.organizer("olivia")).get("/conduct-reports").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void aReportWithoutWhatHappenedOrDatedInTheFutureIsRefused() {
        as(Tokens.participant("report-ron")).body(Map.of("about", "", "occurredOn", LocalDate.now().plusDays(3).toString()))
                .post("/conduct-reports").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("about")).body("errors.field", hasItem("description"))
                .body("errors.field", hasItem("occurredOn"));
    }
}
