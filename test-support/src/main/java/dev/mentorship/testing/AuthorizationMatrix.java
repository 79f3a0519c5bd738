package dev.mentorship.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets what, endpoint by endpoint: each service's authorisation matrix is a list of {@link Cell}s (a request, the
 * caller, the status it must get and a check of the body), run as one dynamic test each. The callers are the same in
 * every service: anonymous, another participant, the owner of the objects, a platform admin, the program's organizer
 * without and with the confidential grant, its conduct contact, and an organizer of another program.
 */
public final class AuthorizationMatrix {

    public enum Caller {
        ANONYMOUS, OTHER_PARTICIPANT, OWNER, ADMIN,
        /** organizer of the owner's program, without the confidential grant */
        ORGANIZER,
        /** organizer of the owner's program with the confidential grant */
        CONFIDANT,
        /** conduct contact of the owner's program, no organizer */
        CONDUCT_CONTACT,
        /** organizer of another program, with every grant there */
        OTHER_ORGANIZER
    }

    /** Callers that are nobody in the owner's program (404 on its organizer resources). */
    public static final List<Caller> OUTSIDERS = List.of(Caller.OTHER_PARTICIPANT, Caller.OWNER, Caller.ADMIN,
            Caller.CONDUCT_CONTACT, Caller.OTHER_ORGANIZER);

    /** One cell: a request made by a caller, the status it must get, and a check of the body (null: fine). */
    public record Cell(String method, String path, Caller caller, int status, Supplier<Object> body,
                       Function<Response, String> check) {
        public static Cell of(String method, String path, Caller caller, int status) {
            return new Cell(method, path, caller, status, () -> null, status >= 400 ? IS_PROBLEM : r -> null);
        }
    }

    public static final Function<Response, String> IS_PROBLEM = r -> r.contentType() != null
            && r.contentType().startsWith("application/problem+json") ? null : "not problem+json";

    private final String prefix;

    /** Callers named {@code prefix-owner}, {@code prefix-organizer}, ... (distinct per test class). */
    public AuthorizationMatrix(String prefix) {
        this.prefix = prefix;
    }

    public String username(Caller caller) {
        return prefix + "-" + caller.name().toLowerCase().replace('_', '-');
    }

    public String subject(Caller caller) {
        return Tokens.subject(username(caller));
    }

    /** The program's staff as schedule-service would announce it: organizer, confidant, conduct contact. */
    public List<StaffEvents.Member> staff() {
        return List.of(new StaffEvents.Member(username(Caller.ORGANIZER), List.of("ORGANIZER")),
                new StaffEvents.Member(username(Caller.CONFIDANT), List.of("ORGANIZER", "CONFIDENTIAL")),
                new StaffEvents.Member(username(Caller.CONDUCT_CONTACT), List.of("CONDUCT_CONTACT")));
    }

    /** Announces the staff of the owner's program and of another program (its organizer: every grant). */
    public void announceStaff(EventProducer events, UUID program, UUID otherProgram) {
        StaffEvents.staff(events, program, staff());
        StaffEvents.organizers(events, otherProgram, username(Caller.OTHER_ORGANIZER));
    }

    public RequestSpecification request(Caller caller) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return switch (caller) {
            case ANONYMOUS -> request;
            case ADMIN -> request.auth().oauth2(Tokens.admin(username(caller)));
            default -> request.auth().oauth2(Tokens.participant(username(caller)));
        };
    }

    /** Every cell as a dynamic test, named by method, path (shortened by {@code display}), caller and status. */
    public Stream<DynamicTest> run(List<Cell> cells, Function<String, String> display) {
        return cells.stream().map(cell -> DynamicTest.dynamicTest(
                cell.method() + " " + display.apply(cell.path()) + " as " + cell.caller() + " → " + cell.status(), () -> {
                    RequestSpecification request = request(cell.caller());
                    Object body = cell.body().get();
                    if (body != null) {
                        request = request.body(body);
                    }
                    if (cell.method().equals("PUT") || cell.method().equals("PATCH")) {
                        // a change to something that exists names its version (If-Match), as a client does after a read;
                        // the matrix tests who may write, not conditional writes (ConditionalWritesTest does)
                        String etag = request(cell.caller()).get(cell.path()).header("ETag");
                        int parent = cell.path().lastIndexOf('/');
                        if (etag == null && parent > 0) { // a member of a list versioned as a whole (a program's staff)
                            etag = request(cell.caller()).get(cell.path().substring(0, parent)).header("ETag");
                        }
                        if (etag != null) {
                            request = request.header("If-Match", etag);
                        }
                    }
                    Response response = request.request(cell.method(), cell.path());
                    assertThat(response.statusCode()).as(response.asString()).isEqualTo(cell.status());
                    assertThat(cell.check().apply(response)).as(response.asString()).isNull();
                }));
    }

    /** Shortens ids in test names: each of {@code names}' keys (an id) becomes its value (e.g. "{program}"). */
    public static Function<String, String> naming(Map<String, String> names) {
        return path -> {
            String shown = path;
            for (Map.Entry<String, String> name : names.entrySet()) {
                shown = shown.replace(name.getKey(), name.getValue());
            }
            return shown;
        };
    }
}
