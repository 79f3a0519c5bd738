package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mentorship.e2e.SeasonEndToEndTest.AOE;
import static dev.mentorship.e2e.SeasonEndToEndTest.WAIT;
import static dev.mentorship.e2e.SeasonEndToEndTest.awaitJson;
import static dev.mentorship.e2e.SeasonEndToEndTest.awaitTrue;
import static dev.mentorship.e2e.SeasonEndToEndTest.expect;
import static dev.mentorship.e2e.SeasonEndToEndTest.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A track reaches its end (issue 15, "Programs end"): an author track whose paper submission deadline is two minutes
 * away, on the whole stack (its meeting period is over: no meeting is proposed). At the deadline matching-service
 * ends the pairing (PairingEnded, valid against its schema), both members are thanked by mail and see it ended, and
 * no pairing is made afterwards (a run cannot be published). Cancelling what was not held, and keeping what may have
 * been, is schedule-service's MeetingsTest.
 */
class ProgramEndTest {

    final String run = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aTracksPairingsEndWithItsPartOfTheProgram() throws Exception {
        assumeFalse(Boolean.getBoolean("e2e.skip"), "skipped with -De2e.skip");
        Stack.up();
        String olivia = Keycloak.token("olivia");
        // the deadline: the next minute at least two minutes away, Anywhere on Earth; everything before it in the past
        Instant end = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        LocalDateTime local = LocalDateTime.ofInstant(end, AOE);
        LocalDate day = local.toLocalDate();
        Map<String, Object> program = Map.of(
                "conference", "ML4H end " + run, "name", "ML4H end " + run, "timeZone", "AoE",
                "codeOfConduct", Map.of("title", "ML4H Code of Conduct", "version", "2025"),
                "tracks", List.of(Map.of("key", "author", "kind", "AUTHOR", "name", "Author Mentorship", "rolling", true,
                        "registrationClosesOn", day.toString(), "topics", List.of(),
                        "milestones", List.of(
                                milestone("application-deadline", "Application deadline", "APPLICATION_DEADLINE", day.minusDays(3), null, null),
                                milestone("pairing-release", "Pairings sent out", "PAIRING_RELEASE", day.minusDays(2), null, null),
                                milestone("meeting-period", "Bi-weekly mentorship meetings", "MEETING_PERIOD", day.minusDays(1), day.minusDays(1), null),
                                milestone("submission-deadline", "Paper submission deadline", "SUBMISSION_DEADLINE", day, null,
                                        local.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")))))));
        try (Topics topics = new Topics()) {
            String programId = expect(Http.post(Stack.SCHEDULE + "/programs", olivia, program), 201).get("id").asText();
            JsonNode published = expect(Http.post(Stack.SCHEDULE + "/programs/" + programId + "/publish", olivia, null), 200);
            String track = published.get("tracks").get(0).get("trackId").asText();
            Topics.Event announced = topics.await(e -> "ProgramPublished".equals(e.type()) && programId.equals(e.key()), 1, WAIT).get(0);
            Contracts.assertValid("ProgramPublished", announced.data());
            assertThat(Instant.parse(announced.data().at("/tracks/0/pairingsEnd/endsAt").asText())).isEqualTo(end);

            String mentor = "end-mentor-" + run;
            String mentee = "end-mentee-" + run;
            Keycloak.user(mentor, "Erik", "Endmentor");
            Keycloak.user(mentee, "Emma", "Endmentee");
            String reg = Stack.PARTICIPANTS + "/programs/" + programId + "/tracks/" + track + "/registrations";
            awaitTrue(() -> Http.get(Stack.PARTICIPANTS + "/tracks?programId=" + programId, Keycloak.token(mentor)).json().get("total").asInt() == 1,
                    "participant-service never learnt the track");
            expect(Http.post(reg, Keycloak.token(mentor), registration("MENTOR", Map.of("expertise", List.of("causal inference"), "capacity", 2),
                    "Europe/Berlin")), 201);
            expect(Http.post(reg, Keycloak.token(mentee), registration("MENTEE", SeasonEndToEndTest.authorMentee(), "Europe/Berlin")), 201);
            String runs = Stack.MATCHING + "/programs/" + programId + "/tracks/" + track + "/matching-runs";
            // matching-service learns the track and its staff from the broker: until then the organizer's run is 404
            JsonNode proposal = awaitJson(() -> {
                Http.Response draft = Http.post(runs, olivia, null);
                return draft.status() == 201 ? draft.json() : Http.JSON.createObjectNode();
            }, p -> p.at("/report/matched").asInt() == 1, "matching-service never saw both registrations");
            expect(Http.post(Stack.MATCHING + "/matching-runs/" + proposal.get("id").asText() + "/publish", olivia, null), 200);
            String pairingId = topics.await(e -> "PairingCreated".equals(e.type()) && programId.equals(e.data().path("programId").asText()),
                    1, WAIT).get(0).data().get("pairingId").asText();
            String menteeToken = Keycloak.token(mentee);
            // the meeting period is over already (yesterday): no meeting is proposed into it or after the end
            awaitTrue(() -> Http.get(Stack.SCHEDULE + "/pairings/" + pairingId + "/meetings", menteeToken).status() == 200,
                    "schedule-service never learnt the pairing");
            assertThat(Http.get(Stack.SCHEDULE + "/pairings/" + pairingId + "/meetings", menteeToken).json()).isEmpty();

            // --- the deadline passes: the pairing ends, once, and both are thanked
            Topics.Event ended = topics.await(e -> "PairingEnded".equals(e.type()) && pairingId.equals(e.data().path("pairingId").asText()),
                    1, Duration.between(Instant.now(), end).plus(Duration.ofMinutes(3))).get(0);
            Contracts.assertValid("PairingEnded", ended.data());
            assertThat(Instant.parse(ended.data().get("endedAt").asText())).isAfterOrEqualTo(end);
            for (String member : List.of(mentor, mentee)) {
                Mail.await(member + "@mentorship.test", m -> m.subject().equals("Thank you: your mentorship in Author Mentorship has ended"), WAIT);
            }
            awaitTrue(() -> Http.get(Stack.MATCHING + "/me/pairings?size=200", menteeToken).body().contains("\"ENDED\""),
                    "the mentee's pairing never showed as ended");

            // --- nothing is scheduled for it afterwards either
            assertThat(Http.get(Stack.SCHEDULE + "/pairings/" + pairingId + "/meetings", menteeToken).json()).isEmpty();

            // --- and no pairing is made after the end: a run cannot be published
            JsonNode late = expect(Http.post(runs, olivia, null), 201);
            Http.Response refused = Http.post(Stack.MATCHING + "/matching-runs/" + late.get("id").asText() + "/publish", olivia, null);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("has ended");
            assertThat(topics.drain(Duration.ofSeconds(3)).stream().filter(e -> "PairingEnded".equals(e.type())
                    && pairingId.equals(e.data().path("pairingId").asText()))).as("PairingEnded once").hasSize(1);
        }
    }

    private static Map<String, Object> milestone(String key, String name, String type, LocalDate date, LocalDate endDate, String time) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("key", key, "name", name, "type", type, "date", date.toString(),
                "audience", List.of("MENTEE", "MENTOR"), "reminders", List.of()));
        if (endDate != null) {
            m.put("endDate", endDate.toString());
        }
        if (time != null) {
            m.put("time", time);
        }
        return m;
    }
}
