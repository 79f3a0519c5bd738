package dev.mentorship.schedule.meeting;

import dev.mentorship.testing.Database;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorship.schedule.MovableClock;
import dev.mentorship.schedule.meeting.service.InactivityWatch;
import dev.mentorship.schedule.program.ProgramFiles;
import dev.mentorship.schedule.reminder.service.ReminderDispatcher;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.EventSchemas;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Conditional;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * An AUTHOR pair nine hours apart (Berlin and Los Angeles in summer): four proposed meetings inside both people's
 * hours and the meeting period; confirming, moving and cancelling with their events and .ics; reminders; the
 * person's feed; inactivity; and a dissolved pairing's meetings cancelled. On the real broker.
 */
@QuarkusTest
class MeetingsTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SCHEMAS = "META-INF/resources/schemas/";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Inject
    MovableClock clock;

    @Inject
    ReminderDispatcher dispatcher;

    @Inject
    InactivityWatch inactivity;

    @AfterEach
    void resetClock() {
        clock.set(MovableClock.START);
    }

    record Program(String id, String authorTrack, Instant periodStart, Instant periodEnd) {
    }

    static Program publishMl4h2025() {
        ObjectNode file = ProgramFiles.load("ml4h-2025");
        String id = given().auth().oauth2(Tokens.admin("olivia")).contentType(ContentType.JSON).body(file.toString())
                .post("/programs").then().statusCode(201).extract().path("id");
        JsonPath program = given().auth().oauth2(Tokens.admin("olivia")).post("/programs/" + id + "/publish")
                .then().statusCode(200).extract().jsonPath();
        String track = program.getString("tracks.find { it.kind == 'AUTHOR' }.trackId");
        Instant start = Instant.parse(program.getString("tracks.find { it.kind == 'AUTHOR' }.milestones.find { it.type == 'MEETING_PERIOD' }.dueAt"));
        Instant end = Instant.parse(program.getString("tracks.find { it.kind == 'AUTHOR' }.milestones.find { it.type == 'MEETING_PERIOD' }.endsAt"));
        return new Program(id, track, start, end);
    }

    static void register(EventProducer events, String user, String programId, String trackId, String role, String zone,
                         String availability) {
        String data = """
                {"participantId": "%s",
                 "participant": {"name": "%s Test", "email": "%s", "affiliation": "Somewhere", "careerStage": "POSTDOC",
                   "timeZone": "%s", "interests": [], "availability": %s},
                 "registration": {"registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                   "role": "%s", "status": "ACTIVE", "late": false, "priority": false, "capacity": null, "answers": {},
                   "oneOnOneAvailabilityUtc": [], "codeOfConductVersion": "2025",
                   "registeredAt": "2025-06-01T00:00:00Z", "updatedAt": "2025-06-01T00:00:00Z"}}"""
                .formatted(Tokens.subject(user), user, Tokens.email(user), zone, availability, UUID.randomUUID(), programId, trackId, role);
        events.send("mentorship.participants", Tokens.subject(user), "ParticipantRegistered", UUID.randomUUID().toString(),
                "/mentorship/participant-service", data);
    }

    static String pair(EventProducer events, String programId, String trackId, String mentor, String mentee) {
        String pairingId = UUID.randomUUID().toString();
        String data = """
                {"pairingId": "%s", "runId": null, "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "source": "RUN",
                 "mentor": {"participantId": "%s", "registrationId": "%s", "name": "%s Test", "email": "%s", "timeZone": "Europe/Berlin"},
                 "mentee": {"participantId": "%s", "registrationId": "%s", "name": "%s Test", "email": "%s", "timeZone": "America/Los_Angeles"},
                 "score": 0.5, "explanation": {"score": 0.5, "rules": [], "summary": "test"}, "createdAt": "2025-06-01T00:00:00Z"}"""
                .formatted(pairingId, programId, trackId, Tokens.subject(mentor), UUID.randomUUID(), mentor, Tokens.email(mentor),
                        Tokens.subject(mentee), UUID.randomUUID(), mentee, Tokens.email(mentee));
        events.send("mentorship.pairings", trackId, "PairingCreated", UUID.randomUUID().toString(), "/mentorship/matching-service", data);
        return pairingId;
    }

    static final String WEEKDAYS_BERLIN_AFTERNOON = weekdays("16:00", "20:00");
    static final String WEEKDAYS_LA_MORNING = weekdays("08:00", "12:00");

    static String weekdays(String from, String to) {
        StringBuilder json = new StringBuilder("[");
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            json.append(json.length() > 1 ? "," : "").append("{\"day\": \"").append(day).append("\", \"from\": \"").append(from)
                    .append("\", \"to\": \"").append(to).append("\"}");
        }
        return json.append("]").toString();
    }

    static JsonPath awaitMeetings(String pairingId, String user, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var response = given().auth().oauth2(Tokens.participant(user)).get("/pairings/" + pairingId + "/meetings");
            if (response.statusCode() == 200 && response.jsonPath().getList("").size() == count) {
                return response.jsonPath();
            }
            sleep(100);
        }
        throw new AssertionError("The meetings of " + pairingId + " never came");
    }

    @Test
    void anAuthorPairNineHoursApartGetsFourMeetingsInsideBothTheirHoursAndTheMeetingPeriod() throws Throwable {
        Program program = publishMl4h2025();
        String mentor = "meet-mentor-berlin";
        String mentee = "meet-mentee-la";
        String pairingId;
        try (EventProducer events = new EventProducer()) {
            register(events, mentor, program.id(), program.authorTrack(), "MENTOR", "Europe/Berlin", WEEKDAYS_BERLIN_AFTERNOON);
            register(events, mentee, program.id(), program.authorTrack(), "MENTEE", "America/Los_Angeles", WEEKDAYS_LA_MORNING);
            sleep(1500); // people before pairings, as in real life
            pairingId = pair(events, program.id(), program.authorTrack(), mentor, mentee);
        }
        JsonPath meetings = awaitMeetings(pairingId, mentee, 4);
        List<Map<String, Object>> list = meetings.getList("");
        for (Map<String, Object> meeting : list) {
            assertThat(meeting.get("status")).isEqualTo("PROPOSED");
            Instant start = Instant.parse((String) meeting.get("startsAt"));
            Instant end = Instant.parse((String) meeting.get("endsAt"));
            assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(1));
            assertThat(start).isAfterOrEqualTo(program.periodStart());
            assertThat(end).isBeforeOrEqualTo(program.periodEnd());
            ZonedDateTime berlin = start.atZone(BERLIN);
            ZonedDateTime la = start.atZone(LOS_ANGELES);
            assertThat(berlin.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(la.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(berlin.toLocalTime()).isBetween(LocalTime.of(16, 0), LocalTime.of(19, 0));
            assertThat(la.toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(11, 0));
        }
        // bi-weekly: about two weeks apart, in order
        for (int i = 1; i < list.size(); i++) {
            Instant previous = Instant.parse((String) list.get(i - 1).get("startsAt"));
            Instant next = Instant.parse((String) list.get(i).get("startsAt"));
            assertThat(Duration.between(previous, next)).isBetween(Duration.ofDays(10), Duration.ofDays(18));
        }
        given().auth().oauth2(Tokens.participant("meet-stranger")).get("/pairings/" + pairingId + "/meetings").then().statusCode(404);
        // an admin who is not on the program's staff is nobody here either
        given().auth().oauth2(Tokens.admin("meet-admin")).get("/pairings/" + pairingId + "/meetings").then().statusCode(404);
        given().auth().oauth2(Tokens.admin("olivia")).get("/pairings/" + pairingId + "/meetings").then().statusCode(200);

        String first = list.get(0).get("id").toString();
        Instant firstStart = Instant.parse((String) list.get(0).get("startsAt"));
        given().auth().oauth2(Tokens.participant("meet-stranger")).post("/meetings/" + first + "/confirm").then().statusCode(404);
        given().auth().oauth2(Tokens.participant(mentee)).post("/meetings/" + first + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("sequence", equalTo(1));
        VEvent confirmed = onlyEvent(ics(first, mentor));
        assertThat(value(confirmed, Property.DTSTART)).isEqualTo(utc(firstStart));
        assertThat(value(confirmed, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(confirmed, Property.UID)).isEqualTo(first + "@meetings.mentorship");
        assertThat(value(confirmed, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(new CalendarBuilder().build(new StringReader(ics(first, mentor))).getProperty(Property.METHOD)
                .map(p -> ((Property) p).getValue()).orElseThrow()).isEqualTo("REQUEST");

        Instant moved = firstStart.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30));
        Conditional.write(() -> given().auth().oauth2(Tokens.participant(mentor)).contentType(ContentType.JSON), "PATCH",
                "/meetings/" + first, Map.of("startsAt", moved.toString())).then().statusCode(200).body("sequence", equalTo(2));
        VEvent rescheduled = onlyEvent(ics(first, mentee));
        assertThat(value(rescheduled, Property.DTSTART)).isEqualTo(utc(moved));
        assertThat(value(rescheduled, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(rescheduled, Property.UID)).isEqualTo(first + "@meetings.mentorship");

        try (TopicReader topic = new TopicReader("mentorship.schedule")) {
            List<TopicReader.Event> events = topic.await(of(pairingId, null), 2, WAIT);
            assertThat(events).extracting(TopicReader.Event::type).containsExactly("MeetingScheduled", "MeetingRescheduled");
            events.forEach(e -> EventSchemas.assertValid(SCHEMAS + e.type() + ".v1.json", e.data()));
            assertThat(events.get(0).data().get("startsAt").asText()).isEqualTo(firstStart.toString());
            assertThat(events.get(0).data().at("/mentor/email").asText()).isEqualTo(Tokens.email(mentor));
            assertThat(events.get(0).data().at("/mentee/localStart").asText()).contains("(America/Los_Angeles)");
            assertThat(events.get(1).data().get("previousStartsAt").asText()).isEqualTo(firstStart.toString());
            assertThat(events.get(1).data().get("sequence").asInt()).isEqualTo(2);

            // the draft is due three days before, the meeting reminder comes the day before
            clock.set(moved.minus(Duration.ofDays(3)).plusSeconds(60));
            VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatchDue());
            clock.set(moved.minus(Duration.ofDays(1)).plusSeconds(60));
            VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatchDue());
            List<TopicReader.Event> reminders = topic.await(of(pairingId, null), 4, WAIT);
            assertThat(reminders).extracting(TopicReader.Event::type)
                    .containsExactly("MeetingScheduled", "MeetingRescheduled", "DraftReminder", "MeetingApproaching");
            reminders.forEach(e -> EventSchemas.assertValid(SCHEMAS + e.type() + ".v1.json", e.data()));

            // the second meeting is cancelled
            String second = list.get(1).get("id").toString();
            given().auth().oauth2(Tokens.participant(mentor)).post("/meetings/" + second + "/confirm").then().statusCode(200);
            given().auth().oauth2(Tokens.participant(mentee)).contentType(ContentType.JSON).body(Map.of("reason", "conference travel"))
                    .post("/meetings/" + second + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
            VEvent cancelled = onlyEvent(ics(second, mentee));
            assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
            List<TopicReader.Event> all = topic.await(of(pairingId, null), 6, WAIT);
            assertThat(all.get(5).type()).isEqualTo("MeetingCancelled");
            EventSchemas.assertValid(SCHEMAS + "MeetingCancelled.v1.json", all.get(5).data());
        }

        // the mentee's feed: their meetings and the deadlines that concern mentees of the author track
        String url = given().auth().oauth2(Tokens.participant(mentee)).post("/me/calendar-feed").then().statusCode(201)
                .extract().path("url");
        URI link = URI.create(url);
        String feed = given().get(link.getPath() + "?" + link.getRawQuery()).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> feedEvents = calendar.getComponents(Component.VEVENT);
        List<String> uids = feedEvents.stream().map(e -> value(e, Property.UID)).toList();
        assertThat(uids).contains(first + "@meetings.mentorship");
        List<String> summaries = feedEvents.stream().map(e -> value(e, Property.SUMMARY)).toList();
        assertThat(summaries).anySatisfy(s -> assertThat(s).contains("Mentees reach out and arrange the first meeting"));
        assertThat(summaries).noneSatisfy(s -> assertThat(s).contains("Reviewer Mentorship"));
        // a new link revokes the old one; revoking leaves none
        String second = given().auth().oauth2(Tokens.participant(mentee)).post("/me/calendar-feed").then().statusCode(201).extract().path("url");
        given().get(link.getPath() + "?" + link.getRawQuery()).then().statusCode(404);
        given().auth().oauth2(Tokens.participant(mentee)).delete("/me/calendar-feed").then().statusCode(204);
        URI secondLink = URI.create(second);
        given().get(secondLink.getPath() + "?" + secondLink.getRawQuery()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aQuietPairingIsReportedInactiveOnceAndADissolvedOnesMeetingsAreCancelled() throws Throwable {
        Program program = publishMl4h2025();
        String pairingId;
        try (EventProducer events = new EventProducer()) {
            register(events, "quiet-mentor", program.id(), program.authorTrack(), "MENTOR", "Europe/Berlin", WEEKDAYS_BERLIN_AFTERNOON);
            register(events, "quiet-mentee", program.id(), program.authorTrack(), "MENTEE", "America/Los_Angeles", WEEKDAYS_LA_MORNING);
            sleep(1500);
            pairingId = pair(events, program.id(), program.authorTrack(), "quiet-mentor", "quiet-mentee");
        }
        JsonPath meetings = awaitMeetings(pairingId, "quiet-mentee", 4);
        String last = meetings.getString("[3].id");
        given().auth().oauth2(Tokens.participant("quiet-mentor")).post("/meetings/" + last + "/confirm").then().statusCode(200);

        try (TopicReader topic = new TopicReader("mentorship.schedule")) {
            // paired on June 1, but the meeting period begins on July 18: three weeks into June the pair could not
            // have met yet, so nobody is told they have not
            clock.set(MovableClock.START.plus(Duration.ofDays(22)));
            VertxContextSupport.subscribeAndAwait(() -> inactivity.check());
            assertThat(topic.readFor(Duration.ofSeconds(2), of(pairingId, "PairingInactive"))).isEmpty();
            // 22 days into the period: quiet for 22 days, counted from the period's start; said once
            clock.set(program.periodStart().plus(Duration.ofDays(22)));
            VertxContextSupport.subscribeAndAwait(() -> inactivity.check());
            VertxContextSupport.subscribeAndAwait(() -> inactivity.check());
            List<TopicReader.Event> inactive = topic.await(of(pairingId, "PairingInactive"), 1, WAIT);
            assertThat(topic.readFor(Duration.ofSeconds(1), of(pairingId, "PairingInactive"))).hasSize(1);
            EventSchemas.assertValid(SCHEMAS + "PairingInactive.v1.json", inactive.get(0).data());
            assertThat(inactive.get(0).data().get("inactiveDays").asLong()).isEqualTo(22);
            assertThat(inactive.get(0).data().get("lastActivityAt").asText()).isEqualTo(program.periodStart().toString());
            // after the period nobody is nudged, however long the pair stays quiet
            clock.set(program.periodEnd().plus(Duration.ofDays(30)));
            VertxContextSupport.subscribeAndAwait(() -> inactivity.check());
            assertThat(topic.readFor(Duration.ofSeconds(2), of(pairingId, "PairingInactive"))).hasSize(1);
            clock.set(program.periodStart().plus(Duration.ofDays(22)));

            try (EventProducer events = new EventProducer()) {
                events.send("mentorship.pairings", program.authorTrack(), "PairingDissolved", UUID.randomUUID().toString(),
                        "/mentorship/matching-service", """
                                {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                                 "mentorId": "%s", "menteeId": "%s", "reason": "ORGANIZER", "dissolvedAt": "2025-06-23T00:00:00Z"}"""
                                .formatted(pairingId, program.id(), program.authorTrack(), Tokens.subject("quiet-mentor"),
                                        Tokens.subject("quiet-mentee")));
            }
            TopicReader.Event cancelled = topic.await(of(pairingId, "MeetingCancelled"), 1, WAIT).get(0);
            assertThat(cancelled.data().get("meetingId").asText()).isEqualTo(last);
        }
        given().auth().oauth2(Tokens.participant("quiet-mentee")).get("/pairings/" + pairingId + "/meetings").then().statusCode(200)
                .body("status", equalTo(List.of("CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED")));
        // frozen: nobody confirms or moves a meeting of a dissolved pairing back into anyone's calendar
        String first = meetings.getString("[0].id");
        for (String member : List.of("quiet-mentor", "quiet-mentee")) {
            given().auth().oauth2(Tokens.participant(member)).post("/meetings/" + first + "/confirm").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("pairing has ended"));
            Conditional.write(() -> given().auth().oauth2(Tokens.participant(member)).contentType(ContentType.JSON), "PATCH",
                    "/meetings/" + first, Map.of("startsAt", MovableClock.START.plus(Duration.ofDays(40)).toString()))
                    .then().statusCode(409).contentType("application/problem+json");
        }
    }

    @Test
    void whenTheTrackEndsWhatCouldStillHappenIsCancelledAndWhatMayHaveBeenHeldStays() throws Throwable {
        Program program = publishMl4h2025();
        String pairingId;
        try (EventProducer events = new EventProducer()) {
            register(events, "ending-mentor", program.id(), program.authorTrack(), "MENTOR", "Europe/Berlin", WEEKDAYS_BERLIN_AFTERNOON);
            register(events, "ending-mentee", program.id(), program.authorTrack(), "MENTEE", "America/Los_Angeles", WEEKDAYS_LA_MORNING);
            sleep(1500);
            pairingId = pair(events, program.id(), program.authorTrack(), "ending-mentor", "ending-mentee");
        }
        JsonPath meetings = awaitMeetings(pairingId, "ending-mentee", 4);
        String first = meetings.getString("[0].id");
        String last = meetings.getString("[3].id");
        for (String id : List.of(first, last)) {
            given().auth().oauth2(Tokens.participant("ending-mentor")).post("/meetings/" + id + "/confirm").then().statusCode(200);
        }
        // after the first meeting's time, the track's part of the program ends (matching-service's PairingEnded)
        clock.set(Instant.parse(meetings.getString("[0].startsAt")).plus(Duration.ofHours(2)));
        try (TopicReader topic = new TopicReader("mentorship.schedule"); EventProducer events = new EventProducer()) {
            events.send("mentorship.pairings", program.authorTrack(), "PairingEnded", UUID.randomUUID().toString(),
                    "/mentorship/matching-service", """
                            {"pairingId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                             "mentor": {"participantId": "%s", "registrationId": "%s", "name": "ending-mentor Test", "email": "%s", "timeZone": "Europe/Berlin"},
                             "mentee": {"participantId": "%s", "registrationId": "%s", "name": "ending-mentee Test", "email": "%s", "timeZone": "America/Los_Angeles"},
                             "endedAt": "%s"}"""
                            .formatted(pairingId, program.id(), program.authorTrack(), Tokens.subject("ending-mentor"), UUID.randomUUID(),
                                    Tokens.email("ending-mentor"), Tokens.subject("ending-mentee"), UUID.randomUUID(),
                                    Tokens.email("ending-mentee"), clock.instant()));
            // the confirmed meeting still ahead is called off, with its calendar entry; nothing else is announced
            TopicReader.Event cancelled = topic.await(of(pairingId, "MeetingCancelled"), 1, WAIT).get(0);
            assertThat(cancelled.data().get("meetingId").asText()).isEqualTo(last);
            assertThat(topic.readFor(Duration.ofSeconds(1), of(pairingId, "MeetingCancelled"))).hasSize(1);
        }
        given().auth().oauth2(Tokens.participant("ending-mentee")).get("/pairings/" + pairingId + "/meetings").then().statusCode(200)
                .body("status", equalTo(List.of("CONFIRMED", "CANCELLED", "CANCELLED", "CANCELLED")));
        // the first may well have taken place: its members can still say so; nothing can be confirmed any more
        given().auth().oauth2(Tokens.participant("ending-mentee")).post("/meetings/" + first + "/held").then().statusCode(200)
                .body("status", equalTo("HELD"));
        given().auth().oauth2(Tokens.participant("ending-mentee")).post("/meetings/" + meetings.getString("[1].id") + "/confirm")
                .then().statusCode(409).contentType("application/problem+json");
        // and nobody is nudged about an ended pairing, even deep into the meeting period
        clock.set(program.periodStart().plus(Duration.ofDays(30)));
        try (TopicReader topic = new TopicReader("mentorship.schedule")) {
            VertxContextSupport.subscribeAndAwait(() -> inactivity.check());
            assertThat(topic.readFor(Duration.ofSeconds(2), of(pairingId, "PairingInactive"))).isEmpty();
        }
    }

    @Test
    void anErasedMemberLeavesNoDataHereAndTheirPartnerIsToldTheMeetingIsOff() throws Throwable {
        Program program = publishMl4h2025();
        String pairingId;
        try (EventProducer events = new EventProducer()) {
            register(events, "gone-mentor", program.id(), program.authorTrack(), "MENTOR", "Europe/Berlin", WEEKDAYS_BERLIN_AFTERNOON);
            register(events, "gone-mentee", program.id(), program.authorTrack(), "MENTEE", "America/Los_Angeles", WEEKDAYS_LA_MORNING);
            sleep(1500);
            pairingId = pair(events, program.id(), program.authorTrack(), "gone-mentor", "gone-mentee");
        }
        String first = awaitMeetings(pairingId, "gone-mentee", 4).getString("[0].id");
        given().auth().oauth2(Tokens.participant("gone-mentee")).post("/meetings/" + first + "/confirm").then().statusCode(200);
        given().auth().oauth2(Tokens.participant("gone-mentee")).post("/me/calendar-feed").then().statusCode(201);
        String subject = Tokens.subject("gone-mentee");
        try (EventProducer events = new EventProducer(); TopicReader topic = new TopicReader("mentorship.schedule")) {
            events.send("mentorship.participants", subject, "ParticipantErased", UUID.randomUUID().toString(),
                    "/mentorship/participant-service", "{\"participantId\": \"" + subject + "\", \"erasedAt\": \"2025-06-02T00:00:00Z\"}");
            TopicReader.Event cancelled = topic.await(of(pairingId, "MeetingCancelled"), 1, WAIT).get(0);
            assertThat(cancelled.data().get("meetingId").asText()).isEqualTo(first);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> left = Database.rowsMentioning(subject, Tokens.email("gone-mentee"), "gone-mentee Test");
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            sleep(200);
            left = Database.rowsMentioning(subject, Tokens.email("gone-mentee"), "gone-mentee Test");
        }
        assertThat(left).as("rows about the erased mentee").isEmpty();
    }

    private static String ics(String meetingId, String user) {
        return given().auth().oauth2(Tokens.participant(user)).get("/meetings/" + meetingId + ".ics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();
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

    private static String utc(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    private static Predicate<TopicReader.Event> of(String pairingId, String type) {
        return e -> pairingId.equals(e.key()) && (type == null || type.equals(e.type()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
