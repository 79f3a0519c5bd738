package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.mentorship.e2e.SeasonEndToEndTest.awaitJson;
import static dev.mentorship.e2e.SeasonEndToEndTest.awaitTrue;
import static dev.mentorship.e2e.SeasonEndToEndTest.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Two conferences side by side on the real local stack, as issue 16 asks: each conference's organizers see and change
 * only their own program; each program's audit log holds exactly its own staff's actions; the public events of the two
 * seasons are the same, ids, times, addresses and names aside, although the mentees of one self-identified and those of
 * the other did not; and after an erasure, no table of the four databases holds the person's id, name or email (the
 * audit log keeps a pseudonym).
 */
class TwoConferencesTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    final String run = UUID.randomUUID().toString().substring(0, 6);

    /** One conference's season: its program and the people of its author track. */
    record Season(String programId, String author, String organizer, String token, String prefix) {
        String path() {
            return "/programs/" + programId + "/tracks/" + author;
        }
    }

    @Test
    void eachConferenceSeesOnlyItsOwnAndTheSelfIdentifiedLeaveNoTraceInPublicEvents() throws Exception {
        assumeFalse(Boolean.getBoolean("e2e.skip"), "skipped with -De2e.skip");
        Stack.up();
        String olivia = Keycloak.token("olivia");
        String oscar = Keycloak.token("oscar");
        try (Topics topics = new Topics()) {
            // --- olivia (admin) creates both programs; she runs the first, oscar the second (she steps down there)
            Season a = season(olivia, "ML4H 2025 (conference A " + run + ")", "olivia", olivia, "tc-a-" + run);
            String bId = expect(Http.post(Stack.SCHEDULE + "/programs", olivia, SeasonEndToEndTest.ml4h2025("Other 2025 (conference B " + run + ")")), 201)
                    .get("id").asText();
            String bStaff = Stack.SCHEDULE + "/programs/" + bId + "/staff/";
            expect(Http.put(bStaff + subject(oscar), olivia, Map.of("name", "Oscar Organizer", "email", "oscar@mentorship.test",
                    "grants", List.of("ORGANIZER", "CONDUCT_CONTACT"))), 200);
            expect(Http.delete(bStaff + subject(olivia), oscar), 204);
            Season b = published(bId, oscar, "oscar", "tc-b-" + run);

            // --- each organizer sees and changes only their own program, in every service
            for (Season[] pair : new Season[][]{{a, b}, {b, a}}) {
                Season mine = pair[0];
                Season theirs = pair[1];
                assertThat(Http.post(Stack.SCHEDULE + "/programs/" + theirs.programId() + "/publish", mine.token(), null).status()).isEqualTo(404);
                assertThat(Http.get(Stack.SCHEDULE + "/programs/" + theirs.programId() + "/audit", mine.token()).status()).isEqualTo(404);
                assertThat(Http.get(Stack.PARTICIPANTS + theirs.path() + "/registrations", mine.token()).status()).isEqualTo(404);
                assertThat(Http.put(Stack.PARTICIPANTS + theirs.path() + "/registration-policy", mine.token(),
                        Map.of("prioritiseSelfIdentified", false)).status()).isEqualTo(404);
                assertThat(Http.post(Stack.MATCHING + theirs.path() + "/matching-runs", mine.token(), null).status()).isEqualTo(404);
                assertThat(Http.get(Stack.MATCHING + theirs.path() + "/waitlist", mine.token()).status()).isEqualTo(404);
                assertThat(Http.get(Stack.NOTIFICATIONS + "/programs/" + theirs.programId() + "/deliveries", mine.token()).status()).isEqualTo(404);
                assertThat(Http.get(Stack.PARTICIPANTS + "/conduct-reports?programId=" + theirs.programId(), mine.token()).status()).isEqualTo(404);
            }

            // --- the same season in both: waitlist priority on; one mentor with room for one, three mentees
            for (Season s : List.of(a, b)) {
                expect(Http.put(Stack.PARTICIPANTS + s.path() + "/registration-policy", s.token(), Map.of("prioritiseSelfIdentified", true)), 200);
                person(s, "mentor", "Max", "Mentor");
                register(s, "mentor", "MENTOR", Map.of("expertise", List.of("causal inference"), "capacity", 1));
                person(s, "one", "Ada", "One");
                register(s, "one", "MENTEE", mentee());
                JsonNode proposal = awaitJson(() -> expect(Http.post(Stack.MATCHING + s.path() + "/matching-runs", s.token(), null), 201),
                        p -> p.at("/report/matched").asInt() == 1, "matching-service never saw " + s.prefix() + "'s people");
                expect(Http.post(Stack.MATCHING + "/matching-runs/" + proposal.get("id").asText() + "/publish", s.token(), null), 200);
                person(s, "two", "Bea", "Two");
                person(s, "three", "Cy", "Three");
            }
            for (Season s : List.of(a, b)) {
                register(s, "two", "MENTEE", mentee());
                register(s, "three", "MENTEE", mentee());
            }
            // conference A's late mentees confide that they are underrepresented; conference B's do not
            for (String who : List.of("two", "three")) {
                expect(Http.put(Stack.PARTICIPANTS + "/me/self-identification", Keycloak.token(a.prefix() + "-" + who),
                        Map.of("underrepresented", true, "description", "tc-confided-" + run)), 200);
            }
            for (Season s : List.of(a, b)) {
                topics.await(e -> "MenteeWaitlisted".equals(e.type()) && s.programId().equals(e.data().path("programId").asText()), 2, WAIT);
            }
            // priority is real in A (olivia holds the confidential grant there), and hidden from oscar in B (he does not)
            JsonNode waitlistA = awaitJson(() -> Http.get(Stack.MATCHING + a.path() + "/waitlist", olivia).json(),
                    w -> w.size() == 2 && w.get(0).path("priority").asBoolean(), "A's waitlist never put the self-identified first");
            assertThat(waitlistA.get(1).path("priority").asBoolean()).isTrue();
            JsonNode waitlistB = expect(Http.get(Stack.MATCHING + b.path() + "/waitlist", oscar), 200);
            assertThat(waitlistB.get(0).get("priority").isNull()).isTrue();

            // --- the public events of the two seasons: the same, ids, times, addresses and names aside
            List<Topics.Event> seen = topics.drain(Duration.ofSeconds(3));
            List<String> eventsOfA = normalised(seen, a, "ML4H 2025 (conference A " + run + ")");
            List<String> eventsOfB = normalised(seen, b, "Other 2025 (conference B " + run + ")");
            assertThat(eventsOfA).isNotEmpty().anyMatch(e -> e.contains("MenteeWaitlisted")).anyMatch(e -> e.contains("PairingCreated"));
            assertThat(eventsOfA).containsExactlyElementsOf(eventsOfB);
            assertThat(String.join("\n", eventsOfA)).doesNotContain("tc-confided").doesNotContain("priority")
                    .doesNotContain("underrepresented").doesNotContain("position");

            // --- each audit log holds exactly its own staff's actions
            JsonNode auditA = awaitJson(() -> expect(Http.get(Stack.SCHEDULE + "/programs/" + a.programId() + "/audit?size=100", olivia), 200),
                    log -> actions(log).contains("CONFIDENTIAL_WAITLIST_READ"), "A's audit log never got olivia's confidential read");
            JsonNode auditB = awaitJson(() -> expect(Http.get(Stack.SCHEDULE + "/programs/" + bId + "/audit?size=100", oscar), 200),
                    log -> actions(log).containsAll(List.of("MATCHING_RUN_PUBLISHED", "REGISTRATION_POLICY_SET")), "B's audit log is incomplete");
            assertThat(actors(auditA)).containsOnly(subject(olivia));
            assertThat(actions(auditA)).contains("PROGRAM_CREATED", "PROGRAM_PUBLISHED", "REGISTRATION_POLICY_SET", "MATCHING_RUN",
                    "MATCHING_RUN_PUBLISHED", "CONFIDENTIAL_WAITLIST_READ");
            assertThat(actors(auditB)).containsOnly(subject(olivia), subject(oscar));
            assertThat(actions(auditB)).contains("PROGRAM_CREATED", "STAFF_APPOINTED", "STAFF_REMOVED", "PROGRAM_PUBLISHED",
                    "REGISTRATION_POLICY_SET", "MATCHING_RUN", "MATCHING_RUN_PUBLISHED").doesNotContain("CONFIDENTIAL_WAITLIST_READ");
            for (JsonNode entry : auditB.get("items")) {
                if (subject(olivia).equals(entry.get("actorId").asText())) {
                    // before she stepped down: creating the program, appointing oscar
                    assertThat(entry.get("action").asText()).isIn("PROGRAM_CREATED", "STAFF_APPOINTED");
                }
            }

            // --- a person who registered, confided, organized and acted in A erases their data: no table keeps it
            String eraser = "tc-erin-" + run;
            String eraserName = "Erin Eraser" + run.replaceAll("[0-9]", "x");
            Keycloak.user(eraser, "Erin", "Eraser" + run.replaceAll("[0-9]", "x"));
            String eraserToken = Keycloak.token(eraser);
            String eraserId = subject(eraserToken);
            Http.post(Stack.PARTICIPANTS + a.path() + "/registrations", eraserToken, SeasonEndToEndTest.registration("MENTEE", mentee(), "UTC"));
            expect(Http.put(Stack.PARTICIPANTS + "/me/self-identification", eraserToken, Map.of("underrepresented", true)), 200);
            expect(Http.post(Stack.PARTICIPANTS + "/conduct-reports", eraserToken, Map.of("programId", a.programId(),
                    "about", "Someone", "description", "Something happened.", "occurredOn", java.time.LocalDate.now().toString())), 201);
            expect(Http.put(Stack.SCHEDULE + "/programs/" + a.programId() + "/staff/" + eraserId, olivia, Map.of("name", eraserName,
                    "email", eraser + "@mentorship.test", "grants", List.of("ORGANIZER"))), 200);
            String policy = Stack.MATCHING + a.path() + "/matching-policy";
            JsonNode current = awaitJson(() -> Http.get(policy, eraserToken).json(), p -> p.has("rolling"),
                    "matching-service never learnt that the eraser organizes A");
            expect(Http.put(policy, eraserToken, current), 200);
            topics.await(e -> "MenteeWaitlisted".equals(e.type()) && e.data().toString().contains(eraser), 1, WAIT);
            awaitJson(() -> expect(Http.get(Stack.SCHEDULE + "/programs/" + a.programId() + "/audit?actor=" + eraserId, olivia), 200),
                    log -> actions(log).contains("MATCHING_POLICY_SET"), "the eraser's action never reached A's audit log");

            expect(Http.delete(Stack.PARTICIPANTS + "/me", eraserToken), 204);
            List<String> needles = List.of(eraserId, eraserName, eraser + "@mentorship.test");
            List<String> left = List.of();
            long deadline = System.nanoTime() + WAIT.toNanos();
            do {
                Thread.sleep(500);
                left = rowsMentioning(needles);
            } while (!left.isEmpty() && System.nanoTime() < deadline);
            assertThat(left).as("rows of the four databases that still hold the erased person's id, name or email").isEmpty();
            // what they did stays on record, under their pseudonym
            JsonNode after = expect(Http.get(Stack.SCHEDULE + "/programs/" + a.programId() + "/audit?action=MATCHING_POLICY_SET", olivia), 200);
            assertThat(after.at("/items/0/actorId").asText()).startsWith("pseudonym:");
            assertThat(after.at("/items/0/actorName").isNull()).isTrue();
        }
    }

    /** Creates and publishes a program for an organizer (olivia, an admin, is its first organizer). */
    private Season season(String adminToken, String name, String organizer, String token, String prefix) throws Exception {
        ObjectNode file = SeasonEndToEndTest.ml4h2025(name);
        String id = expect(Http.post(Stack.SCHEDULE + "/programs", adminToken, file), 201).get("id").asText();
        return published(id, token, organizer, prefix);
    }

    private Season published(String programId, String token, String organizer, String prefix) {
        JsonNode program = expect(Http.post(Stack.SCHEDULE + "/programs/" + programId + "/publish", token, null), 200);
        String author = null;
        for (JsonNode t : program.get("tracks")) {
            if ("AUTHOR".equals(t.get("kind").asText())) {
                author = t.get("trackId").asText();
            }
        }
        Season s = new Season(programId, author, organizer, token, prefix);
        // participant- and matching-service learn the track and the program's staff from the broker
        awaitTrue(() -> Http.get(Stack.PARTICIPANTS + s.path() + "/registration-policy", token).status() == 200,
                "participant-service never learnt " + organizer + "'s program");
        awaitTrue(() -> Http.get(Stack.MATCHING + s.path() + "/matching-policy", token).status() == 200,
                "matching-service never learnt " + organizer + "'s program");
        return s;
    }

    private static void person(Season s, String who, String first, String last) {
        Keycloak.user(s.prefix() + "-" + who, first, last);
    }

    private static void register(Season s, String who, String role, Map<String, Object> answers) {
        Http.Response response = Http.post(Stack.PARTICIPANTS + s.path() + "/registrations", Keycloak.token(s.prefix() + "-" + who),
                SeasonEndToEndTest.registration(role, answers, "Europe/Berlin"));
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    private static Map<String, Object> mentee() {
        return Map.of("paperTitle", "Causal effects from EHR", "paperSummary", "Estimating treatment effects.", "intendsToSubmit", true);
    }

    /**
     * A season's public events (programs, participants, pairings), each as topic, type and data with ids, instants, the
     * solver's time, the program's name and the people's user names replaced, sorted: what must not differ between seasons.
     */
    private static List<String> normalised(List<Topics.Event> events, Season s, String programName) {
        Set<String> publicTopics = Set.of("mentorship.programs", "mentorship.participants", "mentorship.pairings");
        return events.stream()
                .filter(e -> publicTopics.contains(e.topic()) && e.data().toString().contains(s.programId()))
                .map(e -> e.topic() + " " + e.type() + " " + e.data().toString()
                        .replace(programName, "<program>")
                        .replace(s.prefix(), "<people>")
                        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                        .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<time>")
                        .replaceAll("\"solverMillis\":\\d+", "\"solverMillis\":<duration>"))
                .sorted().toList();
    }

    private static List<String> actions(JsonNode log) {
        List<String> actions = new ArrayList<>();
        log.get("items").forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }

    private static Set<String> actors(JsonNode log) {
        return java.util.stream.StreamSupport.stream(log.get("items").spliterator(), false)
                .map(e -> e.get("actorId").asText()).collect(Collectors.toSet());
    }

    /** The token's subject: the person's id on the whole platform. */
    static String subject(String token) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            return Http.JSON.readTree(payload).get("sub").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every row of every table of the four services' databases that holds one of these texts (case-insensitive). */
    static List<String> rowsMentioning(List<String> needles) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String database : List.of("participant_service", "matching_service", "schedule_service", "notification_service")) {
            try (Connection db = Databases.connect(database); Statement statement = db.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery(
                        "select tablename from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history'")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("select t::text from " + table + " t")) {
                        while (rows.next()) {
                            String row = rows.getString(1).toLowerCase();
                            if (needles.stream().anyMatch(n -> row.contains(n.toLowerCase()))) {
                                found.add(database + "." + table + ": " + rows.getString(1));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
