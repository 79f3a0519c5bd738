package dev.mentorship.participant.privacy;

import dev.mentorship.participant.Requests;
import dev.mentorship.participant.TestPrograms;
import dev.mentorship.testing.AuthorizationMatrix;
import dev.mentorship.testing.AuthorizationMatrix.Caller;
import dev.mentorship.testing.AuthorizationMatrix.Cell;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;


/**
 * For every endpoint, who gets what: anonymous callers 401; another participant never the owner's data (404 for ids
 * that are not theirs); the owner their own; a program's resources only to its staff, each grant its part (404 for
 * everyone else, an admin and the organizers of another program included); self-identification only with the
 * confidential grant; conduct reports only to conduct contacts. Each row also checks what came back, not only the
 * status.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final AuthorizationMatrix MATRIX = new AuthorizationMatrix("matrix");
    static final String OWNER = MATRIX.username(Caller.OWNER);
    static final String ORGANIZER = MATRIX.username(Caller.ORGANIZER);

    /** The owner's things the rows refer to, made once. */
    record World(TestPrograms.Published program, String registrationId, String withdrawableId, String reportId) {
    }

    private static World world;

    private static World world() {
        if (world == null) {
            TestPrograms.Published program = TestPrograms.publish();
            TestPrograms.Published elsewhere = TestPrograms.publish();
            try (EventProducer events = new EventProducer()) {
                MATRIX.announceStaff(events, UUID.fromString(program.programId()), UUID.fromString(elsewhere.programId()));
            }
            TestPrograms.awaitOrganizer(program.programId(), program.author(), ORGANIZER);
            TestPrograms.awaitOrganizer(elsewhere.programId(), elsewhere.author(), MATRIX.username(Caller.OTHER_ORGANIZER));
            programId = program.programId();
            String registration = Requests.register(OWNER, program.programId(), program.author(),
                    Requests.registration("MENTEE", Requests.authorMentee())).then().statusCode(201).extract().path("id");
            String withdrawable = Requests.register(OWNER, program.programId(), program.reviewer(),
                    Requests.registration("MENTEE", Requests.reviewerMentee())).then().statusCode(201).extract().path("id");
            Requests.as(Tokens.participant(OWNER)).body(Map.of("underrepresented", true, "description", "Matrix-Confided"))
                    .put("/me/self-identification").then().statusCode(200);
            String report = Requests.as(Tokens.participant(OWNER)).body(report())
                    .post("/conduct-reports").then().statusCode(201).extract().path("id");
            world = new World(program, registration, withdrawable, report);
        }
        return world;
    }

    private static String programId;

    static Map<String, Object> report() {
        return Map.of("programId", programId, "about", "Someone at the poster session", "description", "Unwelcome remarks.",
                "occurredOn", LocalDate.now().minusDays(1).toString());
    }

    static List<Cell> cells(World w) {
        String track = "/programs/" + w.program().programId() + "/tracks/" + w.program().author();
        String mine = "/me/registrations/" + w.registrationId();
        Function<Response, String> none = r -> null;
        Function<Response, String> ownersProfile = r -> Tokens.email(OWNER).equals(r.path("email")) ? null : "not the owner's profile";
        // an id the caller sent may be echoed in a problem; the owner's own data must never appear
        Function<Response, String> notTheOwners = r -> r.asString().contains(Tokens.email(OWNER))
                || r.asString().contains("Counterfactual") || r.asString().contains("Medical Imaging")
                || r.asString().contains("Unwelcome remarks") ? "leaks the owner's data" : null;
        Function<Response, String> isProblem = AuthorizationMatrix.IS_PROBLEM;
        Supplier<Object> noBody = () -> null;
        Supplier<Object> answers = () -> Map.of("answers", Requests.authorMentee());
        Supplier<Object> policy = () -> Map.of("prioritiseSelfIdentified", false);
        List<Cell> cells = new ArrayList<>();
        // my profile, my data, my self-identification
        for (String path : List.of("/me", "/me/export", "/me/self-identification", "/me/registrations")) {
            cells.add(new Cell("GET", path, Caller.ANONYMOUS, 401, noBody, isProblem));
        }
        cells.add(new Cell("GET", "/me", Caller.OWNER, 200, noBody, ownersProfile));
        cells.add(new Cell("GET", "/me", Caller.OTHER_PARTICIPANT, 404, noBody, notTheOwners));
        cells.add(new Cell("GET", "/me/export", Caller.OWNER, 200, noBody,
                r -> r.asString().contains(w.registrationId()) && r.asString().contains("Unwelcome remarks") ? null : "incomplete export"));
        cells.add(new Cell("GET", "/me/export", Caller.OTHER_PARTICIPANT, 200, noBody, notTheOwners));
        cells.add(new Cell("GET", "/me/export", Caller.ORGANIZER, 200, noBody, notTheOwners));
        cells.add(new Cell("GET", "/me/self-identification", Caller.OWNER, 200, noBody, none));
        cells.add(new Cell("GET", "/me/self-identification", Caller.OTHER_PARTICIPANT, 404, noBody, notTheOwners));
        cells.add(new Cell("PUT", "/me", Caller.ANONYMOUS, 401, () -> Requests.profile("UTC"), isProblem));
        cells.add(new Cell("DELETE", "/me", Caller.ANONYMOUS, 401, noBody, isProblem));
        cells.add(new Cell("GET", "/me/registrations", Caller.OWNER, 200, noBody,
                r -> r.asString().contains(w.registrationId()) ? null : "misses the owner's registration"));
        cells.add(new Cell("GET", "/me/registrations", Caller.OTHER_PARTICIPANT, 200, noBody, notTheOwners));
        // one registration by id
        for (String method : List.of("GET", "PUT")) {
            Supplier<Object> body = method.equals("PUT") ? answers : noBody;
            cells.add(new Cell(method, mine, Caller.ANONYMOUS, 401, body, isProblem));
            cells.add(new Cell(method, mine, Caller.OTHER_PARTICIPANT, 404, body, notTheOwners));
            cells.add(new Cell(method, mine, Caller.ORGANIZER, 404, body, notTheOwners));
            cells.add(new Cell(method, mine, Caller.OWNER, 200, body, r -> w.registrationId().equals(r.path("id")) ? null : "wrong registration"));
        }
        String withdraw = "/me/registrations/" + w.withdrawableId() + "/withdraw";
        cells.add(new Cell("POST", withdraw, Caller.ANONYMOUS, 401, noBody, isProblem));
        cells.add(new Cell("POST", withdraw, Caller.OTHER_PARTICIPANT, 404, noBody, notTheOwners));
        cells.add(new Cell("POST", withdraw, Caller.ORGANIZER, 404, noBody, notTheOwners));
        cells.add(new Cell("POST", withdraw, Caller.OWNER, 200, noBody, r -> "WITHDRAWN".equals(r.path("status")) ? null : "not withdrawn"));
        // registering
        cells.add(new Cell("POST", track + "/registrations", Caller.ANONYMOUS, 401,
                () -> Requests.registration("MENTEE", Requests.authorMentee()), isProblem));
        // a track's registrations, their CSV and the track's policy: the program's organizers only
        List<Caller> outsiders = AuthorizationMatrix.OUTSIDERS;
        for (String path : List.of(track + "/registrations", track + "/registrations.csv", track + "/registration-policy")) {
            cells.add(new Cell("GET", path, Caller.ANONYMOUS, 401, noBody, isProblem));
            for (Caller outsider : outsiders) {
                cells.add(new Cell("GET", path, outsider, 404, noBody, r -> notTheOwners.apply(r) != null ? notTheOwners.apply(r) : isProblem.apply(r)));
            }
        }
        Function<Response, String> confided = r -> r.asString().contains("Matrix-Confided") ? null : "misses the self-identification";
        Function<Response, String> notConfided = r -> r.asString().contains("Matrix-Confided") || r.asString().contains("\"underrepresented\"")
                || r.asString().contains("\"priority\":true") || r.asString().contains("\"priority\":false")
                ? "shows self-identification without the confidential grant" : null;
        cells.add(new Cell("GET", track + "/registrations", Caller.ORGANIZER, 200, noBody,
                r -> r.asString().contains(Tokens.email(OWNER)) ? notConfided.apply(r) : "organizer misses the owner's registration"));
        cells.add(new Cell("GET", track + "/registrations", Caller.CONFIDANT, 200, noBody, confided));
        cells.add(new Cell("GET", track + "/registrations?priority=true", Caller.ORGANIZER, 403, noBody, isProblem));
        cells.add(new Cell("GET", track + "/registrations.csv", Caller.ORGANIZER, 200, noBody,
                r -> !r.asString().contains(Tokens.email(OWNER)) ? "CSV misses the owner's registration"
                        : r.asString().contains("selfIdentifiedUnderrepresented") ? "CSV has confidential columns" : null));
        cells.add(new Cell("GET", track + "/registrations.csv?confidential=true", Caller.ORGANIZER, 403, noBody, isProblem));
        cells.add(new Cell("GET", track + "/registrations.csv", Caller.CONFIDANT, 200, noBody,
                r -> r.asString().contains("selfIdentifiedUnderrepresented") ? "confidential columns not asked for" : null));
        cells.add(new Cell("GET", track + "/registrations.csv?confidential=true", Caller.CONFIDANT, 200, noBody,
                r -> r.asString().contains("selfIdentifiedUnderrepresented") ? null : "CSV misses the asked-for confidential columns"));
        cells.add(new Cell("GET", track + "/registration-policy", Caller.ORGANIZER, 200, noBody, none));
        cells.add(new Cell("PUT", track + "/registration-policy", Caller.ANONYMOUS, 401, policy, isProblem));
        for (Caller outsider : outsiders) {
            cells.add(new Cell("PUT", track + "/registration-policy", outsider, 404, policy, isProblem));
        }
        cells.add(new Cell("PUT", track + "/registration-policy", Caller.ORGANIZER, 200, policy, none));
        // the program report: its organizers only, counts and never a person
        String report = "/programs/" + w.program().programId() + "/report";
        cells.add(new Cell("GET", report, Caller.ANONYMOUS, 401, noBody, isProblem));
        for (Caller outsider : outsiders) {
            cells.add(new Cell("GET", report, outsider, 404, noBody, r -> notTheOwners.apply(r) != null ? notTheOwners.apply(r) : isProblem.apply(r)));
        }
        for (Caller organizer : List.of(Caller.ORGANIZER, Caller.CONFIDANT)) {
            cells.add(new Cell("GET", report, organizer, 200, noBody, r -> !"participant".equals(r.path("service")) ? "not the program's report"
                    : notTheOwners.apply(r) != null ? notTheOwners.apply(r) : r.asString().contains(w.registrationId()) ? "names a registration" : null));
        }
        // conduct reports: anyone signed in files one; the program's conduct contacts alone read them (not the reporter,
        // not its organizers, nobody of another program)
        cells.add(new Cell("POST", "/conduct-reports", Caller.ANONYMOUS, 401, AuthorizationMatrixTest::report, isProblem));
        cells.add(new Cell("POST", "/conduct-reports", Caller.OTHER_PARTICIPANT, 201, AuthorizationMatrixTest::report, none));
        for (String path : List.of("/conduct-reports?programId=" + w.program().programId(), "/conduct-reports/" + w.reportId())) {
            cells.add(new Cell("GET", path, Caller.ANONYMOUS, 401, noBody, isProblem));
            for (Caller outsider : List.of(Caller.OTHER_PARTICIPANT, Caller.OWNER, Caller.ADMIN, Caller.ORGANIZER,
                    Caller.CONFIDANT, Caller.OTHER_ORGANIZER)) {
                cells.add(new Cell("GET", path, outsider, 404, noBody, notTheOwners));
            }
            cells.add(new Cell("GET", path, Caller.CONDUCT_CONTACT, 200, noBody,
                    r -> r.asString().contains("Unwelcome remarks") ? null : "the conduct contact cannot read the report"));
        }
        cells.add(new Cell("GET", "/tracks", Caller.ANONYMOUS, 401, noBody, isProblem));
        cells.add(new Cell("GET", "/tracks", Caller.OTHER_PARTICIPANT, 200, noBody, none));
        return cells;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEachCallerAsItShould() {
        World w = world();
        return MATRIX.run(cells(w), AuthorizationMatrix.naming(Map.of(w.program().programId(), "{program}",
                w.program().author(), "{track}")));
    }
}
