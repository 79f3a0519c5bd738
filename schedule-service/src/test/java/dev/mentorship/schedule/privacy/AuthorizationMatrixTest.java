package dev.mentorship.schedule.privacy;

import dev.mentorship.schedule.program.ProgramFiles;
import dev.mentorship.testing.AuthorizationMatrix;
import dev.mentorship.testing.AuthorizationMatrix.Caller;
import dev.mentorship.testing.AuthorizationMatrix.Cell;
import dev.mentorship.testing.StaffEvents;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.mentorship.testing.AuthorizationMatrix.IS_PROBLEM;
import static dev.mentorship.testing.AuthorizationMatrix.OUTSIDERS;
import static io.restassured.RestAssured.given;

/**
 * schedule-service, endpoint by endpoint: admins create programs and appoint staff; a draft, its commands (publish,
 * milestones), its staff and its audit log exist only for its staff (each grant its part), 404 for everyone else, the
 * organizers of another program included; a published program's public calendar for anyone.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final AuthorizationMatrix MATRIX = new AuthorizationMatrix("sm");

    record World(String programId, String trackId, String milestoneId, String otherProgramId) {
    }

    private static World world;

    /** A draft that an admin who then stepped down created; its staff as the matrix has it; another program elsewhere. */
    private static World world() {
        if (world != null) {
            return world;
        }
        String creator = Tokens.admin("sm-creator");
        JsonPath program = given().auth().oauth2(creator).contentType(ContentType.JSON)
                .body(ProgramFiles.load("ml4h-2025").toString()).post("/programs").then().statusCode(201).extract().jsonPath();
        String programId = program.getString("id");
        for (StaffEvents.Member member : MATRIX.staff()) {
            appoint(creator, programId, member.username(), member.grants());
        }
        given().auth().oauth2(creator).delete("/programs/" + programId + "/staff/" + Tokens.subject("sm-creator")).then().statusCode(204);
        String other = given().auth().oauth2(creator).contentType(ContentType.JSON)
                .body(ProgramFiles.load("ml4h-2024").toString()).post("/programs").then().statusCode(201).extract().path("id");
        appoint(creator, other, MATRIX.username(Caller.OTHER_ORGANIZER), StaffEvents.ALL_GRANTS);
        // the audit log fills from its own topic: wait until it holds the appointments the matrix reads
        String organizer = Tokens.participant(MATRIX.username(Caller.ORGANIZER));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!given().auth().oauth2(organizer).get("/programs/" + programId + "/audit?action=STAFF_APPOINTED").asString()
                .contains("STAFF_APPOINTED")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the appointments never reached the audit log");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        world = new World(programId, program.getString("tracks[0].trackId"),
                program.getString("tracks[0].milestones.find { it.key == 'application-deadline' }.milestoneId"), other);
        return world;
    }

    private static void appoint(String token, String programId, String username, List<String> grants) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("If-Match", given().auth().oauth2(token).get("/programs/" + programId + "/staff").header("ETag"))
                .body(Map.of("name", username, "email", Tokens.email(username), "grants", grants))
                .put("/programs/" + programId + "/staff/" + Tokens.subject(username)).then().statusCode(200);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEachCallerAsItShould() {
        World w = world();
        String program = "/programs/" + w.programId();
        String staff = program + "/staff";
        String appointee = staff + "/" + Tokens.subject("sm-appointee");
        String milestone = program + "/tracks/" + w.trackId() + "/milestones/" + w.milestoneId();
        Map<String, Object> appointment = Map.of("name", "Appointee", "email", "sm-appointee@mentorship.test", "grants", List.of("ORGANIZER"));
        Map<String, Object> move = Map.of("date", "2025-07-10", "reason", "More time");
        Function<Response, String> leaksNothing = r -> IS_PROBLEM.apply(r) != null ? IS_PROBLEM.apply(r)
                : r.asString().contains("ML4H 2025") || r.asString().contains("@mentorship.test") ? "leaks the program" : null;
        Function<Response, String> isDraft = r -> "DRAFT".equals(r.path("status")) ? null : "not the draft";
        List<Cell> cells = new ArrayList<>();
        // creating programs: admins only
        cells.add(Cell.of("POST", "/programs", Caller.ANONYMOUS, 401));
        for (Caller caller : List.of(Caller.OTHER_PARTICIPANT, Caller.ORGANIZER, Caller.CONFIDANT, Caller.OTHER_ORGANIZER)) {
            cells.add(new Cell("POST", "/programs", caller, 403, () -> ProgramFiles.load("ml4h-2024").toString(), IS_PROBLEM));
        }
        // the draft: its staff (any grant) and admins see it; nobody else
        for (Caller caller : List.of(Caller.OTHER_PARTICIPANT, Caller.OWNER, Caller.OTHER_ORGANIZER)) {
            cells.add(new Cell("GET", program, caller, 404, () -> null, leaksNothing));
            cells.add(new Cell("GET", "/programs?size=100", caller, 200, () -> null,
                    r -> r.asString().contains(w.programId()) ? "lists someone else's draft" : null));
        }
        for (Caller caller : List.of(Caller.ADMIN, Caller.ORGANIZER, Caller.CONFIDANT, Caller.CONDUCT_CONTACT)) {
            cells.add(new Cell("GET", program, caller, 200, () -> null, isDraft));
        }
        // its staff: admins and its organizers read and appoint
        for (Caller caller : List.of(Caller.ANONYMOUS)) {
            cells.add(Cell.of("GET", staff, caller, 401));
        }
        for (Caller caller : List.of(Caller.OTHER_PARTICIPANT, Caller.OWNER, Caller.CONDUCT_CONTACT, Caller.OTHER_ORGANIZER)) {
            cells.add(new Cell("GET", staff, caller, 404, () -> null, leaksNothing));
            cells.add(new Cell("PUT", appointee, caller, 404, () -> appointment, leaksNothing));
            cells.add(new Cell("DELETE", appointee, caller, 404, () -> null, leaksNothing));
        }
        for (Caller caller : List.of(Caller.ADMIN, Caller.ORGANIZER, Caller.CONFIDANT)) {
            cells.add(new Cell("GET", staff, caller, 200, () -> null,
                    r -> r.asString().contains(MATRIX.subject(Caller.CONDUCT_CONTACT)) ? null : "misses the staff"));
            cells.add(new Cell("PUT", appointee, caller, 200, () -> appointment, r -> null));
        }
        cells.add(new Cell("DELETE", appointee, Caller.ORGANIZER, 204, () -> null, r -> null));
        // its audit log: its organizers only
        cells.add(Cell.of("GET", program + "/audit", Caller.ANONYMOUS, 401));
        for (Caller outsider : OUTSIDERS) {
            cells.add(new Cell("GET", program + "/audit", outsider, 404, () -> null, leaksNothing));
        }
        for (Caller caller : List.of(Caller.ORGANIZER, Caller.CONFIDANT)) {
            cells.add(new Cell("GET", program + "/audit", caller, 200, () -> null,
                    r -> r.asString().contains("STAFF_APPOINTED") ? null : "misses the appointments"));
        }
        // its commands: its organizers only; the calendar of a draft for nobody, of a published program for anyone
        for (Caller outsider : OUTSIDERS) {
            cells.add(new Cell("PATCH", milestone, outsider, 404, () -> move, leaksNothing));
            cells.add(new Cell("POST", program + "/publish", outsider, 404, () -> null, leaksNothing));
        }
        cells.add(Cell.of("GET", program + "/calendar.ics", Caller.ANONYMOUS, 404));
        cells.add(new Cell("PATCH", milestone, Caller.CONFIDANT, 200, () -> move, r -> null));
        cells.add(new Cell("POST", program + "/publish", Caller.ORGANIZER, 200, () -> null,
                r -> "PUBLISHED".equals(r.path("status")) ? null : "not published"));
        cells.add(new Cell("GET", program + "/calendar.ics", Caller.ANONYMOUS, 200, () -> null,
                r -> r.asString().contains("BEGIN:VCALENDAR") ? null : "no calendar"));
        cells.add(new Cell("GET", program, Caller.OTHER_PARTICIPANT, 200, () -> null, r -> null));
        return MATRIX.run(cells, AuthorizationMatrix.naming(Map.of(w.programId(), "{program}", w.trackId(), "{track}",
                w.milestoneId(), "{milestone}", Tokens.subject("sm-appointee"), "{person}")));
    }
}
