package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What makes several replicas of each service safe (deploy/k8s/README.md, "Scaling"), shown on the real local stack
 * with two instances of every service on the same databases, broker and consumer groups: requests are spread over
 * both instances and the concurrent ones are sent to both at the same moment. What must hold, and is counted:
 * <ul>
 *   <li>every registration's event is published once (the outbox relay's advisory lock: one publisher at a time);</li>
 *   <li>each track's matching is published once when both instances are asked at the same moment (the track's row
 *       lock, the run re-read under it), each pairing announced once;</li>
 *   <li>each reminder fires once though both schedulers poll (reminders claimed with SKIP LOCKED);</li>
 *   <li>each mail is sent once though both notification instances consume and send (partitions shared by the
 *       consumer group, deliveries deduplicated on event id + recipient, the send queue claimed with SKIP LOCKED).</li>
 * </ul>
 */
class ReplicaSafetyTest {

    static final ZoneOffset AOE = ZoneOffset.ofHours(-12);
    static final int AUTHOR_MENTORS = 3;
    static final int AUTHOR_MENTEES = 6;
    static final int REVIEWER_MENTORS = 2;
    static final int REVIEWER_MENTEES = 3;

    final String run = UUID.randomUUID().toString().substring(0, 6);
    final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterAll
    static void stopReplicas() {
        if (!Boolean.getBoolean("e2e.skip")) {
            Stack.replicas(false);
        }
    }

    @Test
    void twoReplicasOfEachServiceDoEverythingExactlyOnce() throws Exception {
        assumeFalse(Boolean.getBoolean("e2e.skip"), "skipped with -De2e.skip");
        Stack.up();
        Stack.replicas(true);
        String olivia = Keycloak.token("olivia");
        try (Topics topics = new Topics()) {
            // --- a program, published through the second schedule instance
            ObjectNode file = SeasonEndToEndTest.ml4h2025("ML4H 2025 (replicas " + run + ")");
            String programId = SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE_2 + "/programs", olivia, file), 201).get("id").asText();
            JsonNode published = SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/programs/" + programId + "/publish", olivia, null), 200);
            Map<String, JsonNode> tracks = new HashMap<>();
            published.get("tracks").forEach(t -> tracks.put(t.get("kind").asText(), t));
            String author = tracks.get("AUTHOR").get("trackId").asText();
            String reviewer = tracks.get("REVIEWER").get("trackId").asText();
            String anyToken = Keycloak.token("anna");
            for (String participants : List.of(Stack.PARTICIPANTS, Stack.PARTICIPANTS_2)) {
                SeasonEndToEndTest.awaitTrue(() -> Http.get(participants + "/tracks?programId=" + programId, anyToken).json().get("total").asInt() == 3,
                        participants + " never learnt the tracks");
            }

