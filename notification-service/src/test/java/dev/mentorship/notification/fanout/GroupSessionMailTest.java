package dev.mentorship.notification.fanout;

import dev.mentorship.notification.Mailbox;
import dev.mentorship.notification.Mailbox.Mail;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.ProducerContracts;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static dev.mentorship.notification.fanout.NotificationFlowTest.awaitProgramKnown;
import static dev.mentorship.notification.fanout.NotificationFlowTest.to;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group sessions are sessions: GroupSessionApproaching tells the one person it names, in their own time zone, when the
 * session they joined starts, how long it lasts and where to join (its event attached, with schedule-service's UID), or,
 * when they have chosen none yet, which sessions they may choose from.
 */
@QuarkusTest
class GroupSessionMailTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    private static final String EVENT = """
            {"reminderId": "%s", "notice": "%s", "programId": "%s", "programName": "ML4H Test", "trackId": "%s",
             "trackKey": "author", "trackKind": "AUTHOR", "trackName": "Author Mentorship", "milestoneId": "%s",
             "milestoneKey": "group-session", "milestoneName": "Group mentoring session", "lead": "%s",
             "recipient": {"participantId": "%s", "name": "%s Test", "email": "%s", "timeZone": null, "localStart": null},
             "sessions": [%s], "chooseUrl": "http://127.0.0.1:8083/programs/x/tracks/y/group-sessions"}""";

    private static final String SESSION = """
            {"sessionId": "%s", "key": "%s", "startsAt": "%s", "endsAt": "%s", "durationMinutes": 60, "onlineUrl": %s,
             "capacity": 60, "seatsLeft": %d, "localStart": null, "icsUid": "%s@group-sessions.mentorship", "sequence": 2,
             "icsUrl": "http://127.0.0.1:8083/programs/x/tracks/y/group-sessions/%s.ics"}""";

    /** Sends the event, once it is valid against schedule-service's schema (the producer's contract). */
    private static void send(Events events, String data) {
        ProducerContracts.assertValid("GroupSessionApproaching", data);
        events.send("mentorship.schedule", events.programId, "GroupSessionApproaching", data);
    }

    private static String session(String id, String key, String startsAt, String endsAt, String url, int seatsLeft) {
        return SESSION.formatted(id, key, startsAt, endsAt, url == null ? "null" : "\"" + url + "\"", seatsLeft, id, id);
    }

    @Test
    void theSessionsStartLengthAndLinkAreMailedInTheReadersTimeZoneWithTheSessionAttached() {
        String joined = "gsm-joined";
        String undecided = "gsm-undecided";
        try (Events events = new Events()) {
            events.programPublished();
            awaitProgramKnown(events.programId);
            events.registered(joined, events.author, "AUTHOR", "MENTEE", "Asia/Tokyo", false);
            events.registered(undecided, events.author, "AUTHOR", "MENTOR", "Europe/Berlin", false);
            // the registrations and the reminders come on different topics: the contacts must be read first
            for (String user : java.util.List.of(joined, undecided)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!Database.query("select count(*)::text from contact where participant_id = '" + Tokens.subject(user) + "'")
                        .equals(java.util.List.of("1"))) {
                    assertThat(System.nanoTime()).as(user + "'s contact never arrived").isLessThan(deadline);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                }
            }
            String milestone = UUID.randomUUID().toString();
            String early = UUID.randomUUID().toString();
            String late = UUID.randomUUID().toString();
            String earlySession = session(early, "afternoon-utc", "2099-11-21T14:00:00Z", "2099-11-21T15:00:00Z",
                    "https://zoom.example/j/5?pwd=a,b", 12);
            String lateSession = session(late, "evening-utc", "2099-11-21T20:00:00Z", "2099-11-21T21:00:00Z", null, 1);

            // STARTS, to the person who joined: the contact this service keeps gives their zone (the event names none)
            send(events, EVENT.formatted(UUID.randomUUID(),
                    "STARTS", events.programId, events.author, milestone, "P1D", Tokens.subject(joined), joined,
                    Tokens.email(joined), earlySession));
            Mail reminder = Mailbox.await(to(joined, "Group mentoring session"), 1, WAIT).get(0);
            assertThat(reminder.subject()).startsWith("In 1 day: Group mentoring session");
            assertThat(reminder.text()).contains("Saturday, November 21, 2099, 23:00 (Asia/Tokyo)")
                    .contains("It lasts 60 minutes").contains("https://zoom.example/j/5?pwd=a,b");
            assertThat(reminder.calendar()).contains("UID:" + early + "@group-sessions.mentorship").contains("SEQUENCE:2")
                    .contains("DTSTART:20991121T140000Z").contains("DTEND:20991121T150000Z")
                    .contains("URL:https://zoom.example/j/5?pwd=a,b").contains("LOCATION:https://zoom.example/j/5?pwd=a\\,b");

            // CHOOSE, to the person who has not chosen: every session with its seats left, in Berlin time; nothing attached
            send(events, EVENT.formatted(UUID.randomUUID(),
                    "CHOOSE", events.programId, events.author, milestone, "P3D", Tokens.subject(undecided), undecided,
                    Tokens.email(undecided), earlySession + ", " + lateSession));
            Mail choose = Mailbox.await(to(undecided, "Choose your session"), 1, WAIT).get(0);
            assertThat(choose.text()).contains("held in 2 sessions").contains("the first starts in 3 days")
                    .contains("welcome to join more than one")
                    .contains("Session afternoon-utc: Saturday, November 21, 2099, 15:00 (Europe/Berlin), 60 minutes, 12 seats left")
                    .contains("Session evening-utc: Saturday, November 21, 2099, 21:00 (Europe/Berlin), 60 minutes, 1 seat left");
            assertThat(choose.calendar()).isNull();

            // a link that is not https is never passed on; the mail says it is still to be announced
            send(events, EVENT.formatted(UUID.randomUUID(),
                    "STARTS", events.programId, events.author, milestone, "PT1H", Tokens.subject(joined), joined,
                    Tokens.email(joined), session(late, "evening-utc", "2099-11-21T20:00:00Z", "2099-11-21T21:00:00Z",
                            "javascript:alert(1)", 1)));
            Mail hour = Mailbox.await(to(joined, "In 1 hour: Group mentoring session"), 1, WAIT).get(0);
            assertThat(hour.text()).contains("Sunday, November 22, 2099, 05:00 (Asia/Tokyo)")
                    .contains("the link to join follows when the organizers announce it").doesNotContain("javascript");
            assertThat(hour.calendar()).contains("LOCATION:Online").doesNotContain("URL:");
        }
    }
}
