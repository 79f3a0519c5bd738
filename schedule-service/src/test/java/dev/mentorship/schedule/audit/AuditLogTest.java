package dev.mentorship.schedule.audit;

import dev.mentorship.schedule.program.ProgramFiles;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.Conditional;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each program's audit log: every organizer and admin command of this service is in it (other services' records arrive
 * the same way, AuditRecorded on mentorship.audit), for the program's organizers only, filterable, append-only down
 * to the database; erasure turns the person into a stable pseudonym.
 */
@QuarkusTest
class AuditLogTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void everyCommandIsOnRecordForTheProgramsOrganizersAndTheLogOnlyEverGrows() throws Throwable {
        String olivia = Tokens.admin("olivia");
        JsonPath program = given().auth().oauth2(olivia).contentType(ContentType.JSON)
                .body(ProgramFiles.load("ml4h-2025").toString()).post("/programs").then().statusCode(201).extract().jsonPath();
        String programId = program.getString("id");
        String audit = "/programs/" + programId + "/audit";
        String trackId = program.getString("tracks[0].trackId");
        String milestoneId = program.getString("tracks[0].milestones.find { it.key == 'application-deadline' }.milestoneId");
        String auditor = "audit-otto";
        given().auth().oauth2(olivia).contentType(ContentType.JSON)
                .body(Map.of("name", "Otto", "email", Tokens.email(auditor), "grants", List.of("ORGANIZER")))
                .put("/programs/" + programId + "/staff/" + Tokens.subject(auditor)).then().statusCode(200);
        given().auth().oauth2(Tokens.participant(auditor)).post("/programs/" + programId + "/publish").then().statusCode(200);
        String milestone = "/programs/" + programId + "/tracks/" + trackId + "/milestones/" + milestoneId;
        Conditional.write(() -> given().auth().oauth2(Tokens.participant(auditor)).contentType(ContentType.JSON), "PATCH", milestone,
                Map.of("date", "2025-07-10", "reason", "More time for authors")).then().statusCode(200);

        JsonPath log = awaitLog(olivia, audit, page -> page.getList("items").size() == 4);
        assertThat(log.getList("items.action")).containsExactly("MILESTONE_MOVED", "PROGRAM_PUBLISHED", "STAFF_APPOINTED", "PROGRAM_CREATED");
        assertThat(log.getList("items.actorId")).containsExactly(Tokens.subject(auditor), Tokens.subject(auditor),
                Tokens.subject("olivia"), Tokens.subject("olivia"));
        assertThat(log.getString("items[0].subject")).isEqualTo(milestoneId);
        assertThat(log.getString("items[0].before")).contains("2025-07-06T11:59:59Z");
        assertThat(log.getString("items[0].after")).contains("2025-07-11T11:59:59Z").contains("More time for authors");
        assertThat(log.getList("items.service")).containsOnly("schedule-service");
        // filtered by action and by person
        assertThat(given().auth().oauth2(olivia).queryParam("action", "PROGRAM_PUBLISHED").get(audit).then().statusCode(200)
                .extract().jsonPath().<String>getList("items.actorId")).containsExactly(Tokens.subject(auditor));
        assertThat(given().auth().oauth2(olivia).queryParam("actor", Tokens.subject("olivia")).get(audit).then().statusCode(200)
                .extract().jsonPath().getList("items.action")).containsExactly("STAFF_APPOINTED", "PROGRAM_CREATED");
        given().auth().oauth2(olivia).queryParam("action", "drop table").get(audit).then().statusCode(400)
                .contentType("application/problem+json");

        // nobody but the program's organizers reads it: another participant, an admin not on its staff
        given().auth().oauth2(Tokens.participant("anna")).get(audit).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin("adam")).get(audit).then().statusCode(404);

        // append-only, down to the database
        String where = " where program_id = '" + programId + "'";
        assertThatThrownBy(() -> Database.execute("delete from audit_entry" + where)).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Database.execute("update audit_entry set action = 'NOTHING'" + where)).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Database.execute("update audit_entry set actor_id = 'someone-else'" + where)).hasStackTraceContaining("append-only");

        // the organizer erases their data: their entries stay, under a stable pseudonym, without their name
        try (EventProducer events = new EventProducer()) {
            events.send("mentorship.participants", Tokens.subject(auditor), "ParticipantErased", UUID.randomUUID().toString(),
                    "/mentorship/participant-service", "{\"participantId\": \"" + Tokens.subject(auditor) + "\", \"erasedAt\": \"2026-01-01T00:00:00Z\"}");
        }
        JsonPath after = awaitLog(olivia, audit, page -> page.getList("items.actorId").stream().noneMatch(Tokens.subject(auditor)::equals));
        List<String> actors = after.getList("items.actorId");
        assertThat(actors.get(0)).startsWith("pseudonym:").isEqualTo(actors.get(1));
        assertThat(after.getString("items[0].actorName")).isNull();
        assertThat(after.getList("items.action")).containsExactly("MILESTONE_MOVED", "PROGRAM_PUBLISHED", "STAFF_APPOINTED", "PROGRAM_CREATED");
        assertThat(after.getString("items[2].subject")).isEqualTo(actors.get(0)); // whom olivia appointed: the pseudonym too
        assertThat(Database.rowsMentioning(Tokens.subject(auditor), Tokens.email(auditor))).isEmpty();

        // a record of theirs that another service sent before the erasure but that arrives after it: pseudonymised too
        String late = UUID.randomUUID().toString();
        try (EventProducer events = new EventProducer()) {
            events.send("mentorship.audit", programId, "AuditRecorded", UUID.randomUUID().toString(), "/mentorship/matching-service", """
                    {"entryId": "%s", "programId": "%s", "occurredAt": "2025-06-01T00:00:01Z", "actorId": "%s",
                     "actorName": "Audit-otto Test", "service": "matching-service", "action": "MATCHING_RUN", "subject": "%s"}"""
                    .formatted(late, programId, Tokens.subject(auditor), UUID.randomUUID()));
        }
        JsonPath withLate = awaitLog(olivia, audit, page -> page.getList("items.id").contains(late));
        assertThat(withLate.getString("items.find { it.id == '" + late + "' }.actorId")).isEqualTo(actors.get(0));
        assertThat(withLate.getString("items.find { it.id == '" + late + "' }.actorName")).isNull();
        assertThat(Database.rowsMentioning(Tokens.subject(auditor), "Audit-otto")).isEmpty();
    }

    private static JsonPath awaitLog(String token, String audit, Predicate<JsonPath> until) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath page = null;
        while (System.nanoTime() < deadline) {
            page = given().auth().oauth2(token).queryParam("size", 50).get(audit).then().statusCode(200).extract().jsonPath();
            if (until.test(page)) {
                return page;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the audit log never got there: " + (page == null ? null : page.prettify()));
    }
}
