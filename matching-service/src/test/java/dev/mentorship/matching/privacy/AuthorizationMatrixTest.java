package dev.mentorship.matching.privacy;

import dev.mentorship.matching.Season;
import dev.mentorship.testing.AuthorizationMatrix;
import dev.mentorship.testing.AuthorizationMatrix.Caller;
import dev.mentorship.testing.AuthorizationMatrix.Cell;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.mentorship.testing.AuthorizationMatrix.IS_PROBLEM;
import static dev.mentorship.testing.AuthorizationMatrix.OUTSIDERS;
import static io.restassured.RestAssured.given;

/**
 * matching-service, endpoint by endpoint: a program's matching (policy, runs, pins and forbids, pairings, waitlist,
 * dissolving) only for that program's organizers, 404 for everyone else (an admin, its conduct contact, the organizers
 * of another program, participants); waitlist priority only with the confidential grant; a member's own pairings for
 * the member. Bodies are checked too: nothing of the owner leaks in a refusal.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final AuthorizationMatrix MATRIX = new AuthorizationMatrix("mm");

    record World(Season season, Season.Person owner, Season.Person mentor, String runId, String pairingId, String pinId) {
    }

    private static World world;

    private static World world() {
        if (world != null) {
            return world;
        }
        Season season = new Season().publish();
        try (EventProducer events = new EventProducer()) {
            MATRIX.announceStaff(events, UUID.fromString(season.programId), UUID.randomUUID());
        }
        Season.awaitCount("select count(*)::text from program_staff where program_id = '" + season.programId + "'", 3);
        Season.Person mentor = season.author(MATRIX.username(Caller.ORGANIZER) + "-mentor", "MENTOR", 1, "causal inference");
        Season.Person owner = season.author(MATRIX.username(Caller.OWNER), "MENTEE", null, "causal inference");
        String organizer = Tokens.participant(MATRIX.username(Caller.ORGANIZER));
        String track = "/programs/" + season.programId + "/tracks/" + season.author;
        String runId = given().auth().oauth2(organizer).post(track + "/matching-runs").then().statusCode(201).extract().path("id");
        given().auth().oauth2(organizer).post("/matching-runs/" + runId + "/publish").then().statusCode(200);
        String pairingId = given().auth().oauth2(organizer).get(track + "/pairings").then().statusCode(200)
                .extract().path("items[0].id");
        // a second mentee waits: the waitlist has someone (with waitlist priority)
        season.priorityMentee(MATRIX.username(Caller.OWNER) + "-waiting", "causal inference");
        Season.awaitCount("select count(*)::text from waitlist_entry where track_id = '" + season.author + "'", 1);
        String second = given().auth().oauth2(organizer).post(track + "/matching-runs").then().statusCode(201).extract().path("id");
        String pinId = given().auth().oauth2(organizer).contentType("application/json")
                .body(Map.of("menteeRegistrationId", owner.registrationId(), "mentorRegistrationId", mentor.registrationId()))
                .post("/matching-runs/" + second + "/forbids").then().statusCode(201).extract().path("id");
        world = new World(season, owner, mentor, runId, pairingId, pinId);
        return world;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEachCallerAsItShould() {
        World w = world();
        String ownerName = w.owner().user() + " Test";
        Function<Response, String> leaksNothing = r -> IS_PROBLEM.apply(r) != null ? IS_PROBLEM.apply(r)
                : r.asString().contains(ownerName) || r.asString().contains(w.owner().registrationId()) ? "leaks the owner's data" : null;
        Function<Response, String> showsOwner = r -> r.asString().contains(ownerName) ? null : "misses the owner";
        String track = "/programs/" + w.season().programId + "/tracks/" + w.season().author;
        String policy = track + "/matching-policy";
        Map<String, Object> currentPolicy = given().auth().oauth2(Tokens.participant(MATRIX.username(Caller.ORGANIZER)))
                .get(policy).then().statusCode(200).extract().path("");
        Map<String, Object> pair = Map.of("menteeRegistrationId", w.owner().registrationId(), "mentorRegistrationId", w.mentor().registrationId());
        List<Cell> cells = new ArrayList<>();
        // every organizer resource: 401 anonymous, 404 for everyone who is nobody in the program
        List<String[]> organizerOnly = List.of(
                new String[]{"GET", policy}, new String[]{"PUT", policy},
                new String[]{"GET", track + "/matching-runs"}, new String[]{"POST", track + "/matching-runs"},
                new String[]{"GET", "/matching-runs/" + w.runId()}, new String[]{"POST", "/matching-runs/" + w.runId() + "/publish"},
                new String[]{"POST", "/matching-runs/" + w.runId() + "/pins"}, new String[]{"POST", "/matching-runs/" + w.runId() + "/forbids"},
                new String[]{"GET", track + "/constraints"}, new String[]{"DELETE", track + "/constraints/" + w.pinId()},
                new String[]{"GET", track + "/pairings"}, new String[]{"GET", track + "/waitlist"},
                new String[]{"POST", "/pairings/" + w.pairingId() + "/dissolve"},
                new String[]{"GET", "/programs/" + w.season().programId + "/report"});
        for (String[] endpoint : organizerOnly) {
            Object body = endpoint[1].endsWith("/pins") || endpoint[1].endsWith("/forbids") ? pair
                    : endpoint[1].equals(policy) && endpoint[0].equals("PUT") ? currentPolicy : null;
            cells.add(new Cell(endpoint[0], endpoint[1], Caller.ANONYMOUS, 401, () -> body, IS_PROBLEM));
            for (Caller outsider : OUTSIDERS) {
                cells.add(new Cell(endpoint[0], endpoint[1], outsider, 404, () -> body, leaksNothing));
            }
        }
        // the program's organizers, with and without the confidential grant
        for (Caller organizer : List.of(Caller.ORGANIZER, Caller.CONFIDANT)) {
            cells.add(new Cell("GET", policy, organizer, 200, () -> null, r -> r.path("rolling") != null ? null : "no policy"));
            cells.add(new Cell("GET", track + "/matching-runs", organizer, 200, () -> null, r -> null));
            cells.add(new Cell("GET", "/matching-runs/" + w.runId(), organizer, 200, () -> null, showsOwner));
            cells.add(new Cell("GET", track + "/constraints", organizer, 200, () -> null,
                    r -> r.asString().contains(w.pinId()) ? null : "misses the forbid"));
            cells.add(new Cell("GET", track + "/pairings", organizer, 200, () -> null, showsOwner));
            // the program report: counts, never a person
            cells.add(new Cell("GET", "/programs/" + w.season().programId + "/report", organizer, 200, () -> null,
                    r -> !"matching".equals(r.path("service")) ? "not the program's report"
                            : r.asString().contains(ownerName) || r.asString().contains(w.owner().registrationId()) ? "names a person" : null));
        }
        cells.add(new Cell("PUT", policy, Caller.ORGANIZER, 200, () -> currentPolicy, r -> null));
        cells.add(new Cell("POST", "/matching-runs/" + w.runId() + "/publish", Caller.ORGANIZER, 409, () -> null, IS_PROBLEM));
        cells.add(new Cell("GET", "/matching-runs/" + w.runId(), Caller.ORGANIZER, 200, () -> null,
                r -> r.asString().contains("\"priority\":false") || r.asString().contains("\"priority\":true")
                        ? "shows priority without the grant" : null));
        cells.add(new Cell("GET", "/matching-runs/" + w.runId(), Caller.CONFIDANT, 200, () -> null,
                r -> r.asString().contains("\"priority\":false") ? null : "hides priority from the confidant"));
        cells.add(new Cell("GET", track + "/waitlist", Caller.ORGANIZER, 200, () -> null,
                r -> r.path("[0].priority") == null && r.asString().contains("-waiting") ? null : "shows priority without the grant"));
        cells.add(new Cell("GET", track + "/waitlist", Caller.CONFIDANT, 200, () -> null,
                r -> Boolean.TRUE.equals(r.path("[0].priority")) ? null : "hides priority from the confidant"));
        // a member's own pairings
        cells.add(Cell.of("GET", "/me/pairings", Caller.ANONYMOUS, 401));
        cells.add(new Cell("GET", "/me/pairings", Caller.OWNER, 200, () -> null,
                r -> r.asString().contains(w.pairingId()) ? null : "misses the owner's pairing"));
        cells.add(new Cell("GET", "/me/pairings", Caller.OTHER_PARTICIPANT, 200, () -> null,
                r -> r.asString().contains(w.pairingId()) ? "shows someone else's pairing" : null));
        // last: the organizer dissolves the owner's pairing
        cells.add(new Cell("POST", "/pairings/" + w.pairingId() + "/dissolve", Caller.ORGANIZER, 200, () -> Map.of("note", "matrix"),
                r -> "DISSOLVED".equals(r.path("status")) ? null : "not dissolved"));
        return MATRIX.run(cells, AuthorizationMatrix.naming(Map.of(w.season().programId, "{program}", w.season().author, "{track}",
                w.runId(), "{run}", w.pairingId(), "{pairing}", w.pinId(), "{forbid}")));
    }
}
