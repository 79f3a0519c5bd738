package dev.mentorship.schedule.program;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * POST /programs with an Idempotency-Key: a retry answers the first answer again and creates nothing; the key with
 * another body is refused (422); without a key the request runs as before. (The concurrent case: participant-service.)
 */
@QuarkusTest
class IdempotencyKeyTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void theSameKeyAndBodyAnswerTheFirstAnswerAgainAndCreateOneProgram() {
        ObjectNode file = ProgramFiles.load("ml4h-2024");
        String key = UUID.randomUUID().toString();

        Response first = create("olivia", key, file);
        first.then().statusCode(201).header("Location", containsString("/programs/"));
        assertThat(first.header("Idempotent-Replayed")).isNull();
        String id = first.path("id");

        // the same body, its fields in another order and spaced otherwise: the same request
        ObjectNode reordered = file.objectNode();
        List<String> fields = new ArrayList<>();
        file.fieldNames().forEachRemaining(fields::add);
        Collections.reverse(fields);
        fields.forEach(field -> reordered.set(field, file.get(field)));
        Response again = given().auth().oauth2(Tokens.admin("olivia")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(reordered.toPrettyString()).when().post("/programs");
        again.then().statusCode(201).contentType(ContentType.JSON).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(id));
        assertThat(again.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));

        // one program, one first organizer, one audit record: nothing ran the second time
        assertThat(count("program where name = '" + file.get("name").asText().replace("'", "''") + "'")).isEqualTo(1);
        assertThat(count("program_staff where program_id = '" + id + "'")).isEqualTo(1);
        assertThat(count("idempotent_request where idempotency_key = '" + key + "'")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
        ObjectNode file = ProgramFiles.load("ml4h-2024");
        String key = UUID.randomUUID().toString();
        create("olivia", key, file).then().statusCode(201);

        ObjectNode other = ProgramFiles.load("ml4h-2024");
        create("olivia", key, other).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("/problems/idempotency-key-reused"))
                .body("status", equalTo(422))
                .body("detail", containsString(key));
        assertThat(count("program where name = '" + other.get("name").asText() + "'")).isZero();
        // its section of docs/problems.md resolves
        given().when().get("/problems/idempotency-key-reused").then().statusCode(200)
                .body(containsString("Idempotency key reused"));
    }

    @Test
    void withoutAKeyEachRequestRunsAsBefore() {
        ObjectNode file = ProgramFiles.load("ml4h-2024");
        create("olivia", null, file).then().statusCode(201);
        // runs again: the program's name is taken
        create("olivia", null, file).then().statusCode(409).contentType(PROBLEM);
        ObjectNode other = ProgramFiles.load("ml4h-2024");
        create("olivia", null, other).then().statusCode(201);
        assertThat(count("program where name in ('" + file.get("name").asText() + "', '" + other.get("name").asText() + "')"))
                .isEqualTo(2);
    }

    @Test
    void aKeyIsOneTo200PrintableAsciiCharacters() {
        for (String bad : new String[]{"", "k".repeat(201)}) {
            ObjectNode file = ProgramFiles.load("ml4h-2024");
            create("olivia", bad, file).then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("/problems/validation"))
                    .body("errors.field", hasItem("header.Idempotency-Key"));
            assertThat(count("program where name = '" + file.get("name").asText() + "'")).isZero();
        }
        create("olivia", "k".repeat(200), ProgramFiles.load("ml4h-2024")).then().statusCode(201);
    }

    @Test
    void aKeyIsTheCallersOwnAndFreeAgainAfterItsRetention() {
        String key = UUID.randomUUID().toString();
        create("olivia", key, ProgramFiles.load("ml4h-2024")).then().statusCode(201);
        // another admin's key of the same name is theirs: no replay, no 422
        ObjectNode theirs = ProgramFiles.load("ml4h-2024");
        create("omar", key, theirs).then().statusCode(201).body("name", equalTo(theirs.get("name").asText()))
                .header("Idempotent-Replayed", nullValue());

        // a day later the key is free: another body creates another program
        Database.query("update idempotent_request set created_at = created_at - interval '25 hours'"
                + " where idempotency_key = '" + key + "' returning 'x'");
        ObjectNode later = ProgramFiles.load("ml4h-2024");
        create("olivia", key, later).then().statusCode(201).body("name", equalTo(later.get("name").asText()))
                .header("Idempotent-Replayed", nullValue());
        assertThat(count("idempotent_request where idempotency_key = '" + key + "'")).isEqualTo(2);
    }

    private static Response create(String admin, String key, ObjectNode program) {
        var request = given().auth().oauth2(Tokens.admin(admin)).contentType(ContentType.JSON).body(program.toString());
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/programs");
    }

    private static long count(String from) {
        return Long.parseLong(Database.query("select count(*)::text from " + from).get(0));
    }
}
