package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.mentorship.e2e.SeasonEndToEndTest.AOE;
import static dev.mentorship.e2e.SeasonEndToEndTest.WAIT;
import static dev.mentorship.e2e.SeasonEndToEndTest.awaitJson;
import static dev.mentorship.e2e.SeasonEndToEndTest.awaitTrue;
import static dev.mentorship.e2e.SeasonEndToEndTest.expect;
import static dev.mentorship.e2e.SeasonEndToEndTest.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Organizers run and learn from a season (issue 20), on the whole stack: an author track whose anonymous feedback
 * survey closes eight minutes after the program is published. Three of its eight people answer; the survey's reminder
 * reaches only the five others (events and mails); at the close the results are frozen and, three being fewer than
 * five, every aggregate is hidden. The organizer writes to the track's waitlisted mentees (preview, then delivery:
 * they get it, nobody else does). Finally each service's program report gives the figures counted here independently
 * from the run's events, mails and API answers, as JSON and as CSV.
 */
class SeasonReviewTest {

    final String run = UUID.randomUUID().toString().substring(0, 6);

    record Person(String username, String role, String participantId) {
        String email() {
            return username + "@mentorship.test";
        }
    }

    @Test
    void surveysAnnouncementsAndTheProgramReport() throws Exception {
        assumeFalse(Boolean.getBoolean("e2e.skip"), "skipped with -De2e.skip");
        Stack.up();
        String olivia = Keycloak.token("olivia");
        // the survey closes at the first whole minute at least eight minutes away (AoE); its one reminder five minutes before
        Instant close = Instant.now().plus(Duration.ofMinutes(8)).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        LocalDateTime local = LocalDateTime.ofInstant(close, AOE);
        LocalDate day = local.toLocalDate();
        String programName = "ML4H review " + run;
        Map<String, Object> survey = Map.of("key", "feedback", "title", "Author mentorship feedback", "anonymous", true,
                "description", "A brief survey on the program's effectiveness, with suggestions for improving future editions.",
                "audience", List.of("MENTEE", "MENTOR"), "opensWith", "survey-period", "closesWith", "survey",
                "questions", List.of(
                        Map.of("key", "useful", "text", "How useful was the mentorship for your paper?", "type", "RATING", "required", true),
                        Map.of("key", "again", "text", "Would you take part again?", "type", "SINGLE",
                                "options", List.of("Yes", "No", "Not sure"), "required", false),
                        Map.of("key", "suggestions", "text", "What should we improve?", "type", "TEXT", "required", false)));
        Map<String, Object> program = Map.of(
                "conference", programName, "name", programName, "timeZone", "AoE",
                "codeOfConduct", Map.of("title", "ML4H Code of Conduct", "version", "2025"),
                "tracks", List.of(Map.of("key", "author", "kind", "AUTHOR", "name", "Author Mentorship", "rolling", false,
                        "topics", List.of(),
                        "milestones", List.of(
                                // applications still open; pairs meet from yesterday on; the survey window opened the day
                                // before yesterday (so it is open at publish) and closes at `close`
                                milestone("application-deadline", "Application deadline", "APPLICATION_DEADLINE", day.plusDays(7), null, null, List.of()),
                                milestone("meeting-period", "Bi-weekly mentorship meetings", "MEETING_PERIOD", day.minusDays(1), day.plusDays(29), null, List.of()),
                                milestone("submission-deadline", "Paper submission deadline", "SUBMISSION_DEADLINE", day.plusDays(30), null, null, List.of()),
                                milestone("survey-period", "Program survey open", "SURVEY_PERIOD", day.minusDays(2), day.minusDays(1), null, List.of()),
                                milestone("survey", "Program survey", "SURVEY_DUE", day, null,
                                        local.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")), List.of("PT5M"))),
                        "surveys", List.of(survey))));
        try (Topics topics = new Topics()) {
            String programId = expect(Http.post(Stack.SCHEDULE + "/programs", olivia, program), 201).get("id").asText();
            JsonNode published = expect(Http.post(Stack.SCHEDULE + "/programs/" + programId + "/publish", olivia, null), 200);
            String track = published.get("tracks").get(0).get("trackId").asText();
            Topics.Event opened = topics.await(e -> "SurveyOpened".equals(e.type()) && programId.equals(e.data().path("programId").asText()), 1, WAIT).get(0);
            Contracts.assertValid("SurveyOpened", opened.data());
            String surveyId = opened.data().get("surveyId").asText();

            // --- three mentors (one place each) and five mentees register
            List<Person> people = new ArrayList<>();
            String reg = Stack.PARTICIPANTS + "/programs/" + programId + "/tracks/" + track + "/registrations";
            String first = "review-mentor-" + run + "-1";
            Keycloak.user(first, "Rita", "Reviewmentor");
            awaitTrue(() -> Http.get(Stack.PARTICIPANTS + "/tracks?programId=" + programId, Keycloak.token(first)).json().get("total").asInt() == 1,
                    "participant-service never learnt the track");
            for (int i = 1; i <= 8; i++) {
                String role = i <= 3 ? "MENTOR" : "MENTEE";
                String username = "review-" + role.toLowerCase() + "-" + run + "-" + i;
                Keycloak.user(username, i <= 3 ? "Rita" : "Remy", "Review" + role.toLowerCase() + i);
                Map<String, Object> answers = i <= 3 ? Map.of("expertise", List.of("causal inference"), "capacity", 1)
                        : SeasonEndToEndTest.authorMentee();
                String token = Keycloak.token(username);
                expect(Http.post(reg, token, registration(role, answers, "Europe/Berlin")), 201);
                people.add(new Person(username, role, TwoConferencesTest.subject(token)));
            }
            List<Topics.Event> registrations = topics.await(e -> "ParticipantRegistered".equals(e.type())
                    && programId.equals(e.data().at("/registration/programId").asText()), 8, WAIT);

            // --- three answer the anonymous survey (two mentees, one mentor); the five others do not
            List<Person> respondents = List.of(people.get(0), people.get(3), people.get(4));
            String surveys = Stack.SCHEDULE + "/programs/" + programId + "/tracks/" + track + "/surveys";
            int rating = 3;
            for (Person p : respondents) {
                String token = Keycloak.token(p.username());
                awaitTrue(() -> Http.get(surveys, token).status() == 200 && Http.get(surveys, token).body().contains(surveyId),
                        "schedule-service never learnt " + p.username() + "'s registration");
                JsonNode receipt = expect(Http.put(surveys + "/" + surveyId + "/answers", token, answers(rating++, "Yes", "More structure")), 201);
                assertThat(receipt.path("receipt").asText()).as("an anonymous answer's receipt").isNotBlank();
            }
            JsonNode mine = expect(Http.get(surveys, Keycloak.token(people.get(0).username())), 200);
            assertThat(mine.toString()).contains("\"answered\":true");
            Http.Response twice = Http.put(surveys + "/" + surveyId + "/answers", Keycloak.token(people.get(0).username()), answers(5, "No", null));
            assertThat(twice.status()).as("an anonymous answer is changed only with its receipt").isEqualTo(409);
            Http.Response outOfRange = Http.put(surveys + "/" + surveyId + "/answers", Keycloak.token(people.get(5).username()), answers(6, "Yes", null));
            assertThat(outOfRange.status()).isEqualTo(400);
            assertThat(outOfRange.contentType()).startsWith("application/problem+json");
            // an organizer sees nothing of an anonymous survey before it closes
            assertThat(Http.get(Stack.SCHEDULE + "/programs/" + programId + "/surveys/" + surveyId + "/results", olivia).status()).isEqualTo(409);

            // --- matching: three pairs, two mentees wait
            String runs = Stack.MATCHING + "/programs/" + programId + "/tracks/" + track + "/matching-runs";
            JsonNode proposal = awaitJson(() -> {
                Http.Response draft = Http.post(runs, olivia, null);
                return draft.status() == 201 ? draft.json() : Http.JSON.createObjectNode();
            }, p -> p.at("/report/matched").asInt() == 3 && p.at("/report/unmatched").asInt() == 2, "matching-service never saw all eight");
            expect(Http.post(Stack.MATCHING + "/matching-runs/" + proposal.get("id").asText() + "/publish", olivia, null), 200);
            List<Topics.Event> pairings = topics.await(e -> "PairingCreated".equals(e.type()) && programId.equals(e.data().path("programId").asText()), 3, WAIT);
            List<Topics.Event> waitlisted = topics.await(e -> "MenteeWaitlisted".equals(e.type()) && programId.equals(e.data().path("programId").asText()), 2, WAIT);
            Set<String> waiting = waitlisted.stream().map(e -> e.data().at("/mentee/participantId").asText()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(waiting).hasSize(2);

            // --- the organizer writes to the track's waitlisted mentees: a preview, then the announcement; only they get it
            Map<String, Object> announcement = Map.of("subject", "While you wait: ML4H office hours " + run,
                    "body", "Dear mentee,\n\nwhile you wait for a mentor, join our office hours on Thursday.\n\nThe ML4H mentorship chairs",
                    "audience", Map.of("trackId", track, "role", "MENTEE", "status", "WAITLISTED"), "essential", false);
            String announcements = Stack.NOTIFICATIONS + "/programs/" + programId + "/announcements";
            JsonNode preview = awaitJson(() -> expect(Http.post(announcements + "/preview", olivia, announcement), 200),
                    p -> p.path("recipients").asInt() == 2, "notification-service never learnt who waits");
            assertThat(preview.path("subject").asText()).contains("office hours");
            String announcementId = expect(Http.post(announcements, olivia, announcement), 201).get("id").asText();
            for (Person p : people) {
                if (waiting.contains(p.participantId())) {
                    Mail.await(p.email(), m -> m.subject().contains("office hours " + run), WAIT);
                }
            }
            JsonNode delivered = awaitJson(() -> expect(Http.get(announcements + "/" + announcementId, olivia), 200),
                    a -> "SENT".equals(a.path("status").asText()), "the announcement never finished");
            assertThat(delivered.toString()).contains("\"recipients\":2");

            // --- the reminder reaches only those who have not answered, once each (events and mails)
            List<Topics.Event> reminders = topics.await(e -> "SurveyReminder".equals(e.type()) && surveyId.equals(e.data().path("surveyId").asText()),
                    5, Duration.between(Instant.now(), close).plus(WAIT));
            reminders.forEach(e -> Contracts.assertValid("SurveyReminder", e.data()));
            Set<String> reminded = reminders.stream().map(e -> e.data().at("/recipient/participantId").asText()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> silent = people.stream().filter(p -> !respondents.contains(p)).map(Person::participantId).collect(Collectors.toCollection(TreeSet::new));
            assertThat(reminded).isEqualTo(silent);
            for (Person p : people) {
                if (!respondents.contains(p)) {
                    Mail.await(p.email(), m -> m.subject().startsWith("The survey \"Author mentorship feedback\" closes in"), WAIT);
                }
            }

            // --- the survey closes: frozen, and a group of three shows no aggregate
            Topics.Event closed = topics.await(e -> "SurveyClosed".equals(e.type()) && surveyId.equals(e.data().path("surveyId").asText()),
                    1, Duration.between(Instant.now(), close).plus(Duration.ofMinutes(2))).get(0);
            Contracts.assertValid("SurveyClosed", closed.data());
            assertThat(closed.data().get("responded").asInt()).isEqualTo(3);
            assertThat(closed.data().get("invited").asInt()).isEqualTo(8);
            assertThat(closed.data().toString()).doesNotContain("More structure");
            JsonNode results = expect(Http.get(Stack.SCHEDULE + "/programs/" + programId + "/surveys/" + surveyId + "/results", olivia), 200);
            assertThat(results.path("responded").asInt()).isEqualTo(3);
            assertThat(results.toString()).doesNotContain("More structure");
            for (JsonNode question : results.path("questions")) {
                assertThat(question.path("suppressed").asBoolean()).as(question.toString()).isTrue();
            }
            for (Person p : respondents) {
                assertThat(Mail.of(p.email())).extracting(Mail.Message::subject).noneMatch(s -> s.contains("closes in"));
            }
            Http.Response late = Http.put(surveys + "/" + surveyId + "/answers", Keycloak.token(people.get(7).username()), answers(4, "Yes", null));
            assertThat(late.status()).isEqualTo(409);

            // --- the program report: every service's figures equal what this run counted on its own
            Map<String, Long> byRole = registrations.stream().collect(Collectors.groupingBy(e -> e.data().at("/registration/role").asText(), Collectors.counting()));
            JsonNode participants = report(Stack.PARTICIPANTS, programId, olivia);
            assertThat(figure(participants, "registrations", "role", "MENTOR")).isEqualTo(byRole.get("MENTOR").doubleValue());
            assertThat(figure(participants, "registrations", "role", "MENTEE")).isEqualTo(byRole.get("MENTEE").doubleValue());
            JsonNode matching = report(Stack.MATCHING, programId, olivia);
            assertThat(figure(matching, "pairings")).isEqualTo(pairings.size());
            assertThat(figure(matching, "waitlisted")).isEqualTo(waitlisted.size());
            assertThat(figure(matching, "match_rate")).isEqualTo(3.0 / 5);
            JsonNode schedule = report(Stack.SCHEDULE, programId, olivia);
            assertThat(figure(schedule, "survey_invited", "survey", "feedback")).isEqualTo(people.size());
            assertThat(figure(schedule, "survey_responded", "survey", "feedback")).isEqualTo(respondents.size());
            assertThat(schedule.toString()).as("a group of three gives no mean").doesNotContain("survey_rating_mean");
            int proposed = 0;
            for (Topics.Event pairing : pairings) {
                String pairingId = pairing.data().get("pairingId").asText();
                String member = people.stream().filter(p -> p.participantId().equals(pairing.data().at("/mentee/participantId").asText()))
                        .findFirst().orElseThrow().username();
                proposed += expect(Http.get(Stack.SCHEDULE + "/pairings/" + pairingId + "/meetings", Keycloak.token(member)), 200).size();
            }
            assertThat(figure(schedule, "meetings_proposed")).isEqualTo(proposed);
            JsonNode notification = report(Stack.NOTIFICATIONS, programId, olivia);
            long mails = 0;
            for (Person p : people) {
                mails += Mail.of(p.email()).size();
            }
            // the organizer's notices of this program (survey results ready) wait for her daily digest: every mail sent is one of theirs
            assertThat(figure(notification, "mails_sent")).as(notification.toString()).isEqualTo(mails);
            // the same, as CSV
            Http.Response csv = Http.raw("GET", Stack.PARTICIPANTS + "/programs/" + programId + "/report",
                    Map.of("Authorization", "Bearer " + olivia, "Accept", "text/csv"), null);
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.body()).contains("author,AUTHOR,Author Mentorship,registrations,role=MENTEE," + byRole.get("MENTEE") + "\r\n");
            // and nobody else's
            assertThat(Http.get(Stack.MATCHING + "/programs/" + programId + "/report", Keycloak.token(people.get(0).username())).status()).isEqualTo(404);
        }
    }

    private static Map<String, Object> answers(int rating, String again, String suggestion) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("useful", rating);
        answers.put("again", again);
        if (suggestion != null) {
            answers.put("suggestions", suggestion);
        }
        return Map.of("answers", answers);
    }

    private static JsonNode report(String service, String programId, String token) {
        return expect(Http.get(service + "/programs/" + programId + "/report", token), 200);
    }

    /** A figure of the report's only track (summed over the dimensions not named). */
    private static double figure(JsonNode report, String metric, String... dimension) {
        double sum = 0;
        boolean found = false;
        List<JsonNode> figures = new ArrayList<>();
        report.path("figures").forEach(figures::add);
        report.path("tracks").forEach(t -> t.path("figures").forEach(figures::add));
        for (JsonNode f : figures) {
            if (!metric.equals(f.path("metric").asText())) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i + 1 < dimension.length; i += 2) {
                match &= dimension[i + 1].equals(f.path("dimensions").path(dimension[i]).asText());
            }
            if (match) {
                sum += f.path("value").asDouble();
                found = true;
            }
        }
        assertThat(found).as(metric + " " + String.join("=", dimension) + " in " + report).isTrue();
        return sum;
    }

    private static Map<String, Object> milestone(String key, String name, String type, LocalDate date, LocalDate endDate, String time,
                                                 List<String> reminders) {
        Map<String, Object> m = new HashMap<>(Map.of("key", key, "name", name, "type", type, "date", date.toString(),
                "audience", List.of("MENTEE", "MENTOR"), "reminders", reminders));
        if (endDate != null) {
            m.put("endDate", endDate.toString());
        }
        if (time != null) {
            m.put("time", time);
        }
        return m;
    }
}