            // --- people register, every other one through the second participant instance, eight at a time
            List<Person> people = new ArrayList<>();
            for (int i = 0; i < AUTHOR_MENTORS; i++) {
                people.add(new Person("rep" + run + "-am" + i, "Amentor" + i, author, "MENTOR",
                        Map.of("expertise", List.of("causal inference"), "capacity", 2)));
            }
            for (int i = 0; i < AUTHOR_MENTEES; i++) {
                people.add(new Person("rep" + run + "-ae" + i, "Amentee" + i, author, "MENTEE", Map.of("paperTitle", "Paper " + i,
                        "paperSummary", "Causal inference from EHR, part " + i + ".", "intendsToSubmit", true)));
            }
            for (int i = 0; i < REVIEWER_MENTORS; i++) {
                people.add(new Person("rep" + run + "-rm" + i, "Rmentor" + i, reviewer, "MENTOR",
                        Map.of("expertise", List.of("fairness"), "capacity", 2)));
            }
            for (int i = 0; i < REVIEWER_MENTEES; i++) {
                people.add(new Person("rep" + run + "-re" + i, "Rmentee" + i, reviewer, "MENTEE",
                        Map.of("reviewingExperience", "FEW", "areas", List.of("fairness"), "assignedReviewer", true)));
            }
            String reg = "/programs/" + programId + "/tracks/";
            List<Callable<Http.Response>> registrations = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                String base = i % 2 == 0 ? Stack.PARTICIPANTS : Stack.PARTICIPANTS_2;
                registrations.add(() -> {
                    Keycloak.user(p.username(), p.first(), "Replica");
                    return Http.post(base + reg + p.track() + "/registrations", Keycloak.token(p.username()),
                            SeasonEndToEndTest.registration(p.role(), p.answers(), "Europe/Berlin"));
                });
            }
            List<String> registrationIds = new ArrayList<>();
            for (Http.Response r : all(registrations)) {
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                registrationIds.add(r.json().get("id").asText());
            }

            // notification-service knows everyone once their confirmation arrived (its audience of a later event)
            for (Person p : people) {
                Mail.await(p.username() + "@mentorship.test", m -> m.subject().startsWith("Your registration for"), Duration.ofSeconds(60));
            }

            // someone who has not applied follows the program: the application deadlines' reminders are theirs (each
            // once, whichever schedule and notification instance handles them), not the registered people's
            String follower = "replica-follower-" + run;
            Keycloak.user(follower, "Fay", "Replica");
            SeasonEndToEndTest.expect(Http.put(Stack.NOTIFICATIONS_2 + "/me/program-subscriptions/" + programId, Keycloak.token(follower), null), 201);

            // --- both application deadlines move to one day and a minute or two from now: the P1D reminders are
            // due in the same minute on both schedule instances
            Instant target = Instant.now().plus(Duration.ofDays(1)).plusSeconds(20).truncatedTo(ChronoUnit.MINUTES).plusSeconds(60); // the next minute at least 20 s away: the move is done before its P1D reminder falls due
            LocalDateTime local = LocalDateTime.ofInstant(target, AOE);
            Map<String, Object> move = Map.of("date", local.toLocalDate().toString(),
                    "time", local.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")), "reason", "Closing early");
            for (String kind : List.of("AUTHOR", "REVIEWER")) {
                JsonNode deadline = SeasonEndToEndTest.milestone(tracks.get(kind), "APPLICATION_DEADLINE");
                String schedule = kind.equals("AUTHOR") ? Stack.SCHEDULE : Stack.SCHEDULE_2;
                SeasonEndToEndTest.expect(Http.patch(schedule + "/programs/" + programId + "/tracks/" + tracks.get(kind).get("trackId").asText()
                        + "/milestones/" + deadline.get("milestoneId").asText(), olivia, move), 200);
            }

            // --- matching: the same draft published through both instances at the same moment (author), and two
            // drafts of one track published at the same moment (reviewer): one publication per track
            Map<String, Integer> pairs = new HashMap<>();
            for (String track : List.of(author, reviewer)) {
                int mentees = track.equals(author) ? AUTHOR_MENTEES : REVIEWER_MENTEES;
                for (String matching : List.of(Stack.MATCHING, Stack.MATCHING_2)) {
                    SeasonEndToEndTest.awaitTrue(() -> {
                        Http.Response draft = Http.post(matching + "/programs/" + programId + "/tracks/" + track + "/matching-runs", olivia, null);
                        return draft.status() == 201 && draft.json().at("/report/matched").asInt() + draft.json().at("/report/unmatched").asInt() == mentees;
                    }, matching + " never saw every registration of " + track);
                }
                List<String> drafts = new ArrayList<>();
                if (track.equals(author)) {
                    String id = SeasonEndToEndTest.expect(Http.post(Stack.MATCHING + "/programs/" + programId + "/tracks/" + track + "/matching-runs", olivia, null), 201).get("id").asText();
                    drafts.add(id);
                    drafts.add(id);
                } else {
                    drafts.add(SeasonEndToEndTest.expect(Http.post(Stack.MATCHING + "/programs/" + programId + "/tracks/" + track + "/matching-runs", olivia, null), 201).get("id").asText());
                    drafts.add(SeasonEndToEndTest.expect(Http.post(Stack.MATCHING_2 + "/programs/" + programId + "/tracks/" + track + "/matching-runs", olivia, null), 201).get("id").asText());
                }
                List<Http.Response> outcomes = all(List.of(
                        () -> Http.post(Stack.MATCHING + "/matching-runs/" + drafts.get(0) + "/publish", olivia, null),
                        () -> Http.post(Stack.MATCHING_2 + "/matching-runs/" + drafts.get(1) + "/publish", olivia, null)));
                List<Integer> statuses = outcomes.stream().map(Http.Response::status).sorted().toList();
                assertThat(statuses).as(outcomes.toString()).containsExactly(200, 409);
                Http.Response refused = outcomes.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
                assertThat(refused.contentType()).startsWith("application/problem+json");
                JsonNode winner = outcomes.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json();
                pairs.put(track, winner.get("proposals").size());
                assertThat(winner.get("proposals").size()).isPositive();
            }

            // --- wait for the reminders (both schedulers poll every 10 s) and let the pipeline settle
            List<Topics.Event> reminders = topics.await(e -> "DeadlineApproaching".equals(e.type())
                    && programId.equals(e.data().path("programId").asText()) && "P1D".equals(e.data().path("lead").asText()), 2,
                    Duration.between(Instant.now(), target.minus(Duration.ofDays(1))).plusSeconds(60));
            List<Topics.Event> events = topics.drain(Duration.ofSeconds(8)).stream().filter(e -> mentions(e, programId)).toList();

            // --- events: none twice
            Map<String, Long> byId = events.stream().collect(Collectors.groupingBy(e -> e.headers().get("ce_id"), Collectors.counting()));
            assertThat(byId.values()).as("events published twice").allMatch(n -> n == 1);
            assertThat(once(events, "ParticipantRegistered", e -> e.data().at("/registration/registrationId").asText()))
                    .containsOnlyKeys(registrationIds).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
            Map<String, Long> pairings = once(events, "PairingCreated", e -> e.data().at("/mentee/registrationId").asText());
            assertThat(pairings.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(pairs.get(author) + pairs.get(reviewer));
            assertThat(pairings).allSatisfy((k, v) -> assertThat(v).as("pairing of " + k).isEqualTo(1));
            assertThat(once(events, "MatchingRunPublished", e -> e.data().get("trackId").asText()))
                    .containsOnlyKeys(author, reviewer).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
            assertThat(reminders).hasSize(2);
            assertThat(once(events, "DeadlineApproaching", e -> e.data().get("milestoneId").asText() + "/" + e.data().get("lead").asText()))
                    .allSatisfy((k, v) -> assertThat(v).as("reminder " + k).isEqualTo(1));

            // --- mail: each person got each message once (and the pipeline had time to send the reminders)
            String followerEmail = follower + "@mentorship.test";
            // the author track is rolling ("The application deadline for … is …"), the reviewer track closes ("… close on …")
            for (String track : List.of("Author Mentorship", "Reviewer Mentorship")) {
                Mail.await(followerEmail, m -> m.subject().contains(track + " (ML4H 2025 (replicas " + run + "))"), Duration.ofSeconds(60));
            }
            SeasonEndToEndTest.sleep(3000);
            assertThat(Mail.of(followerEmail).stream().collect(Collectors.groupingBy(Mail.Message::subject, Collectors.counting())))
                    .as("the follower's reminders").hasSize(2).allSatisfy((subject, n) -> assertThat(n).as(subject).isEqualTo(1));
            int mails = 0;
            for (Person p : people) {
                String email = p.username() + "@mentorship.test";
                Map<String, Long> subjects = Mail.of(email).stream().collect(Collectors.groupingBy(Mail.Message::subject, TreeMap::new, Collectors.counting()));
                assertThat(subjects).as(email + "'s mail").allSatisfy((subject, n) -> assertThat(n).as(subject).isEqualTo(1));
                assertThat(subjects.keySet()).as(email).anyMatch(s -> s.startsWith("Your registration for"));
                assertThat(subjects.keySet()).as(email).anyMatch(s -> s.startsWith("Application deadline moved to"));
                mails += subjects.size();
            }
            assertThat(mails).isGreaterThanOrEqualTo(people.size() * 2);

            // --- the in-app inbox: each notification once, whichever instance is asked
            for (Person p : people.subList(AUTHOR_MENTORS, AUTHOR_MENTORS + 2)) {
                String token = Keycloak.token(p.username());
                for (String notifications : List.of(Stack.NOTIFICATIONS, Stack.NOTIFICATIONS_2)) {
                    JsonNode inbox = Http.get(notifications + "/me/notifications?size=100", token).json();
                    Map<String, Long> titles = new TreeMap<>();
                    inbox.get("items").forEach(n -> titles.merge(n.path("subject").asText(), 1L, Long::sum));
                    assertThat(titles).as(p.username() + "'s inbox at " + notifications).isNotEmpty()
                            .allSatisfy((title, n) -> assertThat(n).as(title).isEqualTo(1));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    record Person(String username, String first, String track, String role, Map<String, Object> answers) {
    }

    private static boolean mentions(Topics.Event e, String programId) {
        return e.data() != null && (programId.equals(e.data().path("programId").asText())
                || programId.equals(e.data().at("/registration/programId").asText()));
    }

    private static Map<String, Long> once(List<Topics.Event> events, String type, Function<Topics.Event, String> key) {
        return events.stream().filter(e -> type.equals(e.type())).collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> f : pool.invokeAll(tasks)) {
            results.add(f.get());
        }
        return results;
    }
}
