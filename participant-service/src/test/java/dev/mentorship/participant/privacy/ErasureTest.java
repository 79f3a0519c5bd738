package dev.mentorship.participant.privacy;

import dev.mentorship.testing.Database;
import dev.mentorship.participant.Requests;
import dev.mentorship.participant.TestPrograms;
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
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** DELETE /me: ParticipantErased goes out, and no personal data of the person stays in this service's database. */
@QuarkusTest
class ErasureTest {

    @Test
    void erasurePublishesParticipantErasedAndLeavesNoPersonalDataBehind() {
        TestPrograms.Published program = TestPrograms.publish();
        String eve = "erase-eve";
        String subject = Tokens.subject(eve);
        Map<String, Object> mentee = Requests.registration("MENTEE", Requests.authorMentee());
        ((Map<String, Object>) mentee.get("profile")).put("affiliation", "Institute of Eve-Unique-Affiliation");
        String first = Requests.register(eve, program.programId(), program.author(), mentee)
                .then().statusCode(201).extract().path("id");
        Requests.register(eve, program.programId(), program.career(), Requests.registration("MENTEE", Requests.careerMentee()))
                .then().statusCode(201);
        as(Tokens.participant(eve)).body(Map.of("reason", "Eve-Unique-Reason")).post("/me/registrations/" + first + "/withdraw")
                .then().statusCode(200);
        as(Tokens.participant(eve)).body(Map.of("underrepresented", true, "description", "Eve-Unique-Confidence"))
                .put("/me/self-identification").then().statusCode(200);
        String report = as(Tokens.participant(eve)).body(Map.of("programId", program.programId(), "about", "A mentor",
                        "description", "Said something unkind.", "occurredOn", LocalDate.now().toString())).post("/conduct-reports")
                .then().statusCode(201).extract().path("id");
        String[] personal = {subject, Tokens.email(eve), "Erase-eve Test", "Eve-Unique-Affiliation", "Eve-Unique-Reason",
                "Eve-Unique-Confidence"};
        assertThat(Database.rowsMentioning(personal)).isNotEmpty();

        as(Tokens.participant(eve)).delete("/me").then().statusCode(204);

        try (TopicReader topic = new TopicReader("mentorship.participants")) {
            List<TopicReader.Event> erased = topic.await(e -> subject.equals(e.key()) && "ParticipantErased".equals(e.type()),
                    1, Duration.ofSeconds(30));
            assertThat(erased).hasSize(1);
            EventSchemas.assertValid("META-INF/resources/schemas/ParticipantErased.v1.json", erased.get(0).data());
            assertThat(erased.get(0).data().get("participantId").asText()).isEqualTo(subject);
        }
        // the relay deletes the erasure event in the transaction that marks it sent, which commits just after Kafka acks
        List<String> left = Database.rowsMentioning(personal);
        for (int i = 0; i < 50 && !left.isEmpty(); i++) {
            sleep();
            left = Database.rowsMentioning(personal);
        }
        assertThat(left).as("rows still holding the person's data").isEmpty();

        as(Tokens.participant(eve)).get("/me").then().statusCode(404);
        as(Tokens.participant(eve)).get("/me/export").then().statusCode(200)
                .body("profile", nullValue()).body("selfIdentification", nullValue())
                .body("registrations", empty()).body("conductReportsFiled", empty());
        // the report stays for the organizers to act on, no longer naming who filed it
        as(Tokens.organizer("olivia")).get("/conduct-reports/" + report).then().statusCode(200)
                .body("reporter", nullValue()).body("description", equalTo("Said something unkind."));
        // erasing again finds nothing and says so quietly
        as(Tokens.participant(eve)).delete("/me").then().statusCode(204);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
