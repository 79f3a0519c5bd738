package dev.mentorship.schedule.meeting;

import dev.mentorship.testing.Conditional;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.EventSchemas;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mentorship.schedule.meeting.MeetingsTest.SCHEMAS;
import static dev.mentorship.schedule.meeting.MeetingsTest.WAIT;
import static dev.mentorship.schedule.meeting.MeetingsTest.WEEKDAYS_BERLIN_AFTERNOON;
import static dev.mentorship.schedule.meeting.MeetingsTest.WEEKDAYS_LA_MORNING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Meetings have a place: a pairing's (either member sets it, conditional writes, nobody else sees it) that its
 * meetings take unless they have their own; in the meeting views, the events (a confirmed meeting's new place is a
 * MeetingRescheduled at the same time, SEQUENCE raised) and every .ics (LOCATION escaped, URL as it is).
 */
@QuarkusTest
class MeetingPlaceTest {

    static final String ROOM = "Room 4.12, Building B; 2nd floor";
    static final String ZOOM = "https://zoom.us/j/123456789?pwd=a,b;c";

    @Test
    void aPairingsPlaceIsSetByEitherMemberAndItsMeetingsTakeItUnlessTheyHaveTheirOwn() throws Throwable {
        MeetingsTest.Program program = MeetingsTest.publishMl4h2025();
        String pairingId;
        try (EventProducer events = new EventProducer()) {
            MeetingsTest.register(events, "place-mentor", program.id(), program.authorTrack(), "MENTOR", "Europe/Berlin",
                    WEEKDAYS_BERLIN_AFTERNOON);
            MeetingsTest.register(events, "place-mentee", program.id(), program.authorTrack(), "MENTEE", "America/Los_Angeles",
                    WEEKDAYS_LA_MORNING);
            Thread.sleep(1500);
            pairingId = MeetingsTest.pair(events, program.id(), program.authorTrack(), "place-mentor", "place-mentee");
        }
        JsonPath meetings = MeetingsTest.awaitMeetings(pairingId, "place-mentee", 4);
        String first = meetings.getString("[0].id");
        String second = meetings.getString("[1].id");
        String place = "/pairings/" + pairingId + "/place";
        given().auth().oauth2(Tokens.participant("place-mentee")).post("/meetings/" + first + "/confirm").then().statusCode(200)
                .body("sequence", equalTo(1)).body("location", nullValue()).body("videoUrl", nullValue());

        // none yet: no ETag, nothing to lose; a stranger and the program's organizer are told there is no such pairing
        Response none = given().auth().oauth2(Tokens.participant("place-mentor")).get(place);
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.header("ETag")).isNull();
        assertThat(none.jsonPath().getString("location")).isNull();
        for (String nobody : List.of(Tokens.participant("place-stranger"), Tokens.admin("olivia"))) {
            given().auth().oauth2(nobody).get(place).then().statusCode(404).contentType(startsWith("application/problem+json"));
            given().auth().oauth2(nobody).contentType(ContentType.JSON).body(Map.of("location", "Mine now")).put(place)
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
        }

