package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Faults on the real local stack, each while registrations stream in: a poison message on every consumed topic, the
 * Kafka broker stopped, each service killed with SIGKILL, PostgreSQL stopped. What must hold, counted for each: every
 * registration is answered (accepted, or a clear 503 problem+json that the client retries), every accepted one's
 * event is published once, every confirmation mail arrives once (by Message-ID: a mail in flight when its sender
 * is killed may be handed to SMTP twice, with the same Message-ID, which mail clients show once; the raw count is
 * reported). The test command runs a short version; {@code -Dfaults.full=true} ({@code deploy/bench/faults.sh}) the
 * full one: 5,000 registrations through a 60 s broker outage, 1,000 per killed service, a 20 s database outage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    static final boolean FULL = Boolean.getBoolean("faults.full");
    static final int BROKER_OUTAGE_REGISTRATIONS = FULL ? 5000 : 240;
    static final int KILL_REGISTRATIONS = FULL ? 1000 : 80; // per service
    static final int DATABASE_OUTAGE_REGISTRATIONS = FULL ? 1500 : 160;
    static final int USERS = FULL ? 150 : 40;
    // each registration is a (person, track) pair used once; two tracks per program (author, reviewer)
    static final int PROGRAMS = (USERS / 2 + BROKER_OUTAGE_REGISTRATIONS + 4 * KILL_REGISTRATIONS + DATABASE_OUTAGE_REGISTRATIONS)
            / (2 * USERS) + 1;
    static final Duration SETTLE = Duration.ofSeconds(FULL ? 300 : 150); // over the 2 min after which a dead sender's claims are taken again

    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final List<String> users = new ArrayList<>();
    static final Map<String, String> tokens = new ConcurrentHashMap<>();
    static final List<String[]> slots = Collections.synchronizedList(new ArrayList<>()); // {programId, trackId, kind, name}
    static final StringBuilder report = new StringBuilder();
    static AtomicInteger nextSlot;

    @BeforeAll
    static void population() throws Exception {
        if (Boolean.getBoolean("e2e.skip")) {
            return;
        }
        Stack.up();
        String olivia = Keycloak.token("olivia");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        for (int i = 0; i < USERS; i++) {
            String user = "fault" + RUN + "-" + i;
            users.add(user);
            pool.submit(() -> {
                Keycloak.user(user, "Fault" + user.substring(user.indexOf('-') + 1), "Tester");
                tokens.put(user, Keycloak.token(user));
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        assertThat(tokens).hasSize(USERS);
        for (int p = 0; p < PROGRAMS; p++) {
            String name = "ML4H 2025 (faults " + RUN + "-" + p + ")";
            ObjectNode file = SeasonEndToEndTest.ml4h2025(name);
            String programId = SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/programs", olivia, file), 201).get("id").asText();
            JsonNode published = SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/programs/" + programId + "/publish", olivia, null), 200);
            for (JsonNode t : published.get("tracks")) {
                if (!t.get("kind").asText().equals("CAREER")) {
                    slots.add(new String[]{programId, t.get("trackId").asText(), t.get("kind").asText(), t.get("name").asText() + " (" + name + ")"});
                }
            }
            String any = tokens.get(users.get(0));
            SeasonEndToEndTest.awaitTrue(() -> Http.get(Stack.PARTICIPANTS + "/tracks?programId=" + programId, any).json().get("total").asInt() == 3,
                    "participant-service never learnt the tracks");
        }
        nextSlot = new AtomicInteger();
        report.append("# Faults (").append(FULL ? "full" : "smoke").append(" run, ").append(RUN).append(")\n\n");
    }

    @AfterAll
    static void writeReport() throws Exception {
        if (report.length() > 0) {
            Path out = Path.of("target/faults.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        }
    }

    @Test
    @Order(1)
    void aPoisonMessageOnEveryConsumedTopicIsDeadLetteredAndConsumptionGoesOn() throws Exception {
        assumeFalse(Boolean.getBoolean("e2e.skip"), "skipped with -De2e.skip");
        Map<String, String> poisons = new TreeMap<>();
        try (Topics dlq = new Topics(List.of("mentorship.programs.dlq", "mentorship.participants.dlq", "mentorship.pairings.dlq",
                "mentorship.schedule.dlq"));
             KafkaProducer<String, String> producer = producer()) {
            Map<String, String> types = Map.of("mentorship.programs", "ProgramPublished", "mentorship.participants", "ParticipantRegistered",
                    "mentorship.pairings", "PairingCreated", "mentorship.schedule", "DeadlineApproaching");
            for (Map.Entry<String, String> topic : types.entrySet()) {
                String key = "poison-" + RUN + "-" + topic.getKey();
                ProducerRecord<String, String> record = new ProducerRecord<>(topic.getKey(), key, "{\"not\": \"what the schema says\", \"registration\": 42");
                record.headers().add("ce_type", topic.getValue().getBytes(StandardCharsets.UTF_8))
                        .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                        .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                        .add("ce_source", "/poison".getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
                poisons.put(topic.getKey(), key);
            }
            // consumers of each topic: programs (participant, matching, notification), participants (matching, schedule,
            // notification), pairings (schedule, notification), schedule (notification)
            Map<String, Integer> consumers = Map.of("mentorship.programs", 3, "mentorship.participants", 3, "mentorship.pairings", 2,
                    "mentorship.schedule", 1);
            for (Map.Entry<String, String> poison : poisons.entrySet()) {
                List<Topics.Event> dead = dlq.await(e -> poison.getValue().equals(e.key()), consumers.get(poison.getKey()), Duration.ofSeconds(60));
                assertThat(dead).allSatisfy(e -> assertThat(e.topic()).isEqualTo(poison.getKey() + ".dlq"));
                report.append("- poison on ").append(poison.getKey()).append(": dead-lettered by ").append(dead.size()).append(" consumer groups (")
                        .append(dead.stream().map(e -> e.headers().getOrDefault("dead-letter-reason", "?").replaceAll("\\s+", " "))
                                .map(r -> r.length() > 60 ? r.substring(0, 60) + "…" : r).distinct().collect(Collectors.joining("; "))).append(")\n");
            }
        }
        // consumption goes on: a registration after the poison reaches notification-service (its mail)
        Outcome after = stream(USERS / 2, 8, i -> { }, "after poison");
        verify(after, "after poison");
    }

    @Test
    @Order(2)
    void theBrokerStoppedInTheMiddleOfRegistrationsLosesAndDuplicatesNothing() throws Exception {
        assumeFalse(Boolean.getBoolean("e2e.skip"), "skipped with -De2e.skip");
        int count = BROKER_OUTAGE_REGISTRATIONS;
        long outage = FULL ? 60 : 10;
        AtomicLong downFor = new AtomicLong();
        Outcome outcome = stream(count, FULL ? 50 : 25, i -> {
            if (i == count / 4) {
                long begin = System.nanoTime();
                Stack.platform(120, "stop", "kafka");
                SeasonEndToEndTest.sleep(outage * 1000);
                Stack.platform(600, "up");
                downFor.set(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin));
            }
        }, "broker outage");
        report.append("- broker stopped for ").append(outage).append(" s (").append(downFor.get()).append(" s until up again)\n");
        // once on the wire: the relays publish in Kafka transactions, and a round that failed in the outage was aborted
        // (subscribers read committed records only); before that, the full run put 169 of 5,000 events there twice
        verify(outcome, "broker outage", false);
    }

    @Test
    @Order(3)
    void eachServiceKilledMidStreamAndRestartedLosesAndDuplicatesNothing() throws Exception {
        assumeFalse(Boolean.getBoolean("e2e.skip"), "skipped with -De2e.skip");
        for (String service : List.of("participant", "matching", "schedule", "notification")) {
            int count = KILL_REGISTRATIONS;
            Outcome outcome = stream(count, FULL ? 40 : 20, i -> {
                if (i == count / 3) {
                    Stack.platform(60, "kill", service);
                    Stack.platform(600, "up");
                }
            }, service + " killed");
            // a producer killed after Kafka took a batch and before its database recorded it sends the batch again on
            // restart (seen: 18 of 80 in one run, none in others): copies with the same ce_id, counted and reported;
            // what must hold is that nothing is lost and every effect (the mail) happens once
            verify(outcome, "kill -9 of " + service + "-service", true);
        }
    }

    @Test
    @Order(4)
    void postgresStoppedUnderLoadGivesClear503sAndFullRecovery() throws Exception {
        assumeFalse(Boolean.getBoolean("e2e.skip"), "skipped with -De2e.skip");
        int count = DATABASE_OUTAGE_REGISTRATIONS;
        long outage = FULL ? 20 : 5;
        Map<String, String> readinessWhileDown = new ConcurrentHashMap<>();
        // events that reach a consumer while the database is away must wait for it, not be dead-lettered: copies of
        // events delivered earlier (as a relay re-sends them after a crash) are put on the wire during the outage, so
        // that every consumer group of programs and participants meets one whatever the timing
        List<Topics.Event> copies = new ArrayList<>();
        try (Topics earlier = new Topics(List.of("mentorship.programs", "mentorship.participants"))) {
            // (never the poison test's messages of the same types, which would rightly be dead-lettered: seen when the
            // poison's partition was read first)
            copies.addAll(earlier.await(Topics.published("ProgramPublished"), 1, Duration.ofSeconds(60)).subList(0, 1));
            copies.addAll(earlier.await(Topics.published("ParticipantRegistered"), 1, Duration.ofSeconds(60)).subList(0, 1));
        }
        Outcome outcome = stream(count, FULL ? 40 : 20, i -> {
            if (i == count / 3) {
                Stack.platform(120, "stop", "postgres");
                for (Map.Entry<String, String> s : Map.of("participant", Stack.PARTICIPANTS_MANAGEMENT, "matching", Stack.MATCHING_MANAGEMENT,
                        "schedule", Stack.SCHEDULE_MANAGEMENT, "notification", Stack.NOTIFICATIONS_MANAGEMENT).entrySet()) {
                    SeasonEndToEndTest.awaitTrue(() -> Http.get(s.getValue() + "/q/health/ready", null).status() == 503,
                            s.getKey() + "-service stayed ready without its database");
                    readinessWhileDown.put(s.getKey(), "DOWN");
                }
                resend(copies);
                SeasonEndToEndTest.sleep(outage * 1000);
                Stack.platform(600, "up");
            }
        }, "database outage");
        assertThat(readinessWhileDown).hasSize(4);
        report.append("- database stopped ").append(outage).append(" s: every service's readiness went DOWN (503) and came back UP\n");
        assertThat(outcome.unavailable().get()).as("503s while the database was down").isPositive();
        // a batch Kafka acknowledged while the database went away cannot be marked published: it goes out again when the
        // database is back (no outbox can commit to two systems at once). The copies carry the same ce_id, and every
        // consumer applies an event id once: counted here as copies on the wire, and as mails, which must be one each
        verify(outcome, "database outage", true);
        Set<String> copyIds = copies.stream().map(e -> e.headers().get("ce_id")).collect(Collectors.toSet());
        try (Topics dlq = new Topics(List.of("mentorship.programs.dlq", "mentorship.participants.dlq"))) {
            List<Topics.Event> deadCopies = dlq.drain(Duration.ofSeconds(5)).stream()
                    .filter(e -> copyIds.contains(e.headers().get("ce_id"))).toList();
            report.append("- database outage: ").append(copies.size()).append(" events sent again while it was down (6 consumer groups), ")
                    .append(deadCopies.size()).append(" dead-lettered\n");
            assertThat(deadCopies).as("events dead-lettered because the database was away").isEmpty();
        }
    }

    /** A producer on the local broker, as another system (or a bad one) would write to the platform's topics. */
    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** Puts the events on their topics again, as they were: key, CloudEvent headers, data. */
    private static void resend(List<Topics.Event> events) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (Topics.Event e : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(e.topic(), e.key(), e.data().toString());
                e.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get();
            }
        } catch (Exception e) {
            throw new AssertionError("Could not send the copies", e);
        }
    }

    record Outcome(String label, Map<String, String> accepted, AtomicInteger unavailable, AtomicInteger unanswered, List<String> wrong,
                   long seconds, int count) {
    }

    /**
     * Registers {@code count} (person, track) pairs not used before, {@code rate} per second from 8 threads, calling
     * {@code fault} with each index (on the thread that reaches it). A 503 (problem+json, Retry-After) or no answer at
     * all (the service is down) is retried after a second, as the frontend does; anything else is wrong.
     */
    private Outcome stream(int count, int rate, IntConsumer fault, String label) throws Exception {
        Map<String, String> accepted = new ConcurrentHashMap<>(); // "user/trackId" -> registrationId
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int index = i;
            int slot = nextSlot.getAndIncrement();
            String user = users.get(slot % USERS);
            String[] track = slots.get(slot / USERS);
            long due = begin + TimeUnit.MILLISECONDS.toNanos(1000L * i / rate);
            pool.submit(() -> {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    SeasonEndToEndTest.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
                }
                fault.accept(index);
                Map<String, Object> answers = track[2].equals("AUTHOR")
                        ? Map.of("paperTitle", "Paper of " + user, "paperSummary", "Faults and recovery.", "intendsToSubmit", true)
                        : Map.of("reviewingExperience", "FEW", "areas", List.of("fairness"), "assignedReviewer", true);
                Map<String, Object> body = SeasonEndToEndTest.registration("MENTEE", answers, "Europe/Berlin");
                for (int attempt = 0; attempt < 300; attempt++) {
                    Http.Response response;
                    try {
                        response = Http.post(Stack.PARTICIPANTS + "/programs/" + track[0] + "/tracks/" + track[1] + "/registrations",
                                token(user), body);
                    } catch (AssertionError down) {
                        unanswered.incrementAndGet();
                        SeasonEndToEndTest.sleep(1000);
                        continue;
                    }
                    if (response.status() == 201 || response.status() == 200) {
                        accepted.put(user + "/" + track[1], response.json().get("id").asText());
                        return;
                    }
                    if (response.status() == 503 && response.contentType().startsWith("application/problem+json")) {
                        unavailable.incrementAndGet();
                        SeasonEndToEndTest.sleep(1000);
                        continue;
                    }
                    if (response.status() == 401) { // a token expired during a long run
                        tokens.remove(user);
                        continue;
                    }
                    wrong.add(response.status() + " " + response.body());
                    return;
                }
                wrong.add("never accepted: " + user + " on " + track[1]);
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
        return new Outcome(label, accepted, unavailable, unanswered, wrong, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin), count);
    }

    private static String token(String user) {
        return tokens.computeIfAbsent(user, Keycloak::token);
    }

    /** Every accepted registration's event once on the broker, its confirmation mail once (by Message-ID). */
    private void verify(Outcome outcome, String scenario) throws Exception {
        verify(outcome, scenario, false);
    }

    private void verify(Outcome outcome, String scenario, boolean copiesOnTheWireAllowed) throws Exception {
        assertThat(outcome.wrong()).as(scenario + ": answers that were neither accepted nor a clear 503").isEmpty();
        assertThat(outcome.accepted()).as(scenario + ": accepted registrations").hasSize(outcome.count());
        Set<String> ids = Set.copyOf(outcome.accepted().values());
        Map<String, Long> events = new HashMap<>();
        try (Topics topics = new Topics(List.of("mentorship.participants"))) {
            long deadline = System.nanoTime() + SETTLE.toNanos();
            List<Topics.Event> seen = List.of();
            while (System.nanoTime() < deadline) {
                seen = topics.drain(Duration.ofSeconds(3));
                if (seen.stream().filter(e -> "ParticipantRegistered".equals(e.type()) && e.data() != null
                        && ids.contains(e.data().at("/registration/registrationId").asText())).count() >= ids.size()) {
                    break;
                }
            }
            for (Topics.Event e : seen) {
                if ("ParticipantRegistered".equals(e.type()) && e.data() != null && ids.contains(e.data().at("/registration/registrationId").asText())) {
                    events.merge(e.data().at("/registration/registrationId").asText(), 1L, Long::sum);
                }
            }
        }
        long missingEvents = ids.stream().filter(id -> !events.containsKey(id)).count();
        long duplicateEvents = events.values().stream().filter(n -> n > 1).count();

        // mail: per person, one confirmation per accepted registration of this scenario
        Map<String, List<String>> expectedSubjects = new HashMap<>();
        Map<String, String> trackNames = new HashMap<>();
        slots.forEach(s -> trackNames.put(s[1], s[3]));
        outcome.accepted().keySet().forEach(k -> expectedSubjects.computeIfAbsent(k.substring(0, k.indexOf('/')), u -> new ArrayList<>())
                .add("Your registration for " + trackNames.get(k.substring(k.indexOf('/') + 1))));
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long missingMail = 0;
        long duplicateMail = 0;
        long rawDuplicates = 0;
        do {
            missingMail = 0;
            duplicateMail = 0;
            rawDuplicates = 0;
            for (Map.Entry<String, List<String>> person : expectedSubjects.entrySet()) {
                List<Mail.Raw> mails = Mail.raw(person.getKey() + "@mentorship.test");
                for (String subject : person.getValue()) {
                    List<Mail.Raw> these = mails.stream().filter(m -> m.subject().equals(subject)).toList();
                    long distinct = these.stream().map(Mail.Raw::messageId).distinct().count();
                    if (distinct == 0) {
                        missingMail++;
                    } else if (distinct > 1) {
                        duplicateMail++;
                    }
                    rawDuplicates += these.size() - distinct;
                }
            }
            if (missingMail == 0) {
                break;
            }
            SeasonEndToEndTest.sleep(3000);
        } while (System.nanoTime() < deadline);
        report.append("- ").append(scenario).append(": ").append(outcome.count()).append(" registrations in ").append(outcome.seconds())
                .append(" s; accepted ").append(outcome.accepted().size()).append(", 503 answers retried ").append(outcome.unavailable().get())
                .append(", unanswered (service down) retried ").append(outcome.unanswered().get()).append("; events: ").append(events.size())
                .append(" delivered, ").append(missingEvents).append(" missing, ").append(duplicateEvents).append(" duplicated; mails: ")
                .append(missingMail).append(" missing, ").append(duplicateMail).append(" duplicated, ").append(rawDuplicates)
                .append(" handed to SMTP twice with the same Message-ID\n");
        assertThat(missingEvents).as(scenario + ": accepted registrations whose event never came").isZero();
        if (!copiesOnTheWireAllowed) {
            assertThat(duplicateEvents).as(scenario + ": events published twice").isZero();
        }
        assertThat(missingMail).as(scenario + ": confirmations never mailed").isZero();
        assertThat(duplicateMail).as(scenario + ": confirmations mailed as two different messages").isZero();
    }
}
