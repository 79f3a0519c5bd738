package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The ML4H 2025 season as one scenario on the real local stack (PostgreSQL, Kafka, Keycloak, SMTP, the four packaged
 * services), through the public interfaces only: tokens from Keycloak's token endpoint, REST as the frontend calls
 * it, an independent Kafka consumer, mail read back from the SMTP server. ML4H 2025 is replayed with its dates
 * shifted so that its author application deadline falls 30 days from today (the real dates are past).
 */
class SeasonEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ZoneOffset AOE = ZoneOffset.ofHours(-12);
    final String run = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void theMl4h2025SeasonThroughThePublicInterfaces() throws Exception {
        assumeFalse(Boolean.getBoolean("e2e.skip"), "skipped with -De2e.skip");
        Stack.up();
        String olivia = Keycloak.token("olivia");
        try (Topics topics = new Topics()) {
            // --- the organizer imports and publishes ML4H 2025 (replayed)
            ObjectNode file = ml4h2025("ML4H 2025 (season " + run + ")");
            JsonNode created = expect(Http.post(Stack.SCHEDULE + "/programs", olivia, file), 201);
            String programId = created.get("id").asText();
            JsonNode published = expect(Http.post(Stack.SCHEDULE + "/programs/" + programId + "/publish", olivia, null), 200);
            Map<String, JsonNode> tracks = new HashMap<>();
            published.get("tracks").forEach(t -> tracks.put(t.get("kind").asText(), t));
            String author = tracks.get("AUTHOR").get("trackId").asText();
            String reviewer = tracks.get("REVIEWER").get("trackId").asText();
            String career = tracks.get("CAREER").get("trackId").asText();
            Topics.Event announced = topics.await(e -> "ProgramPublished".equals(e.type()) && programId.equals(e.key()), 1, WAIT).get(0);
            Contracts.assertValid("ProgramPublished", announced.data());
            assertThat(announced.data().get("tracks")).hasSize(3);

            // participant-service learnt the tracks from the event
            String anna = Keycloak.token("anna");
            awaitTrue(() -> Http.get(Stack.PARTICIPANTS + "/tracks?programId=" + programId, anna).json().get("total").asInt() == 3,
                    "participant-service never learnt the tracks");

            // --- mentors and mentees register for all three tracks, some invalid attempts among them
            LocalDate oneOnOne = LocalDate.parse(milestone(tracks.get("CAREER"), "ONE_ON_ONE_WEEK").get("date").asText());
            List<Map<String, Object>> careerHours = List.of(Map.of("date", oneOnOne.plusDays(2).toString(), "from", "14:00", "to", "18:00"));
            String reg = "/programs/" + programId + "/tracks/";
            Http.Response noPaper = Http.post(Stack.PARTICIPANTS + reg + author + "/registrations", anna,
                    registration("MENTEE", Map.of("paperSummary", "no title", "intendsToSubmit", true), "Europe/London"));
            assertThat(noPaper.status()).isEqualTo(400);
            assertThat(noPaper.contentType()).startsWith("application/problem+json");
            assertThat(noPaper.body()).contains("answers.paperTitle");
            Http.Response badZone = Http.post(Stack.PARTICIPANTS + reg + author + "/registrations", anna,
                    registration("MENTEE", authorMentee(), "Mars/Olympus"));
            assertThat(badZone.status()).isEqualTo(400);
            assertThat(badZone.body()).contains("profile.timeZone");
            assertThat(Http.post(Stack.PARTICIPANTS + reg + UUID.randomUUID() + "/registrations", anna,
                    registration("MENTEE", authorMentee(), "Europe/London")).status()).isEqualTo(404);

            register("maria", author, "MENTOR", Map.of("expertise", List.of("causal inference", "EHR"), "capacity", 1), "Europe/Berlin", reg, programId);
            register("mohammed", author, "MENTOR", Map.of("expertise", List.of("medical imaging"), "capacity", 1), "Asia/Dubai", reg, programId);
            register("anna", author, "MENTEE", authorMentee(), "America/Los_Angeles", reg, programId);
            register("ben", author, "MENTEE", Map.of("paperTitle", "Segmenting tumours", "paperSummary", "Medical imaging with few labels.",
                    "intendsToSubmit", true), "Europe/Madrid", reg, programId);
            register("maria", reviewer, "MENTOR", Map.of("expertise", List.of("fairness"), "capacity", 1), "Europe/Berlin", reg, programId);
            register("chen", reviewer, "MENTEE", Map.of("reviewingExperience", "FEW", "areas", List.of("fairness"), "assignedReviewer", true), "Asia/Shanghai", reg, programId);
            register("mei", career, "MENTOR", Map.of("topics", List.of("work-life balance", "long-term research plan"),
                    "oneOnOneAvailability", careerHours, "capacity", 4), "UTC", reg, programId);
            String eraser = "season-eraser-" + run;
            Keycloak.user(eraser, "Erin", "Eraser");
            for (String mentee : List.of("diego", "anna", eraser)) {
                register(mentee, career, "MENTEE", Map.of("topics", List.of("work-life balance"), "oneOnOneAvailability", careerHours),
                        "UTC", reg, programId);
            }
            // a second career mentor whom only two mentees can meet (the only ones free on that day): the pages "aim" for
            // 3-4 mentees per mentor, so both are matched, and the run's report says the mentor is below the aim and why
            List<Map<String, Object>> laterHours = List.of(Map.of("date", oneOnOne.plusDays(4).toString(), "from", "08:00", "to", "11:00"));
            String careerMentor = "season-cmentor-" + run;
            Keycloak.user(careerMentor, "Carla", "Careermentor");
            register(careerMentor, career, "MENTOR", Map.of("topics", List.of("healthcare research in industry"),
                    "oneOnOneAvailability", laterHours, "capacity", 4), "UTC", reg, programId);
            for (String mentee : List.of("season-cx-" + run, "season-cy-" + run)) {
                Keycloak.user(mentee, "Casey", "Careermentee");
                register(mentee, career, "MENTEE", Map.of("topics", List.of("Healthcare research in industry", "job search"),
                        "oneOnOneAvailability", laterHours), "UTC", reg, programId);
            }
            Topics.Event registered = topics.await(e -> "ParticipantRegistered".equals(e.type())
                    && programId.equals(e.data().at("/registration/programId").asText()), 10, WAIT).get(0);
            Contracts.assertValid("ParticipantRegistered", registered.data());
            assertThat(Mail.await("anna@mentorship.test", m -> m.subject().startsWith("Your registration for Author Mentorship"), WAIT)).isNotNull();

            // --- a matching run per track, published
            Map<String, String> runs = new HashMap<>();
            for (String track : List.of(author, reviewer, career)) {
                awaitTrue(() -> Http.get(Stack.MATCHING + "/programs/" + programId + "/tracks/" + track + "/matching-policy", olivia).status() == 200,
                        "matching-service never learnt track " + track);
            }
            Map<String, int[]> expected = Map.of(author, new int[]{2, 2}, reviewer, new int[]{1, 1}, career, new int[]{5, 2});
            for (String track : List.of(author, reviewer, career)) {
                // matching-service learns registrations from the broker: dry-run until it has seen every mentee and mentor
                JsonNode proposal = awaitJson(() -> expect(Http.post(Stack.MATCHING + "/programs/" + programId + "/tracks/" + track + "/matching-runs", olivia, null), 201),
                        p -> p.at("/report/matched").asInt() + p.at("/report/unmatched").asInt() == expected.get(track)[0]
                                && sum(p.at("/report/mentorLoad")) == expected.get(track)[1], "matching-service never saw the registrations");
                assertThat(proposal.at("/report/unmatched").asInt()).isZero();
                proposal.get("proposals").forEach(p -> assertThat(p.at("/explanation/summary").asText()).startsWith("Score "));
                runs.put(track, proposal.get("id").asText());
                if (track.equals(career)) {
                    JsonNode below = proposal.at("/report/belowAim");
                    assertThat(below).as(proposal.get("report").toString()).hasSize(1);
                    assertThat(below.get(0).get("mentees").asInt()).isEqualTo(2);
                    assertThat(below.get(0).get("aim").asInt()).isEqualTo(3);
                    assertThat(below.get(0).get("reason").asText()).isEqualTo("ONLY_COMPATIBLE");
                }
                expect(Http.post(Stack.MATCHING + "/matching-runs/" + proposal.get("id").asText() + "/publish", olivia, null), 200);
            }
            JsonNode authorRun = expect(Http.get(Stack.MATCHING + "/matching-runs/" + runs.get(author), olivia), 200);
            assertThat(pairOf(authorRun, "Anna")).isEqualTo("Maria Mentor"); // shared interests: causal inference, EHR
            assertThat(pairOf(authorRun, "Ben")).isEqualTo("Mohammed Mentor");
            List<Topics.Event> pairings = topics.await(e -> "PairingCreated".equals(e.type()) && programId.equals(e.data().path("programId").asText()), 5, WAIT);
            pairings.forEach(e -> Contracts.assertValid("PairingCreated", e.data()));
            topics.await(e -> "MatchingRunPublished".equals(e.type()) && programId.equals(e.data().path("programId").asText()), 3, WAIT);

            // --- every pairing reaches both members by email and in the app
            for (String[] pair : new String[][]{{"anna", "Maria Mentor"}, {"ben", "Mohammed Mentor"}, {"chen", "Maria Mentor"}, {"diego", "Mei Mentor"}}) {
                Mail.Message mail = Mail.await(pair[0] + "@mentorship.test", m -> m.subject().equals("Your mentor: " + pair[1]), WAIT);
                assertThat(mail.text()).contains("Why you were paired");
                String token = Keycloak.token(pair[0]);
                awaitTrue(() -> Http.get(Stack.NOTIFICATIONS + "/me/notifications?size=100", token).body().contains("Your mentor: " + pair[1]),
                        pair[0] + "'s inbox never showed the pairing");
            }
            Mail.await("maria@mentorship.test", m -> m.subject().equals("Your new mentee: Anna Mentee"), WAIT);
            assertThat(Http.get(Stack.MATCHING + "/me/pairings", anna).body()).contains("maria@mentorship.test").contains("causal inference");

            // --- the reviewer track closes (its deadline moves to yesterday); an organizer then dissolves chen's pairing:
            // chen is back on the waitlist and told the truth, that no new mentor will join
            JsonNode reviewerDeadline = milestone(tracks.get("REVIEWER"), "APPLICATION_DEADLINE");
            expect(Http.patch(Stack.SCHEDULE + "/programs/" + programId + "/tracks/" + reviewer + "/milestones/"
                    + reviewerDeadline.get("milestoneId").asText(), olivia, Map.of("date", LocalDate.now(AOE).minusDays(1).toString(),
                    "reason", "Reviewer applications closed early")), 200);
            Mail.await("chen@mentorship.test", m -> m.subject().startsWith("Application deadline moved to"), WAIT);
            String chenToken = Keycloak.token("chen");
            awaitJson(() -> Http.get(Stack.MATCHING + "/me/pairings?size=200", chenToken).json(), j -> has(j, programId),
                    "chen's pairing never showed");
            String chenPairing = null;
            for (JsonNode p : Http.get(Stack.MATCHING + "/me/pairings?size=200", chenToken).json().get("items")) {
                if (programId.equals(p.path("programId").asText()) && "ACTIVE".equals(p.path("status").asText())) {
                    chenPairing = p.get("id").asText();
                }
            }
            expect(Http.post(Stack.MATCHING + "/pairings/" + chenPairing + "/dissolve", olivia, Map.of("note", "Conflict of interest")), 200);
            Mail.Message chenWaits = Mail.await("chen@mentorship.test", m -> m.subject().equals("You are on the waitlist for Reviewer Mentorship")
                    && m.text().contains("has closed"), WAIT);
            assertThat(chenWaits.text()).doesNotContain("When a mentor registers");

            // --- a late mentee is waitlisted, then matched when a new mentor registers
            JsonNode applicationDeadline = milestone(tracks.get("AUTHOR"), "APPLICATION_DEADLINE");
            String deadlinePath = Stack.SCHEDULE + "/programs/" + programId + "/tracks/" + author + "/milestones/"
                    + applicationDeadline.get("milestoneId").asText();
            expect(Http.patch(deadlinePath, olivia, Map.of("date", LocalDate.now(AOE).minusDays(1).toString(),
                    "reason", "Pairings released early: later applications join the waitlist")), 200);
            String late = "season-late-" + run;
            String newMentor = "season-mentor-" + run;
            Keycloak.user(late, "Lara", "Late");
            Keycloak.user(newMentor, "Noor", "Newmentor");
            String lateToken = Keycloak.token(late);
            awaitTrue(() -> Http.get(Stack.PARTICIPANTS + "/tracks?programId=" + programId, lateToken).body().contains("\"LATE\""),
                    "participant-service never saw the deadline move");
            JsonNode lateRegistration = expect(Http.post(Stack.PARTICIPANTS + reg + author + "/registrations", lateToken,
                    registration("MENTEE", authorMentee(), "Asia/Kolkata")), 201);
            assertThat(lateRegistration.get("late").asBoolean()).isTrue();
            Topics.Event waitlisted = topics.await(e -> "MenteeWaitlisted".equals(e.type())
                    && lateRegistration.get("id").asText().equals(e.data().at("/mentee/registrationId").asText()), 1, WAIT).get(0);
            Contracts.assertValid("MenteeWaitlisted", waitlisted.data());
            Mail.await(late + "@mentorship.test", m -> m.subject().startsWith("You are on the waitlist"), WAIT);
            register(newMentor, author, "MENTOR", Map.of("expertise", List.of("causal inference"), "capacity", 2), "Asia/Kolkata", reg, programId);
            Topics.Event rolled = topics.await(e -> "PairingCreated".equals(e.type())
                    && lateRegistration.get("id").asText().equals(e.data().at("/mentee/registrationId").asText()), 1, WAIT).get(0);
            assertThat(rolled.data().get("source").asText()).isEqualTo("ROLLING");
            Mail.await(late + "@mentorship.test", m -> m.subject().equals("Your mentor: Noor Newmentor"), WAIT);

            // --- someone who has not applied follows the program ("tell me about this program"): application-deadline
            // reminders are for them, not for anna, who registered already
            String follower = "season-follower-" + run;
            Keycloak.user(follower, "Fay", "Follower");
            expect(Http.put(Stack.NOTIFICATIONS + "/me/program-subscriptions/" + programId, Keycloak.token(follower), null), 201);

            // --- a deadline is extended and the reminders follow (the clock reaches one while the meetings below are played)
            Instant target = Instant.now().plus(Duration.ofDays(1)).plusSeconds(20).truncatedTo(ChronoUnit.MINUTES).plusSeconds(60); // the next minute at least 20 s away: the move is done before its P1D reminder falls due
            LocalDateTime local = LocalDateTime.ofInstant(target, AOE);
            expect(Http.patch(deadlinePath, olivia, Map.of("date", local.toLocalDate().toString(), "time",
                    local.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")), "reason", "Reopened for one more day")), 200);
            Topics.Event moved = topics.await(e -> "MilestoneRescheduled".equals(e.type())
                    && programId.equals(e.data().path("programId").asText()), 2, WAIT).get(1);
            Contracts.assertValid("MilestoneRescheduled", moved.data());
            Mail.await("anna@mentorship.test", m -> m.subject().startsWith("Application deadline moved to"), WAIT);

            // --- meetings are proposed and one is confirmed; its .ics arrives
            JsonNode meetings = awaitJson(() -> Http.get(Stack.SCHEDULE + "/me/meetings?size=200", anna).json(),
                    j -> count(j, programId) >= 5, "anna's meetings were never proposed"); // 4 author meetings + the career 1-1
            JsonNode first = firstOf(meetings, programId);
            assertThat(first).isNotNull();
            assertThat(first.get("status").asText()).isEqualTo("PROPOSED");
            expect(Http.post(Stack.SCHEDULE + "/meetings/" + first.get("id").asText() + "/confirm", anna, null), 200);
            Topics.Event scheduled = topics.await(e -> "MeetingScheduled".equals(e.type())
                    && e.data().path("meetingId").asText().equals(firstOf(meetings, programId).get("id").asText()), 1, WAIT).get(0);
            Contracts.assertValid("MeetingScheduled", scheduled.data());
            Mail.Message invitation = Mail.await("maria@mentorship.test", m -> m.subject().startsWith("Confirmed: mentoring meeting 1 with Anna"), WAIT);
            assertThat(invitation.text()).contains("text/calendar");
            Http.Response ics = Http.get(Stack.SCHEDULE + "/meetings/" + first.get("id").asText() + ".ics", anna);
            assertThat(ics.body()).contains("METHOD:REQUEST").contains("UID:" + first.get("id").asText() + "@meetings.mentorship");

            // --- the clock reaches the extended deadline's one-day reminder: the audience gets mail
            List<Topics.Event> approaching = topics.await(e -> "DeadlineApproaching".equals(e.type())
                    && programId.equals(e.data().path("programId").asText()) && "P1D".equals(e.data().path("lead").asText()), 1,
                    Duration.ofSeconds(150));
            Contracts.assertValid("DeadlineApproaching", approaching.get(0).data());
            String program = programName(approaching.get(0));
            // the author track is rolling: "The application deadline for Author Mentorship (…) is …" (applications stay open)
            java.util.function.Predicate<Mail.Message> applyNews = m -> m.subject().contains("(" + program + ")")
                    && (m.subject().startsWith("The application deadline for ") || m.subject().contains(" close on "));
            Mail.await(follower + "@mentorship.test", applyNews, Duration.ofSeconds(60));
            sleep(3000);
            assertThat(Mail.of("anna@mentorship.test")).as("anna registered already: the application deadline is not for her")
                    .noneMatch(applyNews);

            // --- a participant erases their data, and no service keeps it
            String eraserToken = Keycloak.token(eraser);
            awaitTrue(() -> Http.get(Stack.MATCHING + "/me/pairings", eraserToken).json().get("total").asInt() == 1,
                    "the eraser was never paired");
            expect(Http.delete(Stack.PARTICIPANTS + "/me", eraserToken), 204);
            String eraserId = topics.await(e -> "ParticipantErased".equals(e.type()), 1, WAIT).stream()
                    .map(e -> e.data().path("participantId").asText()).reduce((a, b) -> b).orElseThrow();
            assertThat(Http.get(Stack.PARTICIPANTS + "/me", eraserToken).status()).isEqualTo(404);
            assertThat(Http.get(Stack.PARTICIPANTS + "/me/export", eraserToken).json().get("registrations")).isEmpty();
            awaitTrue(() -> Http.get(Stack.MATCHING + "/me/pairings", eraserToken).json().get("total").asInt() == 0,
                    "matching-service kept the erased person's pairing");
            awaitTrue(() -> Http.get(Stack.SCHEDULE + "/me/meetings", eraserToken).json().get("total").asInt() == 0,
                    "schedule-service kept the erased person's meetings");
            awaitTrue(() -> Http.get(Stack.NOTIFICATIONS + "/me/notifications", eraserToken).json().get("total").asInt() == 0,
                    "notification-service kept the erased person's inbox");
            assertThat(eraserId).isNotBlank();
            // the career mentor still has the two other mentees, and was told the pairing ended
            Mail.await("mei@mentorship.test", m -> m.subject().equals("Your mentorship pairing has ended"), WAIT);
        }
    }

    /** The first author meeting of this season's program (a person may have meetings of other programs). */
    private static JsonNode firstOf(JsonNode meetings, String programId) {
        for (JsonNode m : meetings.get("items")) {
            if ("MENTORING".equals(m.get("kind").asText()) && m.get("number").asInt() == 1 && programId.equals(m.get("programId").asText())) {
                return m;
            }
        }
        throw new AssertionError("no first meeting of " + programId + " in " + meetings);
    }

    private static String pairOf(JsonNode run, String menteeFirstName) {
        for (JsonNode p : run.get("proposals")) {
            if (p.at("/mentee/name").asText().startsWith(menteeFirstName)) {
                return p.at("/mentor/name").asText();
            }
        }
        return null;
    }

    private static int count(JsonNode meetings, String programId) {
        int n = 0;
        for (JsonNode m : meetings.get("items")) {
            if (programId.equals(m.get("programId").asText())) {
                n++;
            }
        }
        return n;
    }

    /** Whether a page of pairings holds one of this program's. */
    static boolean has(JsonNode page, String programId) {
        for (JsonNode p : page.path("items")) {
            if (programId.equals(p.path("programId").asText())) {
                return true;
            }
        }
        return false;
    }

    static int sum(JsonNode numbers) {
        int total = 0;
        for (JsonNode n : numbers) {
            total += n.asInt();
        }
        return total;
    }

    private void register(String user, String trackId, String role, Map<String, Object> answers, String zone, String reg, String programId) {
        String token = Keycloak.token(user);
        Http.Response response = Http.post(Stack.PARTICIPANTS + reg + trackId + "/registrations", token, registration(role, answers, zone));
        assertThat(response.status()).as(user + " registering: " + response.body()).isIn(200, 201);
    }

    static Map<String, Object> registration(String role, Map<String, Object> answers, String zone) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("codeOfConductAccepted", true);
        body.put("codeOfConductVersion", "2025");
        body.put("answers", answers);
        body.put("profile", Map.of("affiliation", "Season University", "careerStage", "MENTOR".equals(role) ? "FACULTY" : "PHD_STUDENT",
                "timeZone", zone, "interests", List.of("causal inference", "EHR"),
                "availability", List.of(Map.of("day", "TUESDAY", "from", "08:00", "to", "20:00"),
                        Map.of("day", "THURSDAY", "from", "08:00", "to", "20:00"))));
        return body;
    }

    static Map<String, Object> authorMentee() {
        return Map.of("paperTitle", "Causal effects from EHR", "paperSummary", "Estimating treatment effects in ICU records.",
                "intendsToSubmit", true);
    }

    static JsonNode milestone(JsonNode track, String type) {
        for (JsonNode m : track.get("milestones")) {
            if (type.equals(m.get("type").asText())) {
                return m;
            }
        }
        throw new AssertionError("no " + type);
    }

    /**
     * The ML4H 2025 program file (schedule-service's seed), replayed: every date moved so that its June 5 is today
     * (AoE), named {@code name} so that each run's program is its own.
     */
    static ObjectNode ml4h2025(String name) throws java.io.IOException {
        return replayed("ml4h-2025.json", LocalDate.parse("2025-06-05"), name);
    }

    /** A program file of schedule-service's, its dates moved so that {@code today} of the file is today (AoE), renamed. */
    static ObjectNode replayed(String programFile, LocalDate today, String name) throws java.io.IOException {
        ObjectNode file = (ObjectNode) Http.JSON.readTree(Files.readString(
                Stack.ROOT.resolve("schedule-service/src/main/resources/programs/" + programFile)));
        shiftDates(file, ChronoUnit.DAYS.between(today, LocalDate.now(AOE)));
        file.put("name", name);
        return file;
    }

    /** Every date (yyyy-MM-dd) and instant (a group session's start) in the program file moved by {@code days}. */
    static void shiftDates(JsonNode node, long days) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> field : entries) {
                JsonNode value = field.getValue();
                if (value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    object.set(field.getKey(), TextNode.valueOf(LocalDate.parse(value.asText()).plusDays(days).toString()));
                } else if (value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
                    // an instant (a group session's start): moved by the same number of days
                    object.set(field.getKey(), TextNode.valueOf(java.time.Instant.parse(value.asText()).plus(java.time.Duration.ofDays(days)).toString()));
                } else {
                    shiftDates(value, days);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> shiftDates(child, days));
        }
    }

    static JsonNode expect(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : response.json();
    }

    interface Check {
        boolean ok();
    }

    static void awaitTrue(Check check, String message) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return;
            }
            sleep(300);
        }
        throw new AssertionError(message);
    }

    static JsonNode awaitJson(java.util.function.Supplier<JsonNode> read, java.util.function.Predicate<JsonNode> until, String message) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (until.test(last)) {
                return last;
            }
            sleep(300);
        }
        throw new AssertionError(message + ": " + last);
    }

    /** The program a DeadlineApproaching is about, as its mails name it. */
    private static String programName(Topics.Event deadline) {
        return deadline.data().path("programName").asText();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
