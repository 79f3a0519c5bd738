package dev.mentorship.schedule;

import dev.mentorship.testing.ServiceFoundationContract;
import dev.mentorship.schedule.program.ProgramFiles;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import java.util.UUID;

import static io.restassured.RestAssured.given;

@QuarkusTest
class FoundationTest extends ServiceFoundationContract {

    private static String organizerOnly;

    @Override
    protected String participantListEndpoint() {
        return "/programs";
    }

    @Override
    protected boolean adminsMayReadIt() {
        return true;
    }

    /** A program's staff: olivia (an admin) created the program, so she is its first organizer; nobody else is. */
    @Override
    protected String organizerOnlyEndpoint() {
        if (organizerOnly == null) {
            String id = given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON)
                    .body(ProgramFiles.load("ml4h-2025").put("name", "Foundation " + UUID.randomUUID()).toString()).post("/programs")
                    .then().statusCode(201).extract().path("id");
            organizerOnly = "/programs/" + id + "/staff";
        }
        return organizerOnly;
    }
}
