package dev.mentorship.schedule.groupsession;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorship.schedule.MovableClock;
import dev.mentorship.schedule.program.ProgramFiles;
import dev.mentorship.schedule.reminder.service.ReminderDispatcher;
import dev.mentorship.testing.Conditional;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.EventSchemas;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/**
 * Group sessions are sessions: the career track's group workshop (ML4H 2024: two one-hour online sessions on November
 * 21; 2025: date TBA) is a set of sessions with start, duration, link and capacity. Imported and validated with the
 * program, announced in ProgramPublished, added later by organizers (If-Match, audited); the track's people join one or
 * more (full: 409; never overbooked under concurrent joins); each has its .ics and is in the person's feed; reminders
 * count back from each session's start, not from the end of the milestone's day.
 */
@QuarkusTest
class GroupSessionsTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SCHEMAS = "META-INF/resources/schemas/";

    @Inject
    MovableClock clock;

    @Inject
    ReminderDispatcher dispatcher;

    @AfterEach
    void resetClock() {
        clock.set(MovableClock.START);
    }

    record Program(String id, String careerTrack, String groupMilestone) {
    }

    @Test
    void theShippedSessionsAreImportedShownAndPublished() {
        ObjectNode file = ProgramFiles.load("ml4h-2024");
        JsonPath created = given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON).body(file.toString())
                .post("/programs").then().statusCode(201).extract().jsonPath();
        String group = "tracks.find { it.kind == 'CAREER' }.milestones.find { it.type == 'GROUP_SESSION' }";
        assertThat(created.getList(group + ".sessions.key")).containsExactly("afternoon-utc", "evening-utc");
        assertThat(created.getList(group + ".sessions.startsAt")).containsExactly("2024-11-21T14:00:00Z", "2024-11-21T20:00:00Z");
        assertThat(created.getList(group + ".sessions.endsAt")).containsExactly("2024-11-21T15:00:00Z", "2024-11-21T21:00:00Z");
        assertThat(created.getList(group + ".sessions.capacity")).containsExactly(60, 60);
        assertThat(created.getList(group + ".sessions.onlineUrl")).containsExactly(null, null);
        // a deadline has no sessions at all
        assertThat(created.getString("tracks.find { it.kind == 'CAREER' }.milestones.find { it.type == 'APPLICATION_DEADLINE' }.sessions")).isNull();

        String id = created.getString("id");
        try (TopicReader programs = new TopicReader("mentorship.programs")) {
            given().auth().oauth2(Tokens.admin("olivia")).post("/programs/" + id + "/publish").then().statusCode(200);
            TopicReader.Event published = programs.await(e -> "ProgramPublished".equals(e.type()) && id.equals(e.key()), 1, WAIT).get(0);
            EventSchemas.assertValid(SCHEMAS + "ProgramPublished.v1.json", published.data());
            var career = published.data().get("tracks").get(2);
            var sessions = findGroup(career).get("sessions");
            assertThat(sessions.size()).isEqualTo(2);
            assertThat(sessions.get(0).get("startsAt").asText()).isEqualTo("2024-11-21T14:00:00Z");
            assertThat(sessions.get(1).get("durationMinutes").asInt()).isEqualTo(60);
        }

        // 2025: the date is to be announced, no sessions yet
        JsonPath tba = given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON)
                .body(ProgramFiles.load("ml4h-2025").toString()).post("/programs").then().statusCode(201).extract().jsonPath();
        assertThat(tba.getList(group + ".sessions")).isEmpty();
    }

    private static com.fasterxml.jackson.databind.JsonNode findGroup(com.fasterxml.jackson.databind.JsonNode track) {
        for (var milestone : track.get("milestones")) {
            if ("GROUP_SESSION".equals(milestone.get("type").asText())) {
                return milestone;
            }
        }
        throw new AssertionError("no group session in " + track);
    }

    @Test
    void sessionsAreValidated() {
        ObjectNode file = ProgramFiles.load("ml4h-2024");
        ArrayNode career = (ArrayNode) file.get("tracks").get(2).get("milestones");
        int groupIndex = indexOf(career, "group-session");
        ArrayNode sessions = (ArrayNode) career.get(groupIndex).get("sessions");
        ((ObjectNode) sessions.get(0)).put("startsAt", "2024-11-23T14:00:00Z"); // two days later than its milestone
        ((ObjectNode) sessions.get(1)).put("onlineUrl", "http://zoom.example/j/1"); // not https
        sessions.addObject().put("key", "evening-utc").put("startsAt", "2024-11-21T22:00:00Z").put("durationMinutes", 60)
                .put("capacity", 10); // a duplicate key
        ((ObjectNode) career.get(0)).putArray("sessions").addObject().put("key", "x").put("startsAt", "2024-10-15T14:00:00Z")
                .put("durationMinutes", 60).put("capacity", 10); // not a group session
        String at = "tracks[2].milestones[" + groupIndex + "].sessions";
        given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON).body(file.toString()).post("/programs")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems(at + "[0].startsAt", at + "[1].onlineUrl", at + "[2].key",
                        "tracks[2].milestones[0].sessions"));

        ObjectNode noSeats = ProgramFiles.load("ml4h-2024");
        ((ObjectNode) noSeats.get("tracks").get(2).get("milestones").get(groupIndex).get("sessions").get(0)).put("capacity", 0);
        given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON).body(noSeats.toString()).post("/programs")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(at + "[0].capacity"));
    }

    @Test
    void organizersAnnounceTheSessionsAndTheTracksPeopleChooseThem() throws Exception {
        Program program = publish2025();
        String sessionPath = "/programs/" + program.id() + "/tracks/" + program.careerTrack() + "/milestones/" + program.groupMilestone() + "/sessions/";
        String organizer = Tokens.admin("olivia");
        // the TBA date is announced: two sessions; a start outside the milestone's day and an http link are refused
        given().auth().oauth2(organizer).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2025-11-23T14:00:00Z", "durationMinutes", 60, "onlineUrl", "http://zoom.example/j/1", "capacity", 2))
                .put(sessionPath + "early").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems("startsAt", "onlineUrl"));
        Response added = given().auth().oauth2(organizer).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2025-11-21T14:00:00Z", "durationMinutes", 60, "onlineUrl", "https://zoom.example/j/1", "capacity", 2))
                .put(sessionPath + "early");
        assertThat(added.statusCode()).as(added.asString()).isEqualTo(201);
        assertThat(added.header("ETag")).isNotNull();
        given().auth().oauth2(organizer).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2025-11-21T20:00:00Z", "durationMinutes", 60, "capacity", 1))
                .put(sessionPath + "late").then().statusCode(201);
        // a change names the version it changes
        given().auth().oauth2(organizer).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2025-11-21T20:00:00Z", "durationMinutes", 60, "capacity", 2))
                .put(sessionPath + "late").then().statusCode(428);
        given().auth().oauth2(organizer).contentType(ContentType.JSON)
                .header("If-Match", Conditional.etag(given().auth().oauth2(organizer), sessionPath + "late"))
                .body(Map.of("startsAt", "2025-11-21T20:00:00Z", "durationMinutes", 60, "onlineUrl", "https://zoom.example/j/2", "capacity", 2))
                .put(sessionPath + "late").then().statusCode(200).body("sequence", equalTo(1)).body("capacity", equalTo(2));

        String list = "/programs/" + program.id() + "/tracks/" + program.careerTrack() + "/group-sessions";
        try (EventProducer events = new EventProducer()) {
            register(events, "gs-ada", program, "MENTEE");
            register(events, "gs-ben", program, "MENTOR");
            register(events, "gs-cy", program, "MENTEE");
        }
        awaitListed(list, "gs-ada");
        awaitListed(list, "gs-ben");
        awaitListed(list, "gs-cy");
        // someone who is not in the track sees nothing of it
        given().auth().oauth2(Tokens.participant("gs-stranger")).get(list).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));

        JsonPath offers = given().auth().oauth2(Tokens.participant("gs-ada")).get(list).then().statusCode(200).extract().jsonPath();
        assertThat(offers.getList("key")).containsExactly("early", "late");
        assertThat(offers.getList("seatsLeft")).containsExactly(2, 2);
        String early = offers.getString("[0].sessionId");
        String late = offers.getString("[1].sessionId");
        given().auth().oauth2(Tokens.participant("gs-stranger")).put("/me/group-sessions/" + early).then().statusCode(404);

        // ada joins the early one (again: the same answer, no second seat), and is welcome to join both
        given().auth().oauth2(Tokens.participant("gs-ada")).put("/me/group-sessions/" + early).then().statusCode(201)
                .body("joined", equalTo(true)).body("seatsLeft", equalTo(1));
        given().auth().oauth2(Tokens.participant("gs-ada")).put("/me/group-sessions/" + early).then().statusCode(200)
                .body("seatsLeft", equalTo(1));
        given().auth().oauth2(Tokens.participant("gs-ada")).put("/me/group-sessions/" + late).then().statusCode(201);
        given().auth().oauth2(Tokens.participant("gs-ben")).put("/me/group-sessions/" + early).then().statusCode(201)
                .body("seatsLeft", equalTo(0));
        // full
        given().auth().oauth2(Tokens.participant("gs-cy")).put("/me/group-sessions/" + early).then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
        // a capacity below the seats taken is refused; a session with people in it is not removed
        given().auth().oauth2(organizer).contentType(ContentType.JSON)
                .header("If-Match", Conditional.etag(given().auth().oauth2(organizer), sessionPath + "early"))
                .body(Map.of("startsAt", "2025-11-21T14:00:00Z", "durationMinutes", 60, "capacity", 1))
                .put(sessionPath + "early").then().statusCode(409);
        given().auth().oauth2(organizer).delete(sessionPath + "early").then().statusCode(409);
        // ada moves: leaves the early one, which frees a seat for cy
        given().auth().oauth2(Tokens.participant("gs-ada")).delete("/me/group-sessions/" + early).then().statusCode(204);
        given().auth().oauth2(Tokens.participant("gs-ada")).delete("/me/group-sessions/" + early).then().statusCode(404);
        given().auth().oauth2(Tokens.participant("gs-cy")).put("/me/group-sessions/" + early).then().statusCode(201);
        JsonPath mine = given().auth().oauth2(Tokens.participant("gs-ada")).get("/me/group-sessions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(mine.getList("key")).containsExactly("late");
        assertThat(given().auth().oauth2(Tokens.participant("gs-ben")).get(list).jsonPath().getList("joined"))
                .containsExactly(true, false);

        // each session's calendar file: its time, its link as URL and LOCATION
        String ics = given().auth().oauth2(Tokens.participant("gs-ada")).get(list + "/" + late + ".ics").then().statusCode(200)
                .contentType(startsWith("text/calendar")).extract().asString();
        VEvent event = onlyEvent(ics);
        assertThat(value(event, "DTSTART")).isEqualTo("20251121T200000Z");
        assertThat(value(event, "DTEND")).isEqualTo("20251121T210000Z");
        assertThat(value(event, "URL")).isEqualTo("https://zoom.example/j/2");
        assertThat(value(event, "LOCATION")).isEqualTo("https://zoom.example/j/2");
        assertThat(value(event, "SEQUENCE")).isEqualTo("1");
        given().auth().oauth2(Tokens.participant("gs-stranger")).get(list + "/" + late + ".ics").then().statusCode(404);
        // and in the person's feed, only the sessions they joined
        String feed = given().auth().oauth2(Tokens.participant("gs-ada")).post("/me/calendar-feed").then().statusCode(201)
                .extract().path("url");
        String token = feed.substring(feed.indexOf("token=") + 6);
        String calendar = given().queryParam("token", token).get("/me/calendar.ics").then().statusCode(200).extract().asString();
        assertThat(calendar).contains("UID:" + late + "@group-sessions.mentorship")
                .doesNotContain("UID:" + early + "@group-sessions.mentorship");
    }

    @Test
    void nobodyGetsASeatThatIsNotThere() throws Exception {
        Program program = publish2025();
        String sessionPath = "/programs/" + program.id() + "/tracks/" + program.careerTrack() + "/milestones/" + program.groupMilestone() + "/sessions/";
        String id = given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2025-11-21T14:00:00Z", "durationMinutes", 60, "capacity", 3))
                .put(sessionPath + "small").then().statusCode(201).extract().path("sessionId");
        String list = "/programs/" + program.id() + "/tracks/" + program.careerTrack() + "/group-sessions";
        List<String> people = new ArrayList<>();
        try (EventProducer events = new EventProducer()) {
            for (int i = 0; i < 8; i++) {
                String user = "gs-race-" + UUID.randomUUID().toString().substring(0, 8);
                register(events, user, program, i % 2 == 0 ? "MENTEE" : "MENTOR");
                people.add(user);
            }
        }
        for (String user : people) {
            awaitListed(list, user);
        }
        List<Callable<Response>> joins = new ArrayList<>();
        for (String user : people) {
            joins.add(() -> given().auth().oauth2(Tokens.participant(user)).put("/me/group-sessions/" + id));
        }
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Response> answer : pool.invokeAll(joins)) {
                statuses.add(answer.get().statusCode());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        given().auth().oauth2(Tokens.participant(people.get(0))).get(list).then().statusCode(200)
                .body("[0].seatsLeft", equalTo(0));

        // a person who holds a seat is erased: the seat goes back, nothing of theirs stays
        String winner = null;
        for (int i = 0; i < people.size(); i++) {
            if (statuses.get(i) == 201) {
                winner = people.get(i);
                break;
            }
        }
        String subject = Tokens.subject(winner);
        try (EventProducer events = new EventProducer()) {
            events.send("mentorship.participants", subject, "ParticipantErased", UUID.randomUUID().toString(),
                    "/mentorship/participant-service", "{\"participantId\": \"" + subject + "\", \"erasedAt\": \"2025-06-02T00:00:00Z\"}");
        }
        String asker = people.stream().filter(p -> statuses.get(people.indexOf(p)) == 409).findFirst().orElseThrow();
        long deadline = System.nanoTime() + WAIT.toNanos();
        int left = 0;
        while (left == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = given().auth().oauth2(Tokens.participant(asker)).get(list).path("[0].seatsLeft");
        }
        assertThat(left).isEqualTo(1);
        assertThat(Database.rowsMentioning(subject)).isEmpty();
    }

    @Test
    void aMovedGroupSessionTakesItsSessionsAlong() throws Exception {
        Program program = publish2025();
        String organizer = Tokens.admin("olivia");
        String milestone = "/programs/" + program.id() + "/tracks/" + program.careerTrack() + "/milestones/" + program.groupMilestone();
        given().auth().oauth2(organizer).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2025-11-21T14:00:00Z", "durationMinutes", 60, "capacity", 10))
                .put(milestone + "/sessions/afternoon").then().statusCode(201);
        given().auth().oauth2(organizer).contentType(ContentType.JSON)
                .header("If-Match", Conditional.etag(given().auth().oauth2(organizer), milestone))
                .body(Map.of("date", "2025-11-24", "reason", "The workshop's date is announced")).patch(milestone)
                .then().statusCode(200);
        given().auth().oauth2(organizer).get(milestone + "/sessions/afternoon").then().statusCode(200)
                .body("startsAt", equalTo("2025-11-24T14:00:00Z")).body("sequence", equalTo(1));
    }

    @Test
    void remindersCountBackFromEachSessionsStart() throws Throwable {
        Program program = publish2025();
        String sessionPath = "/programs/" + program.id() + "/tracks/" + program.careerTrack() + "/milestones/" + program.groupMilestone() + "/sessions/";
        String id = given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON)
                .body(Map.of("startsAt", "2025-11-21T14:00:00Z", "durationMinutes", 60, "onlineUrl", "https://zoom.example/j/9", "capacity", 10))
                .put(sessionPath + "only").then().statusCode(201).extract().path("sessionId");
        String list = "/programs/" + program.id() + "/tracks/" + program.careerTrack() + "/group-sessions";
        try (EventProducer events = new EventProducer()) {
            register(events, "gs-remind-joined", program, "MENTEE");
            register(events, "gs-remind-undecided", program, "MENTOR");
        }
        awaitListed(list, "gs-remind-joined");
        awaitListed(list, "gs-remind-undecided");
        given().auth().oauth2(Tokens.participant("gs-remind-joined")).put("/me/group-sessions/" + id).then().statusCode(201);
        String joined = Tokens.subject("gs-remind-joined");
        String undecided = Tokens.subject("gs-remind-undecided");

        try (TopicReader schedule = new TopicReader("mentorship.schedule")) {
            // three days before the first session: those who have not chosen are asked to
            clock.set(Instant.parse("2025-11-18T14:00:30Z"));
            dispatch();
            TopicReader.Event choose = schedule.await(e -> ofProgram(e, program, "CHOOSE"), 1, WAIT).get(0);
            EventSchemas.assertValid(SCHEMAS + "GroupSessionApproaching.v1.json", choose.data());
            assertThat(choose.data().get("recipient").get("participantId").asText()).isEqualTo(undecided);
            assertThat(choose.data().get("sessions").get(0).get("seatsLeft").asInt()).isEqualTo(9);

            // the day before, at the session's hour (not 23:59 AoE of the day before): those who joined it
            clock.set(Instant.parse("2025-11-20T14:00:30Z"));
            dispatch();
            TopicReader.Event dayBefore = schedule.await(e -> ofProgram(e, program, "STARTS"), 1, WAIT).get(0);
            EventSchemas.assertValid(SCHEMAS + "GroupSessionApproaching.v1.json", dayBefore.data());
            assertThat(dayBefore.data().get("lead").asText()).isEqualTo("P1D");
            assertThat(dayBefore.data().get("recipient").get("participantId").asText()).isEqualTo(joined);
            assertThat(dayBefore.data().get("recipient").get("localStart").asText()).contains("November 21, 2025, 15:00 (Europe/Berlin)");
            var session = dayBefore.data().get("sessions").get(0);
            assertThat(session.get("startsAt").asText()).isEqualTo("2025-11-21T14:00:00Z");
            assertThat(session.get("durationMinutes").asInt()).isEqualTo(60);
            assertThat(session.get("onlineUrl").asText()).isEqualTo("https://zoom.example/j/9");
            assertThat(session.get("icsUrl").asText()).endsWith(list + "/" + id + ".ics");

            // an hour before
            clock.set(Instant.parse("2025-11-21T13:00:30Z"));
            dispatch();
            List<TopicReader.Event> starts = schedule.await(e -> ofProgram(e, program, "STARTS"), 2, WAIT);
            assertThat(starts).extracting(e -> e.data().get("lead").asText()).containsExactly("P1D", "PT1H");
            // the milestone's own end-of-day deadline reminders are not sent: its sessions replace them
            assertThat(schedule.readFor(Duration.ofSeconds(2), e -> "DeadlineApproaching".equals(e.type())
                    && e.data() != null && program.groupMilestone().equals(e.data().path("milestoneId").asText()))).isEmpty();
            assertThat(schedule.readFor(Duration.ofSeconds(1), e -> ofProgram(e, program, null))).hasSize(3);
        }
    }

    private static boolean ofProgram(TopicReader.Event e, Program program, String notice) {
        return "GroupSessionApproaching".equals(e.type()) && program.id().equals(e.key())
                && (notice == null || notice.equals(e.data().get("notice").asText()));
    }

    private void dispatch() throws Throwable {
        while (VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatchDue()) > 0) {
            // until nothing is due
        }
    }

    static Program publish2025() {
        String id = given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON)
                .body(ProgramFiles.load("ml4h-2025").toString()).post("/programs").then().statusCode(201).extract().path("id");
        JsonPath published = given().auth().oauth2(Tokens.admin("olivia")).post("/programs/" + id + "/publish")
                .then().statusCode(200).extract().jsonPath();
        return new Program(id, published.getString("tracks.find { it.kind == 'CAREER' }.trackId"),
                published.getString("tracks.find { it.kind == 'CAREER' }.milestones.find { it.type == 'GROUP_SESSION' }.milestoneId"));
    }

    static void register(EventProducer events, String user, Program program, String role) {
        String data = """
                {"participantId": "%s",
                 "participant": {"name": "%s Test", "email": "%s", "affiliation": "Somewhere", "careerStage": "POSTDOC",
                   "timeZone": "Europe/Berlin", "interests": [], "availability": []},
                 "registration": {"registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "CAREER",
                   "role": "%s", "status": "ACTIVE", "late": false, "priority": false, "capacity": null, "answers": {},
                   "oneOnOneAvailabilityUtc": [], "codeOfConductVersion": "2025",
                   "registeredAt": "2025-06-01T00:00:00Z", "updatedAt": "2025-06-01T00:00:00Z"}}"""
                .formatted(Tokens.subject(user), user, Tokens.email(user), UUID.randomUUID(), program.id(), program.careerTrack(), role);
        events.send("mentorship.participants", Tokens.subject(user), "ParticipantRegistered", UUID.randomUUID().toString(),
                "/mentorship/participant-service", data);
    }

    /** Waits until the person's registration has arrived (the track's sessions answer them). */
    static void awaitListed(String list, String user) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (given().auth().oauth2(Tokens.participant(user)).get(list).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(user + "'s registration never arrived");
            }
            Thread.sleep(100);
        }
    }

    private static int indexOf(ArrayNode milestones, String key) {
        for (int i = 0; i < milestones.size(); i++) {
            if (key.equals(milestones.get(i).get("key").asText())) {
                return i;
            }
        }
        throw new AssertionError("no milestone " + key);
    }

    private static VEvent onlyEvent(String ics) {
        try {
            List<VEvent> events = new CalendarBuilder().build(new StringReader(ics)).getComponents(Component.VEVENT);
            assertThat(events).hasSize(1);
            return events.get(0);
        } catch (Exception e) {
            throw new AssertionError("Not a calendar: " + ics, e);
        }
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(p -> ((Property) p).getValue()).orElseThrow();
    }
}
