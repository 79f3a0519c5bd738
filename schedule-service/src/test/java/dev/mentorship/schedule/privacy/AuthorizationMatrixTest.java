package dev.mentorship.schedule.privacy;

import dev.mentorship.schedule.program.ProgramFiles;
import dev.mentorship.testing.AuthorizationMatrix;
import dev.mentorship.testing.AuthorizationMatrix.Caller;
import dev.mentorship.testing.AuthorizationMatrix.Cell;
import dev.mentorship.testing.EventProducer;
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

    record World(String programId, String trackId, String milestoneId, String otherProgramId, String pairingId, String meetingId) {
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
        String trackId = program.getString("tracks[0].trackId");
        String pairingId = pairOwner(programId, trackId);
        world = new World(programId, trackId,
                program.getString("tracks[0].milestones.find { it.key == 'application-deadline' }.milestoneId"), other,
                pairingId, awaitFirstMeeting(pairingId));
        return world;
    }

    /** The owner, a mentee of the program's author track, paired with sm-partner (as matching-service announces it). */
    private static String pairOwner(String programId, String trackId) {
        String pairingId = java.util.UUID.randomUUID().toString();
        String owner = MATRIX.username(Caller.OWNER);
        try (EventProducer events = new EventProducer()) {
            events.send("mentorship.pairings", trackId, "PairingCreated", java.util.UUID.randomUUID().toString(),
                    "/mentorship/matching-service", """
                            {"pairingId": "%s", "runId": null, "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "source": "RUN",
                             "mentor": {"participantId": "%s", "registrationId": "%s", "name": "sm-partner Test", "email": "%s", "timeZone": "Europe/Berlin"},
                             "mentee": {"participantId": "%s", "registrationId": "%s", "name": "sm-owner Test", "email": "%s", "timeZone": "Europe/Berlin"},
                             "score": 0.5, "explanation": {"score": 0.5, "rules": [], "summary": "test"}, "createdAt": "2025-06-01T00:00:00Z"}"""
                            .formatted(pairingId, programId, trackId, Tokens.subject("sm-partner"), java.util.UUID.randomUUID(),
                                    Tokens.email("sm-partner"), Tokens.subject(owner), java.util.UUID.randomUUID(), Tokens.email(owner)));
        }
        return pairingId;
    }

    private static String awaitFirstMeeting(String pairingId) {
        String owner = Tokens.participant(MATRIX.username(Caller.OWNER));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Response meetings = given().auth().oauth2(owner).get("/pairings/" + pairingId + "/meetings");
            if (meetings.statusCode() == 200 && !meetings.jsonPath().getList("").isEmpty()) {
                return meetings.jsonPath().getString("[0].id");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the owner's meetings never came");
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
        // its report (issue 20): its organizers only
        cells.add(Cell.of("GET", program + "/report", Caller.ANONYMOUS, 401));
        for (Caller outsider : OUTSIDERS) {
            cells.add(new Cell("GET", program + "/report", outsider, 404, () -> null, leaksNothing));
        }
        for (Caller caller : List.of(Caller.ORGANIZER, Caller.CONFIDANT)) {
            cells.add(new Cell("GET", program + "/report", caller, 200, () -> null,
                    r -> "schedule".equals(r.path("service")) && r.jsonPath().getList("tracks").size() == 3 ? null : "not the report"));
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
        // where a pairing meets: its members only (not even the program's organizers); a meeting's own place: its
        // members and the program's organizers, as every meeting command
        String pairingPlace = "/pairings/" + w.pairingId() + "/place";
        String meetingPlace = "/meetings/" + w.meetingId() + "/place";
        Map<String, Object> place = Map.of("location", "Room 4.12", "videoUrl", "https://zoom.us/j/123");
        cells.add(Cell.of("GET", pairingPlace, Caller.ANONYMOUS, 401));
        cells.add(new Cell("PUT", pairingPlace, Caller.ANONYMOUS, 401, () -> place, IS_PROBLEM));
        cells.add(new Cell("PUT", meetingPlace, Caller.ANONYMOUS, 401, () -> place, IS_PROBLEM));
        for (Caller caller : List.of(Caller.OTHER_PARTICIPANT, Caller.ADMIN, Caller.ORGANIZER, Caller.CONFIDANT,
                Caller.CONDUCT_CONTACT, Caller.OTHER_ORGANIZER)) {
            cells.add(new Cell("GET", pairingPlace, caller, 404, () -> null, IS_PROBLEM));
            cells.add(new Cell("PUT", pairingPlace, caller, 404, () -> place, IS_PROBLEM));
        }
        for (Caller caller : List.of(Caller.OTHER_PARTICIPANT, Caller.ADMIN, Caller.CONDUCT_CONTACT, Caller.OTHER_ORGANIZER)) {
            cells.add(new Cell("PUT", meetingPlace, caller, 404, () -> place, IS_PROBLEM));
        }
        cells.add(new Cell("PUT", pairingPlace, Caller.OWNER, 200, () -> place,
                r -> "Room 4.12".equals(r.path("location")) ? null : "not stored"));
        cells.add(new Cell("GET", pairingPlace, Caller.OWNER, 200, () -> null,
                r -> "https://zoom.us/j/123".equals(r.path("videoUrl")) ? null : "not the pairing's place"));
        for (Caller caller : List.of(Caller.OWNER, Caller.ORGANIZER)) {
            cells.add(new Cell("PUT", meetingPlace, caller, 200, () -> Map.of("location", "Café " + caller),
                    r -> ("Café " + caller).equals(r.path("location")) && Boolean.TRUE.equals(r.path("ownPlace")) ? null : "not stored"));
        }
        cells.addAll(groupSessionCells(w));
        cells.addAll(surveyCells(w));
        return MATRIX.run(cells, AuthorizationMatrix.naming(Map.of(w.programId(), "{program}", w.trackId(), "{track}",
                w.milestoneId(), "{milestone}", Tokens.subject("sm-appointee"), "{person}", w.pairingId(), "{pairing}",
                w.meetingId(), "{meeting}")));
    }
    /**
     * Surveys (issue 20): a track's surveys, their questions and my answers for the people registered in it (the
     * organizers read the surveys too); the results for the program's organizers only (an anonymous survey's not before
     * it closes: 409), and a non-anonymous survey's named answers (an anonymous one's never: 409); everyone else 404.
     */
    private static List<Cell> surveyCells(World w) {
        String organizer = Tokens.participant(MATRIX.username(Caller.ORGANIZER));
        JsonPath program = given().auth().oauth2(organizer).get("/programs/" + w.programId()).then().statusCode(200).extract().jsonPath();
        String author = program.getString("tracks.find { it.key == 'author' }.trackId");
        String reviewer = program.getString("tracks.find { it.key == 'reviewer' }.trackId");
        String list = "/programs/" + w.programId() + "/tracks/" + author + "/surveys";
        String form = given().auth().oauth2(organizer).get(list).then().statusCode(200).extract().path("[0].surveyId");
        String anonymous = given().auth().oauth2(organizer).get("/programs/" + w.programId() + "/tracks/" + reviewer + "/surveys")
                .then().statusCode(200).extract().path("[0].surveyId");
        String detail = list + "/" + form;
        String answers = detail + "/answers";
        String results = "/programs/" + w.programId() + "/surveys/" + form + "/results";
        String anonymousResults = "/programs/" + w.programId() + "/surveys/" + anonymous + "/results";
        // a non-anonymous survey's answers one by one with who gave them: its organizers only; an anonymous one's never
        String named = "/programs/" + w.programId() + "/surveys/" + form + "/answers";
        String anonymousNamed = "/programs/" + w.programId() + "/surveys/" + anonymous + "/answers";
        Map<String, Object> answer = Map.of("answers", Map.of("overall", 4, "meetings", "1"));
        List<Cell> cells = new ArrayList<>();
        for (String path : List.of(list, detail, answers, results, named)) {
            cells.add(Cell.of("GET", path, Caller.ANONYMOUS, 401));
        }
        cells.add(new Cell("PUT", answers, Caller.ANONYMOUS, 401, () -> answer, IS_PROBLEM));
        for (Caller outsider : OUTSIDERS) {
            // nobody registered in the track and not its organizer: no survey, no answers, no results
            cells.add(new Cell("GET", list, outsider, 404, () -> null, IS_PROBLEM));
            cells.add(new Cell("GET", detail, outsider, 404, () -> null, IS_PROBLEM));
            cells.add(new Cell("GET", answers, outsider, 404, () -> null, IS_PROBLEM));
            cells.add(new Cell("PUT", answers, outsider, 404, () -> answer, IS_PROBLEM));
            cells.add(new Cell("GET", results, outsider, 404, () -> null, IS_PROBLEM));
            cells.add(new Cell("GET", anonymousResults, outsider, 404, () -> null, IS_PROBLEM));
            cells.add(new Cell("GET", named, outsider, 404, () -> null, IS_PROBLEM));
            cells.add(new Cell("GET", anonymousNamed, outsider, 404, () -> null, IS_PROBLEM));
        }
        for (Caller caller : List.of(Caller.ORGANIZER, Caller.CONFIDANT)) {
            cells.add(new Cell("GET", list, caller, 200, () -> null,
                    r -> form.equals(r.path("[0].surveyId")) ? null : "misses the survey"));
            cells.add(new Cell("GET", detail, caller, 200, () -> null,
                    r -> r.jsonPath().getList("questions").isEmpty() ? "no questions" : null));
            cells.add(new Cell("GET", results, caller, 200, () -> null,
                    r -> Integer.valueOf(0).equals(r.path("responded")) ? null : "not the results"));
            cells.add(new Cell("GET", anonymousResults, caller, 409, () -> null, IS_PROBLEM));
            cells.add(new Cell("GET", named, caller, 200, () -> null,
                    r -> Integer.valueOf(0).equals(r.path("total")) ? null : "not the (empty) page of answers"));
            cells.add(new Cell("GET", anonymousNamed, caller, 409, () -> null, IS_PROBLEM));
        }
        return cells;
    }

    /**
     * Group sessions (issue: group sessions are sessions): a track's sessions and their .ics for the people registered in
     * it and the program's organizers; setting them for its organizers; my seats for me. Cells run after the publish cell.
     */
    private static List<Cell> groupSessionCells(World w) {
        String organizer = Tokens.participant(MATRIX.username(Caller.ORGANIZER));
        JsonPath program = given().auth().oauth2(organizer).get("/programs/" + w.programId()).then().statusCode(200).extract().jsonPath();
        String career = program.getString("tracks.find { it.kind == 'CAREER' }.trackId");
        String group = program.getString("tracks.find { it.kind == 'CAREER' }.milestones.find { it.type == 'GROUP_SESSION' }.milestoneId");
        String sessionPath = "/programs/" + w.programId() + "/tracks/" + career + "/milestones/" + group + "/sessions/matrix";
        Map<String, Object> session = Map.of("startsAt", "2025-11-21T14:00:00Z", "durationMinutes", 60, "capacity", 5);
        String sessionId = given().auth().oauth2(organizer).contentType(ContentType.JSON).body(session).put(sessionPath)
                .then().statusCode(201).extract().path("sessionId");
        String list = "/programs/" + w.programId() + "/tracks/" + career + "/group-sessions";
        String ics = list + "/" + sessionId + ".ics";
        String seat = "/me/group-sessions/" + sessionId;
        List<Cell> cells = new ArrayList<>();
        for (String path : List.of(list, ics, sessionPath, "/me/group-sessions")) {
            cells.add(Cell.of("GET", path, Caller.ANONYMOUS, 401));
        }
        cells.add(new Cell("PUT", seat, Caller.ANONYMOUS, 401, () -> null, IS_PROBLEM));
        cells.add(new Cell("PUT", sessionPath, Caller.ANONYMOUS, 401, () -> session, IS_PROBLEM));
        for (Caller outsider : OUTSIDERS) {
            // nobody registered in the track and not its organizer: no sessions, no seat, no file
            cells.add(new Cell("GET", list, outsider, 404, () -> null, IS_PROBLEM));
            cells.add(new Cell("GET", ics, outsider, 404, () -> null, IS_PROBLEM));
            cells.add(new Cell("PUT", seat, outsider, 404, () -> null, IS_PROBLEM));
            cells.add(new Cell("GET", sessionPath, outsider, 404, () -> null, IS_PROBLEM));
            cells.add(new Cell("PUT", sessionPath, outsider, 404, () -> session, IS_PROBLEM));
            cells.add(new Cell("DELETE", sessionPath, outsider, 404, () -> null, IS_PROBLEM));
        }
        cells.add(new Cell("GET", "/me/group-sessions", Caller.OTHER_PARTICIPANT, 200, () -> null,
                r -> r.jsonPath().getList("").isEmpty() ? null : "lists someone else's seats"));
        cells.add(new Cell("DELETE", seat, Caller.OTHER_PARTICIPANT, 404, () -> null, IS_PROBLEM));
        for (Caller caller : List.of(Caller.ORGANIZER, Caller.CONFIDANT)) {
            cells.add(new Cell("GET", list, caller, 200, () -> null,
                    r -> sessionId.equals(r.path("[0].sessionId")) ? null : "misses the session"));
            cells.add(new Cell("GET", ics, caller, 200, () -> null,
                    r -> r.asString().contains("UID:" + sessionId + "@group-sessions.mentorship") ? null : "not the session"));
            cells.add(new Cell("GET", sessionPath, caller, 200, () -> null, r -> r.header("ETag") != null ? null : "no ETag"));
        }
        cells.add(new Cell("PUT", sessionPath, Caller.CONFIDANT, 200, () -> session, r -> null));
        cells.add(new Cell("DELETE", sessionPath, Caller.ORGANIZER, 204, () -> null, r -> null));
        return cells;
    }
}
