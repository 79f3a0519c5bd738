package dev.mentorship.notification.fanout;

import dev.mentorship.notification.Mailbox;
import dev.mentorship.notification.Mailbox.Mail;
import dev.mentorship.notification.announcement.AnnouncementWorld;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.mentorship.notification.announcement.AnnouncementWorld.await;
import static dev.mentorship.notification.announcement.AnnouncementWorld.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Survey notices (issue 20): SurveyOpened reaches the track's active registrations in its audience and nobody else,
 * SurveyReminder the one person it names, SurveyClosed the program's organizers (inbox, and their daily digest).
 */
@QuarkusTest
class SurveyNoticesTest {

    static AnnouncementWorld w;

    @BeforeEach
    void world() {
        if (w == null) {
            w = AnnouncementWorld.create();
        }
    }

    static List<String> inboxSubjects(String user) {
        return given().auth().oauth2(Tokens.participant(user)).queryParam("size", 200).get("/me/notifications")
                .then().statusCode(200).extract().path("items.subject");
    }

    String survey(String title) {
        return """
                "surveyId": "%s", "programId": "%s", "programName": "ANN 2026", "trackId": "%s", "trackKey": "author",
                "trackKind": "AUTHOR", "trackName": "Author Mentorship", "surveyKey": "feedback", "title": "%s", "anonymous": true"""
                .formatted(UUID.randomUUID(), w.programId, w.author, title);
    }

    @Test
    void anOpenedSurveyReachesTheActiveMenteesOfItsTrackOnly() {
        String title = "Mentee feedback " + UUID.randomUUID();
        try (EventProducer events = new EventProducer()) {
            events.send("mentorship.schedule", w.programId, "SurveyOpened", UUID.randomUUID().toString(), "/test", """
                    {%s, "audience": ["MENTEE"], "questionCount": 4, "opensAt": "2026-01-01T00:00:00Z", "closesAt": "2099-11-21T11:59:59Z",
                     "answerUrl": "https://mentorship.example.org/programs/%s/tracks/%s/surveys/x"}""".formatted(survey(title), w.programId, w.author));
        }
        List<String> told = List.of(w.waiting, w.waitingOptedOut, w.pairedMentee, w.waitedThenPaired, w.late);
        List<Mail> mails = Mailbox.await(m -> m.subject().contains(title), told.size(), Duration.ofSeconds(30));
        assertThat(mails).extracting(m -> m.to().toLowerCase())
                .containsExactlyInAnyOrderElementsOf(told.stream().map(u -> Tokens.email(u).toLowerCase()).toList());
        assertThat(mails.get(0).text()).contains("is open until").contains("(Europe/Berlin)").contains("It has 4 questions")
                .contains("The survey is anonymous").contains("https://mentorship.example.org/programs/" + w.programId);
        for (String user : told) {
            assertThat(inboxSubjects(user)).as(user).filteredOn(s -> s.equals("Survey open: " + title + " (Author Mentorship)")).hasSize(1);
        }
        for (String other : List.of(w.mentor, w.waitedThenWithdrew, w.reviewerWaiting, w.olivia)) {
            assertThat(inboxSubjects(other)).as(other).noneMatch(s -> s.contains(title));
        }
    }

    @Test
    void aReminderReachesTheOnePersonItNames() {
        String title = "Reminded " + UUID.randomUUID();
        try (EventProducer events = new EventProducer()) {
            events.send("mentorship.schedule", w.programId, "SurveyReminder", UUID.randomUUID().toString(), "/test", """
                    {"reminderId": "%s", %s, "lead": "P3D", "closesAt": "2099-11-21T11:59:59Z",
                     "recipient": {"participantId": "%s", "name": "%s Test", "email": "%s", "timeZone": "Europe/Berlin",
                       "localStart": "Saturday, November 21, 2099, 12:59 (Europe/Berlin)"},
                     "answerUrl": "https://mentorship.example.org/programs/%s/tracks/%s/surveys/x"}"""
                    .formatted(UUID.randomUUID(), survey(title), Tokens.subject(w.late), w.late, Tokens.email(w.late), w.programId, w.author));
        }
        List<Mail> mails = Mailbox.await(m -> m.subject().contains(title), 1, Duration.ofSeconds(30));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).to()).isEqualToIgnoringCase(Tokens.email(w.late));
        assertThat(mails.get(0).text()).contains("You have not answered the survey").contains("Saturday, November 21, 2099, 12:59 (Europe/Berlin)");
        await("the reminder in the inbox", () -> inboxSubjects(w.late).stream().anyMatch(s -> s.contains(title)));
        for (String other : List.of(w.waiting, w.pairedMentee, w.mentor)) {
            assertThat(inboxSubjects(other)).as(other).noneMatch(s -> s.contains(title));
        }
        assertThat(Mailbox.all().stream().filter(m -> m.subject().contains(title)).count()).isEqualTo(1);
    }

    @Test
    void aClosedSurveyTellsTheProgramsOrganizersInTheirInboxAndDigest() {
        String title = "Closed " + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (EventProducer events = new EventProducer()) {
            events.send("mentorship.schedule", w.programId, "SurveyClosed", eventId, "/test", """
                    {%s, "closedAt": "2026-01-10T12:00:00Z", "invited": 12, "responded": 7,
                     "resultsUrl": "https://mentorship.example.org/programs/%s/surveys/x/results"}""".formatted(survey(title), w.programId));
        }
        for (String organizer : List.of(w.olivia, w.oscar)) {
            await(organizer + " told", () -> inboxSubjects(organizer).contains("Survey results ready: " + title + " (Author Mentorship)"));
        }
        assertThat(count("select count(*)::text from email_delivery where event_id = '" + eventId + "' and status = 'DIGEST'")).isEqualTo(2);
        assertThat(count("select count(*)::text from email_delivery where event_id = '" + eventId + "'")).isEqualTo(2);
        assertThat(count("select count(*)::text from notification where event_id = '" + eventId + "'")).isEqualTo(2);
        for (String participant : List.of(w.waiting, w.mentor)) {
            assertThat(inboxSubjects(participant)).noneMatch(s -> s.contains(title));
        }
    }
}
