package dev.mentorship.notification.privacy;

import dev.mentorship.testing.AuthorizationMatrix;
import dev.mentorship.testing.AuthorizationMatrix.Caller;
import dev.mentorship.testing.AuthorizationMatrix.Cell;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
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
 * notification-service, endpoint by endpoint: a program's delivery log for its organizers only (404 for everyone else,
 * an admin, its conduct contact and the organizers of another program included); a person's inbox and preferences for
 * that person only. Bodies are checked too.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final AuthorizationMatrix MATRIX = new AuthorizationMatrix("nm");

    record World(String programId, String notificationId) {
    }

    private static World world;

    /** A program with the matrix's staff; its owner has one inbox entry and one mail (a ConductReportFiled reaches
     * its conduct contact; a registration reaches the owner). */
    private static World world() throws InterruptedException {
        if (world != null) {
            return world;
        }
        UUID programId = UUID.randomUUID();
        String owner = MATRIX.username(Caller.OWNER);
        try (EventProducer events = new EventProducer()) {
            MATRIX.announceStaff(events, programId, UUID.randomUUID());
            // the program itself, so that people may follow it
            events.send("mentorship.programs", programId.toString(), "ProgramPublished", UUID.randomUUID().toString(), "/test", """
                    {"programId": "%s", "conference": "NM", "name": "NM 2025", "timeZone": "AoE", "publishedAt": "2026-01-01T00:00:00Z",
                     "codeOfConduct": {"title": "Code", "version": "1"},
                     "tracks": [{"trackId": "%s", "key": "career", "kind": "CAREER", "name": "Career Mentorship", "topics": [],
                       "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "2020-01-01T00:00:00Z",
                         "applicationDeadline": "2099-01-01T00:00:00Z", "closesAt": "2099-01-01T00:00:00Z", "rolling": false},
                       "milestones": []}]}""".formatted(programId, UUID.randomUUID()));
            events.send("mentorship.participants", Tokens.subject(owner), "ParticipantRegistered", UUID.randomUUID().toString(), "/test", """
                    {"participantId": "%s",
                     "participant": {"name": "%s Test", "email": "%s", "affiliation": "Somewhere", "careerStage": "PHD_STUDENT",
                       "timeZone": "UTC", "interests": [], "availability": []},
                     "registration": {"registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                       "role": "MENTEE", "status": "ACTIVE", "late": false, "answers": {}, "oneOnOneAvailabilityUtc": [],
                       "codeOfConductVersion": "1", "registeredAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}}"""
                    .formatted(Tokens.subject(owner), owner, Tokens.email(owner), UUID.randomUUID(), programId, UUID.randomUUID()));
        }
        String notificationId = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (notificationId == null && System.nanoTime() < deadline) {
            List<String> ids = Database.query("select id::text from notification where recipient_id = '" + Tokens.subject(owner) + "'");
            notificationId = ids.isEmpty() ? null : ids.get(0);
            Thread.sleep(100);
        }
        while (!Database.query("select count(*)::text from program_staff where program_id = '" + programId + "'").equals(List.of("3"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        while (!Database.query("select count(*)::text from program_info where program_id = '" + programId + "'").equals(List.of("1"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        world = new World(programId.toString(), notificationId);
        return world;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEachCallerAsItShould() throws InterruptedException {
        World w = world();
        String owner = MATRIX.username(Caller.OWNER);
        String deliveries = "/programs/" + w.programId() + "/deliveries";
        Function<Response, String> leaksNothing = r -> IS_PROBLEM.apply(r) != null ? IS_PROBLEM.apply(r)
                : r.asString().contains(Tokens.email(owner)) ? "leaks the owner's address" : null;
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.of("GET", deliveries, Caller.ANONYMOUS, 401));
        for (Caller outsider : OUTSIDERS) {
            cells.add(new Cell("GET", deliveries, outsider, 404, () -> null, leaksNothing));
        }
        for (Caller organizer : List.of(Caller.ORGANIZER, Caller.CONFIDANT)) {
            cells.add(new Cell("GET", deliveries, organizer, 200, () -> null,
                    r -> r.asString().contains(Tokens.email(owner)) ? null : "misses the owner's mail"));
        }
        // the program report (issue 20): its organizers only
        String report = "/programs/" + w.programId() + "/report";
        cells.add(Cell.of("GET", report, Caller.ANONYMOUS, 401));
        for (Caller outsider : OUTSIDERS) {
            cells.add(new Cell("GET", report, outsider, 404, () -> null, leaksNothing));
        }
        for (Caller organizer : List.of(Caller.ORGANIZER, Caller.CONFIDANT)) {
            cells.add(new Cell("GET", report, organizer, 200, () -> null,
                    r -> "notification".equals(r.path("service")) ? null : "not the report"));
        }
        // a program's announcements (issue 20): its organizers only; everyone else 404, nothing written or sent
        String announcements = "/programs/" + w.programId() + "/announcements";
        java.util.function.Supplier<Object> announcement = () -> "{\"subject\": \"Matrix\", \"body\": \"Hello.\", \"audience\": {},"
                + " \"sendAt\": \"" + java.time.Instant.now().plus(Duration.ofDays(30)) + "\"}";
        for (String[] call : List.of(new String[]{"GET", announcements}, new String[]{"POST", announcements},
                new String[]{"POST", announcements + "/preview"}, new String[]{"GET", announcements + "/" + UUID.randomUUID()},
                new String[]{"DELETE", announcements + "/" + UUID.randomUUID()})) {
            cells.add(Cell.of(call[0], call[1], Caller.ANONYMOUS, 401));
            for (Caller outsider : OUTSIDERS) {
                cells.add(new Cell(call[0], call[1], outsider, 404, call[0].equals("POST") ? announcement : () -> null, leaksNothing));
            }
        }
        for (Caller organizer : List.of(Caller.ORGANIZER, Caller.CONFIDANT)) {
            cells.add(new Cell("POST", announcements + "/preview", organizer, 200, announcement,
                    r -> Integer.valueOf(1).equals(r.path("recipients")) ? null : "does not count the owner"));
            cells.add(new Cell("POST", announcements, organizer, 201, announcement,
                    r -> "SCHEDULED".equals(r.path("status")) ? null : "not scheduled"));
            cells.add(new Cell("GET", announcements, organizer, 200, () -> null,
                    r -> r.path("items") != null ? null : "no list"));
        }
        // a person's inbox and preferences: theirs alone
        for (String path : List.of("/me/notifications", "/me/notifications/unread-count", "/me/notification-preferences")) {
            cells.add(Cell.of("GET", path, Caller.ANONYMOUS, 401));
        }
        cells.add(new Cell("GET", "/me/notifications", Caller.OWNER, 200, () -> null,
                r -> r.asString().contains(w.notificationId()) ? null : "misses the owner's entry"));
        for (Caller other : List.of(Caller.OTHER_PARTICIPANT, Caller.ADMIN, Caller.ORGANIZER, Caller.CONFIDANT)) {
            cells.add(new Cell("GET", "/me/notifications", other, 200, () -> null,
                    r -> r.asString().contains(w.notificationId()) ? "shows someone else's entry" : null));
            cells.add(new Cell("POST", "/me/notifications/" + w.notificationId() + "/read", other, 404, () -> null, leaksNothing));
        }
        cells.add(new Cell("POST", "/me/notifications/" + w.notificationId() + "/read", Caller.OWNER, 200, () -> null,
                r -> Boolean.TRUE.equals(r.path("read")) ? null : "not read"));
        cells.add(Cell.of("PUT", "/me/notification-preferences", Caller.ANONYMOUS, 401));
        cells.add(new Cell("GET", "/me/notification-preferences", Caller.OTHER_PARTICIPANT, 200, () -> null, r -> null));
        // the programs a person follows: theirs alone; someone else's PUT and DELETE change only their own
        String subscriptions = "/me/program-subscriptions";
        String subscription = subscriptions + "/" + w.programId();
        for (String[] call : List.of(new String[]{"GET", subscriptions}, new String[]{"GET", subscription}, new String[]{"PUT", subscription},
                new String[]{"DELETE", subscription})) {
            cells.add(Cell.of(call[0], call[1], Caller.ANONYMOUS, 401));
        }
        cells.add(new Cell("PUT", subscription, Caller.OWNER, 201, () -> null,
                r -> w.programId().equals(r.path("programId")) ? null : "not the program followed"));
        cells.add(new Cell("GET", subscriptions, Caller.OTHER_PARTICIPANT, 200, () -> null,
                r -> Integer.valueOf(0).equals(r.path("total")) ? null : "shows someone else's subscription"));
        cells.add(Cell.of("GET", subscription, Caller.OTHER_PARTICIPANT, 404));
        cells.add(Cell.of("DELETE", subscription, Caller.OTHER_PARTICIPANT, 204));
        cells.add(new Cell("GET", subscription, Caller.OWNER, 200, () -> null,
                r -> w.programId().equals(r.path("programId")) ? null : "the owner's subscription is gone"));
        cells.add(Cell.of("PUT", subscriptions + "/" + UUID.randomUUID(), Caller.OTHER_PARTICIPANT, 404));
        return MATRIX.run(cells, AuthorizationMatrix.naming(Map.of(w.programId(), "{program}", w.notificationId(), "{notification}")));
    }
}