        // only an absolute https link, named as the field at fault; one line, at most 200 characters
        for (String bad : List.of("javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "http://zoom.us/j/1",
                "//zoom.us/j/1", "https://", "https://user:pw@zoom.us/j/1", "https://zoom.us/j/1 onclick=x")) {
            given().auth().oauth2(Tokens.participant("place-mentee")).contentType(ContentType.JSON).body(Map.of("videoUrl", bad))
                    .put(place).then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItem("videoUrl"));
        }
        given().auth().oauth2(Tokens.participant("place-mentee")).contentType(ContentType.JSON)
                .body(Map.of("location", "Room 1\r\nX-Injected: yes")).put(place).then().statusCode(400)
                .body("errors.field", hasItem("location"));
        given().auth().oauth2(Tokens.participant("place-mentee")).contentType(ContentType.JSON)
                .body(Map.of("location", "x".repeat(201))).put(place).then().statusCode(400).body("errors.field", hasItem("location"));
        given().auth().oauth2(Tokens.participant("place-mentee")).contentType(ContentType.JSON)
                .body(Map.of("videoUrl", "https://zoom.us/j/" + "1".repeat(490))).put(place).then().statusCode(400)
                .body("errors.field", hasItem("videoUrl"));

        try (TopicReader topic = new TopicReader("mentorship.schedule")) {
            // the mentee sets it first (no If-Match needed: it creates it)
            Response set = given().auth().oauth2(Tokens.participant("place-mentee")).contentType(ContentType.JSON)
                    .body(Map.of("location", ROOM, "videoUrl", ZOOM)).put(place);
            assertThat(set.statusCode()).as(set.asString()).isEqualTo(200);
            assertThat(set.header("ETag")).matches("\"\\d+\"");
            assertThat(set.jsonPath().getString("location")).isEqualTo(ROOM);
            assertThat(set.jsonPath().getString("videoUrl")).isEqualTo(ZOOM);
            assertThat(set.jsonPath().getString("updatedBy")).isEqualTo(Tokens.subject("place-mentee"));
            // from now on a change names the version it changes
            given().auth().oauth2(Tokens.participant("place-mentor")).contentType(ContentType.JSON).body(Map.of("location", "Zoom"))
                    .put(place).then().statusCode(428).body("type", equalTo("/problems/precondition-required"));
            given().auth().oauth2(Tokens.participant("place-mentor")).contentType(ContentType.JSON).header("If-Match", "\"99\"")
                    .body(Map.of("location", "Zoom")).put(place).then().statusCode(412).contentType(startsWith("application/problem+json"));
            given().auth().oauth2(Tokens.participant("place-mentor")).get(place).then().statusCode(200)
                    .header("ETag", equalTo(set.header("ETag"))).body("location", equalTo(ROOM));

            // the confirmed meeting takes it: a new SEQUENCE, the partner told by a MeetingRescheduled at the same time
            given().auth().oauth2(Tokens.participant("place-mentor")).get("/meetings/" + first).then().statusCode(200)
                    .body("location", equalTo(ROOM)).body("videoUrl", equalTo(ZOOM)).body("ownPlace", equalTo(false))
                    .body("sequence", equalTo(2));
            TopicReader.Event moved = topic.await(e -> pairingId.equals(e.key()) && e.type().equals("MeetingRescheduled"), 1, WAIT).get(0);
            EventSchemas.assertValid(SCHEMAS + "MeetingRescheduled.v1.json", moved.data());
            assertThat(moved.data().get("meetingId").asText()).isEqualTo(first);
            assertThat(moved.data().get("previousStartsAt").asText()).isEqualTo(moved.data().get("startsAt").asText());
            assertThat(moved.data().get("location").asText()).isEqualTo(ROOM);
            assertThat(moved.data().get("videoUrl").asText()).isEqualTo(ZOOM);
            assertThat(moved.data().get("sequence").asInt()).isEqualTo(2);
            assertThat(moved.data().get("changedBy").asText()).isEqualTo(Tokens.subject("place-mentee"));

            // its .ics: LOCATION escaped as TEXT (comma, semicolon), URL as it is, the raised SEQUENCE
            String ics = ics(first, "place-mentor");
            assertThat(ics).contains("\r\nLOCATION:Room 4.12\\, Building B\\; 2nd floor\r\n").contains("\r\nURL:" + ZOOM + "\r\n");
            VEvent event = onlyEvent(ics);
            assertThat(value(event, Property.LOCATION)).contains(ROOM);
            assertThat(value(event, Property.URL)).contains(ZOOM);
            assertThat(value(event, Property.SEQUENCE)).contains("2");

            // a meeting with its own place (If-Match: the meeting's ETag); a proposed one tells nobody yet
            given().auth().oauth2(Tokens.participant("place-mentor")).contentType(ContentType.JSON)
                    .body(Map.of("location", "Café Central")).put("/meetings/" + second + "/place").then().statusCode(428);
            given().auth().oauth2(Tokens.participant("place-stranger")).contentType(ContentType.JSON).header("If-Match", "*")
                    .body(Map.of("location", "Café Central")).put("/meetings/" + second + "/place").then().statusCode(404);
            given().auth().oauth2(Tokens.participant("place-mentor")).contentType(ContentType.JSON).header("If-Match", "*")
                    .body(Map.of("videoUrl", "javascript:alert(1)")).put("/meetings/" + second + "/place").then().statusCode(400)
                    .body("errors.field", hasItem("videoUrl"));
            // (the second, proposed, took the pairing's place too: SEQUENCE 1)
            putPlace("place-mentor", second, Map.of("location", "Café Central")).then().statusCode(200)
                    .body("location", equalTo("Café Central")).body("videoUrl", nullValue()).body("ownPlace", equalTo(true))
                    .body("sequence", equalTo(2)).header("ETag", org.hamcrest.Matchers.matchesPattern("\"\\d+\""));

            // the mentor changes the pairing's place: the first meeting follows, the second keeps its own
            Conditional.write(() -> given().auth().oauth2(Tokens.participant("place-mentor")).contentType(ContentType.JSON), "PUT",
                    place, Map.of("location", "Zoom", "videoUrl", "https://zoom.us/j/987")).then().statusCode(200)
                    .body("location", equalTo("Zoom")).body("updatedBy", equalTo(Tokens.subject("place-mentor")));
            JsonPath now = given().auth().oauth2(Tokens.participant("place-mentee")).get("/pairings/" + pairingId + "/meetings")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(now.getString("[0].location")).isEqualTo("Zoom");
            assertThat(now.getString("[0].videoUrl")).isEqualTo("https://zoom.us/j/987");
            assertThat(now.getInt("[0].sequence")).isEqualTo(3);
            assertThat(now.getString("[1].location")).isEqualTo("Café Central");
            assertThat(now.getString("[1].videoUrl")).isNull();
            assertThat(now.getBoolean("[1].ownPlace")).isTrue();
            assertThat(now.getString("[2].location")).isEqualTo("Zoom");
            List<TopicReader.Event> rescheduled = topic.await(e -> pairingId.equals(e.key()) && e.type().equals("MeetingRescheduled"), 2, WAIT);
            assertThat(rescheduled.get(1).data().get("location").asText()).isEqualTo("Zoom");
            assertThat(rescheduled.get(1).data().get("meetingId").asText()).isEqualTo(first);

            // the confirmed meeting's own place: announced to the partner; an empty place takes the pairing's again
            putPlace("place-mentee", first, Map.of("videoUrl", "https://meet.example.org/abc")).then().statusCode(200)
                    .body("location", nullValue()).body("videoUrl", equalTo("https://meet.example.org/abc")).body("sequence", equalTo(4));
            VEvent own = onlyEvent(ics(first, "place-mentee"));
            assertThat(value(own, Property.LOCATION)).contains("https://meet.example.org/abc");
            assertThat(value(own, Property.URL)).contains("https://meet.example.org/abc");
            List<TopicReader.Event> three = topic.await(e -> pairingId.equals(e.key()) && e.type().equals("MeetingRescheduled"), 3, WAIT);
            assertThat(three.get(2).data().has("location")).isFalse();
            assertThat(three.get(2).data().get("videoUrl").asText()).isEqualTo("https://meet.example.org/abc");
            three.forEach(e -> EventSchemas.assertValid(SCHEMAS + "MeetingRescheduled.v1.json", e.data()));
            putPlace("place-mentee", first, Map.of()).then().statusCode(200)
                    .body("location", equalTo("Zoom")).body("ownPlace", equalTo(false)).body("sequence", equalTo(5));
            // its own place, the same as the pairing's: nothing people see changes, nobody is told, no new SEQUENCE
            putPlace("place-mentee", first, Map.of("location", "Zoom", "videoUrl", "https://zoom.us/j/987"))
                    .then().statusCode(200).body("sequence", equalTo(5)).body("ownPlace", equalTo(true));
            assertThat(topic.readFor(java.time.Duration.ofSeconds(2), e -> pairingId.equals(e.key())
                    && e.type().equals("MeetingRescheduled"))).hasSize(4);
        }

        // the member's feed carries the place too
        String url = given().auth().oauth2(Tokens.participant("place-mentee")).post("/me/calendar-feed").then().statusCode(201)
                .extract().path("url");
        URI link = URI.create(url);
        String feed = given().get(link.getPath() + "?" + link.getRawQuery()).then().statusCode(200).extract().asString();
        List<VEvent> feedEvents = new CalendarBuilder().build(new StringReader(feed)).getComponents(Component.VEVENT);
        VEvent secondInFeed = feedEvents.stream().filter(e -> value(e, Property.UID).orElse("").startsWith(second)).findFirst().orElseThrow();
        assertThat(value(secondInFeed, Property.LOCATION)).contains("Café Central");
        assertThat(value(secondInFeed, Property.URL)).isEmpty();
        // and my meetings list
        given().auth().oauth2(Tokens.participant("place-mentee")).queryParam("size", 100).get("/me/meetings").then().statusCode(200)
                .body("items.find { it.id == '" + second + "' }.location", equalTo("Café Central"));
    }

    /** A meeting's own place, with the meeting's ETag as If-Match (read first). */
    private static Response putPlace(String user, String meetingId, Map<String, String> place) {
        String etag = Conditional.etag(given().auth().oauth2(Tokens.participant(user)), "/meetings/" + meetingId);
        return given().auth().oauth2(Tokens.participant(user)).contentType(ContentType.JSON).header("If-Match", etag).body(place)
                .put("/meetings/" + meetingId + "/place");
    }

    private static String ics(String meetingId, String user) {
        return given().auth().oauth2(Tokens.participant(user)).get("/meetings/" + meetingId + ".ics").then().statusCode(200)
                .extract().asString();
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

    private static Optional<String> value(VEvent event, String property) {
        return event.getProperty(property).map(p -> ((Property) p).getValue());
    }
}
