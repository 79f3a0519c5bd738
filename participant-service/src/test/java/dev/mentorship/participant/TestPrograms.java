package dev.mentorship.participant;

import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.StaffEvents;
import dev.mentorship.testing.Tokens;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Programs as schedule-service announces them, sent to the real broker: each test publishes its own program (fresh
 * ids) with tracks in every registration state, and waits until this service has learnt them.
 */
public final class TestPrograms {

    public static final String SOURCE = "/mentorship/schedule-service";
    public static final String CODE_OF_CONDUCT_VERSION = "2025";

    /** A published program's ids: tracks open, late (rolling, past the deadline), closed and not yet open. */
    public record Published(String programId, String author, String lateAuthor, String reviewer, String career,
                            String closed, String notYetOpen) {
    }

    private TestPrograms() {
    }

    public static Published publish() {
        Published p = new Published(id(), id(), id(), id(), id(), id(), id());
        String tracks = String.join(",",
                track(p.author(), "author", "AUTHOR", "[]", "2020-01-01T00:00:00Z", "2099-07-06T11:59:59Z", "2099-09-07T11:59:59Z", true, ""),
                track(p.lateAuthor(), "author-late", "AUTHOR", "[]", "2020-01-01T00:00:00Z", "2020-07-06T11:59:59Z", "2099-09-07T11:59:59Z", true, ""),
                track(p.reviewer(), "reviewer", "REVIEWER", "[]", "2020-01-01T00:00:00Z", "2099-07-06T11:59:59Z", "2099-07-06T11:59:59Z", false, ""),
                track(p.career(), "career", "CAREER", "[\"long-term research plan\", \"healthcare research in industry\", \"work-life balance\"]",
                        "2020-01-01T00:00:00Z", "2099-10-16T11:59:59Z", "2099-10-16T11:59:59Z", false,
                        "\"menteesPerMentorMin\": 3, \"menteesPerMentorMax\": 4,"),
                track(p.closed(), "closed", "REVIEWER", "[]", "2020-01-01T00:00:00Z", "2020-07-06T11:59:59Z", "2020-07-06T11:59:59Z", false, ""),
                track(p.notYetOpen(), "future", "AUTHOR", "[]", "2098-01-01T00:00:00Z", "2099-07-06T11:59:59Z", "2099-07-06T11:59:59Z", false, ""));
        String data = """
                {"programId": "%s", "conference": "ML4H", "name": "ML4H 2099", "timeZone": "AoE",
                 "publishedAt": "2026-01-01T00:00:00Z",
                 "codeOfConduct": {"title": "ML4H Code of Conduct", "version": "%s"},
                 "tracks": [%s]}""".formatted(p.programId(), CODE_OF_CONDUCT_VERSION, tracks);
        try (EventProducer events = new EventProducer()) {
            // olivia organizes it (every grant); tests that need other staff send their own ProgramStaffChanged
            StaffEvents.organizers(events, UUID.fromString(p.programId()), "olivia");
            events.send("mentorship.programs", p.programId(), "ProgramPublished", id(), SOURCE, data);
        }
        awaitTracks(p.programId(), 6);
        awaitOrganizer(p.programId(), p.author(), "olivia");
        return p;
    }

    private static String track(String id, String key, String kind, String topics, String opens, String deadline,
                                String closes, boolean rolling, String extra) {
        String milestones = "CAREER".equals(kind) ? """
                [{"milestoneId": "%s", "key": "one-on-one-week", "name": "1-1 week", "type": "ONE_ON_ONE_WEEK",
                  "window": true, "audience": ["MENTOR", "MENTEE"], "date": "2099-11-22", "endDate": "2099-11-29",
                  "timeZone": "AoE", "dueAt": "2099-11-22T12:00:00Z", "endsAt": "2099-11-30T11:59:59Z",
                  "localRendering": "November 22 - 29, 2099 AoE", "reminders": []}]""".formatted(id()) : "[]";
        return """
                {"trackId": "%s", "key": "%s", "kind": "%s", "name": "%s track", "topics": %s, %s
                 "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "%s", "applicationDeadline": "%s",
                   "closesAt": "%s", "rolling": %s},
                 "milestones": %s}""".formatted(id, key, kind, key, topics, extra, opens, deadline, closes, rolling, milestones);
    }

    /** Waits until this service's staff copy names the person an organizer of the program. */
    public static void awaitOrganizer(String programId, String trackId, String username) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().auth().oauth2(Tokens.organizer(username))
                .get("/programs/" + programId + "/tracks/" + trackId + "/registration-policy").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(username + " never became an organizer of " + programId);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void awaitTracks(String programId, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath page = given().auth().oauth2(Tokens.participant("anna")).queryParam("programId", programId)
                    .when().get("/tracks").then().statusCode(200).extract().jsonPath();
            if (page.getList("items").size() == count) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("participant-service never learnt the tracks of " + programId);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
