package dev.mentorship.participant.registration;

import dev.mentorship.participant.Requests;
import dev.mentorship.participant.TestPrograms;
import dev.mentorship.testing.Conditional;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.mentorship.participant.Requests.as;
import static dev.mentorship.participant.Requests.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Career topics are suggestions (the ML4H pages give examples, "e.g."): any topic is taken and normalised, a
 * suggested one in another spelling takes the suggested spelling; only sizes are refused. A reviewer mentee is asked
 * whether they review for the conference with papers assigned.
 */
@QuarkusTest
class CareerTopicsAndEligibilityTest {

    @Test
    void aFreeTopicIsAcceptedAndNormalisedAndASuggestedOneTakesItsSuggestedSpelling() {
        TestPrograms.Published program = TestPrograms.publish();
        Map<String, Object> answers = Requests.careerMentee();
        answers.put("topics", List.of("  Moving   from a PhD\u00A0to industry ", "Work/Life Balance!", "work-life  balance",
                "moving from a phd to INDUSTRY", "ＧＲＡＮＴ writing"));
        String id = register("topics-free", program.programId(), program.career(), Requests.registration("MENTEE", answers))
                .then().statusCode(201)
                .body("answers.topics", equalTo(List.of("Moving from a PhD to industry", "work-life balance", "GRANT writing")))
                .extract().path("id");

        // the same rules apply when the answers change
        Map<String, Object> changed = Requests.careerMentee();
        changed.put("topics", List.of("Long-Term Research Plan", "Visa  and relocation"));
        Conditional.write(() -> as(Tokens.participant("topics-free")), "PUT", "/me/registrations/" + id,
                        Map.of("answers", changed))
                .then().statusCode(200)
                .body("answers.topics", equalTo(List.of("long-term research plan", "Visa and relocation")));
    }

    @Test
    void theTracksOfferTheSuggestedTopicsAsSuggestions() {
        TestPrograms.Published program = TestPrograms.publish();
        JsonPath tracks = as(Tokens.participant("topics-reader")).queryParam("programId", program.programId())
                .get("/tracks").then().statusCode(200).extract().jsonPath();
        assertThat(tracks.getList("items.find { it.kind == 'CAREER' }.suggestedTopics", String.class))
                .containsExactly("long-term research plan", "healthcare research in industry", "work-life balance");
        // the older field stays, with the same list
        assertThat(tracks.getList("items.find { it.kind == 'CAREER' }.topics", String.class))
                .containsExactly("long-term research plan", "healthcare research in industry", "work-life balance");
    }

    @Test
    void sizesAreRefusedWithAProblemNamingTheTopic() {
        TestPrograms.Published program = TestPrograms.publish();
        Map<String, Object> answers = Requests.careerMentee();
        answers.put("topics", List.of("work-life balance", "y".repeat(81)));
        register("topics-long", program.programId(), program.career(), Requests.registration("MENTEE", answers))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'answers.topics[1]' }.message", containsString("at most 80 characters"));
        answers.put("topics", java.util.stream.IntStream.range(0, 11).mapToObj(i -> "topic " + i).toList());
        register("topics-long", program.programId(), program.career(), Requests.registration("MENTEE", answers))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'answers.topics' }.message", containsString("at most 10 topics"));
    }

    @Test
    void aReviewerMenteeMustReviewForTheConferenceWithAssignedPapers() {
        TestPrograms.Published program = TestPrograms.publish();
        Map<String, Object> missing = Requests.reviewerMentee();
        missing.remove("assignedReviewer");
        register("eligible-missing", program.programId(), program.reviewer(), Requests.registration("MENTEE", missing))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'answers.assignedReviewer' }.message",
                        containsString("answer true if you review for ML4H and have papers assigned to review"));

        Map<String, Object> notAReviewer = Requests.reviewerMentee();
        notAReviewer.put("assignedReviewer", false);
        register("eligible-false", program.programId(), program.reviewer(), Requests.registration("MENTEE", notAReviewer))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'answers.assignedReviewer' }.message",
                        equalTo("must be true: the reviewer track is for reviewers of ML4H with papers assigned to review (ML4H 2099)"));

        register("eligible-true", program.programId(), program.reviewer(), Requests.registration("MENTEE", Requests.reviewerMentee()))
                .then().statusCode(201).body("answers.assignedReviewer", equalTo(true));
    }
}
