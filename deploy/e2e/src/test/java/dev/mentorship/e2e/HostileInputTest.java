package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Hostile input against the four running services, generated from each one's own OpenAPI document
 * ({@link HostileRequests}): {@code -Dfuzz.requests=N} per service (the test command runs a short smoke version;
 * {@code deploy/bench/hostile.sh} the full one), {@code -Dfuzz.seed=S} to replay. What must hold for every request:
 * <ul>
 *   <li>never a 5xx;</li>
 *   <li>every 4xx is problem+json with its status and a detail (except 414 and 431, which the HTTP layer answers
 *       before any application code, for a request line over 4 KiB or headers over 8 KiB);</li>
 *   <li>no caller without a valid token of the realm gets a 2xx from a protected operation (missing, garbage, forged
 *       with another key, unsigned "alg: none" tokens claiming the organizer role and the victim's identity);</li>
 *   <li>nobody but the organizer ever sees the victim's data, whatever ids are put in the path;</li>
 *   <li>nothing is stored from a rejected request: the attacker's registrations are exactly the accepted ones.</li>
 * </ul>
 */
class HostileInputTest {

    static final int REQUESTS = Integer.getInteger("fuzz.requests", 400);
    static final long SEED = Long.getLong("fuzz.seed", System.currentTimeMillis() % 100_000);
    static final int THREADS = 4;

    final String run = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void noServiceGivesA5xxOrLeaksOrStoresAnythingFromHostileRequests() throws Exception {
        assumeFalse(Boolean.getBoolean("e2e.skip"), "skipped with -De2e.skip");
        Stack.up();
        String olivia = Keycloak.token("olivia");

        // a program to aim at, a victim with data to protect, an attacker with a real participant token
        ObjectNode file = SeasonEndToEndTest.ml4h2025("ML4H 2025 (hostile " + run + ")");
        String programId = SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/programs", olivia, file), 201).get("id").asText();
        JsonNode published = SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/programs/" + programId + "/publish", olivia, null), 200);
        List<String> trackIds = new ArrayList<>();
        List<String> milestoneIds = new ArrayList<>();
        published.get("tracks").forEach(t -> {
            trackIds.add(t.get("trackId").asText());
            t.get("milestones").forEach(m -> milestoneIds.add(m.get("milestoneId").asText()));
        });
        String author = trackIds.get(0);
        String reviewer = trackIds.get(1);
        String anna = Keycloak.token("anna");
        SeasonEndToEndTest.awaitTrue(() -> Http.get(Stack.PARTICIPANTS + "/tracks?programId=" + programId, anna).json().get("total").asInt() == 3,
                "participant-service never learnt the tracks");

        String marker = "VICTIM" + run.toUpperCase();
        String victim = "victim-" + run;
        String attacker = "attacker-" + run;
        Keycloak.user(victim, marker, marker);
        Keycloak.user(attacker, "Mallory", "Attacker");
        String victimToken = Keycloak.token(victim);
        Map<String, Object> victimRegistration = SeasonEndToEndTest.registration("MENTEE", Map.of("paperTitle", marker,
                "paperSummary", marker + " summary", "intendsToSubmit", true), "Europe/Paris");
        String victimRegistrationId = SeasonEndToEndTest.expect(Http.post(Stack.PARTICIPANTS + "/programs/" + programId + "/tracks/" + author
                + "/registrations", victimToken, victimRegistration), 201).get("id").asText();
        String victimParticipantId = Http.get(Stack.PARTICIPANTS + "/me", victimToken).json().get("id").asText();
        String victimSubject = claims(victimToken).get("sub").asText();
        Http.post(Stack.SCHEDULE + "/me/calendar-feed", victimToken, null);

        Map<HostileRequests.Caller, String> tokens = new ConcurrentHashMap<>();
        tokens.put(HostileRequests.Caller.ATTACKER, Keycloak.token(attacker));
        tokens.put(HostileRequests.Caller.ORGANIZER, olivia);
        tokens.put(HostileRequests.Caller.GARBAGE_TOKEN, "abc.def.ghi");
        tokens.put(HostileRequests.Caller.FORGED_TOKEN, forged(victimSubject, victim, "HS256"));
        tokens.put(HostileRequests.Caller.UNSIGNED_TOKEN, forged(victimSubject, victim, "none"));
        String attackerRegistrationId = SeasonEndToEndTest.expect(Http.post(Stack.PARTICIPANTS + "/programs/" + programId + "/tracks/" + reviewer
                        + "/registrations", tokens.get(HostileRequests.Caller.ATTACKER),
                SeasonEndToEndTest.registration("MENTEE", Map.of("reviewingExperience", "FEW", "areas", List.of("fairness")), "UTC")), 201)
                .get("id").asText();
        // matching-service learns the track and the program's staff (olivia organizes it) from the broker
        SeasonEndToEndTest.awaitTrue(() -> Http.get(Stack.MATCHING + "/programs/" + programId + "/tracks/" + reviewer + "/matching-policy",
                olivia).status() == 200, "matching-service never learnt the program");
        String runId = SeasonEndToEndTest.expect(Http.post(Stack.MATCHING + "/programs/" + programId + "/tracks/" + reviewer + "/matching-runs", olivia, null), 201).get("id").asText();

        Map<String, List<String>> real = new TreeMap<>();
        real.put("programId", List.of(programId));
        real.put("trackId", trackIds);
        real.put("milestoneId", milestoneIds);
        real.put("registrationId", List.of(attackerRegistrationId));
        real.put("runId", List.of(runId));
        HostileRequests.Ids ids = new HostileRequests.Ids(real, List.of(victimRegistrationId, victimParticipantId, victimSubject));

        StringBuilder report = new StringBuilder("# Hostile input: " + REQUESTS + " requests per service, seed " + SEED + "\n\n");
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger attackerRegistrations = new AtomicInteger(1);
        AtomicInteger retries = new AtomicInteger();
        long begin = System.nanoTime();
        for (Map.Entry<String, String> service : Map.of("participant-service", Stack.PARTICIPANTS, "matching-service", Stack.MATCHING,
                "schedule-service", Stack.SCHEDULE, "notification-service", Stack.NOTIFICATIONS).entrySet()) {
            JsonNode openapi = Http.get(service.getValue() + "/q/openapi?format=json", null).json();
            HostileRequests generator = new HostileRequests(openapi, service.getValue(), tokens, ids, SEED);
            Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
            Map<String, AtomicLong> mutations = new ConcurrentHashMap<>();
            AtomicLong refreshedAt = new AtomicLong(System.nanoTime());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            for (long i = 0; i < REQUESTS; i++) {
                long index = i;
                pool.submit(() -> {
                    if (System.nanoTime() - refreshedAt.get() > TimeUnit.MINUTES.toNanos(5)) {
                        refreshedAt.set(System.nanoTime());
                        tokens.put(HostileRequests.Caller.ATTACKER, Keycloak.token(attacker));
                        tokens.put(HostileRequests.Caller.ORGANIZER, Keycloak.token("olivia"));
                    }
                    HostileRequests.Request request = generator.request(index);
                    if (request.caller() == HostileRequests.Caller.ATTACKER && request.method().equals("DELETE") && request.op().path().equals("/me")) {
                        return; // the attacker erasing themselves is allowed, and would end the run's attacker
                    }
                    Http.Response response;
                    try {
                        response = Http.raw(request.method(), service.getValue() + request.path(), request.headers(), request.body());
                    } catch (AssertionError first) {
                        // the HTTP layer closes a connection after refusing a request (413, 414): a request the client
                        // had already put on that pooled connection finds it closed; sent again on a new one, it must
                        // be answered
                        retries.incrementAndGet();
                        try {
                            response = Http.raw(request.method(), service.getValue() + request.path(), request.headers(), request.body());
                        } catch (AssertionError e) {
                            failures.add(service.getKey() + " #" + index + ": no answer (" + e.getMessage() + ") to " + request.describe());
                            return;
                        }
                    }
                    statuses.computeIfAbsent(String.valueOf(response.status()), k -> new AtomicLong()).incrementAndGet();
                    mutations.computeIfAbsent(request.mutation(), k -> new AtomicLong()).incrementAndGet();
                    String problem = check(request, response, marker);
                    if (problem != null) {
                        failures.add(service.getKey() + " #" + index + ": " + problem + " — " + request.describe()
                                + " → " + response.status() + " " + abbreviate(response.body()));
                    }
                    if (request.caller() == HostileRequests.Caller.ATTACKER && request.method().equals("POST")
                            && request.op().path().endsWith("/registrations") && response.status() == 201) {
                        attackerRegistrations.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
            report.append("## ").append(service.getKey()).append(" (").append(generator.operations().size()).append(" operations)\n\n")
                    .append("- statuses: ").append(new TreeMap<>(statuses)).append('\n')
                    .append("- mutations: ").append(new TreeMap<>(mutations)).append("\n\n");
        }
        // nothing stored from a rejected request: the attacker's registrations are the initial one and the accepted ones
        JsonNode mine = Http.get(Stack.PARTICIPANTS + "/me/registrations?size=100", Keycloak.token(attacker)).json();
        if (mine.get("total").asInt() != attackerRegistrations.get()) {
            failures.add("the attacker has " + mine.get("total") + " registrations, " + attackerRegistrations.get() + " were accepted");
        }

        report.append("Took ").append(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin)).append(" s; sent again on a new connection: ")
                .append(retries.get()).append("; failures: ").append(failures.size()).append('\n');
        failures.stream().limit(50).forEach(f -> report.append("- ").append(f).append('\n'));
        Path out = Path.of("target/hostile-input.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(failures).as("hostile requests that broke a promise (replay with -Dfuzz.seed=" + SEED + ")").isEmpty();
    }

    /** What is wrong with this answer, or null. */
    static String check(HostileRequests.Request request, Http.Response response, String marker) {
        int status = response.status();
        if (status >= 500) {
            return "server error";
        }
        boolean unauthenticated = switch (request.caller()) {
            case NONE, GARBAGE_TOKEN, FORGED_TOKEN, UNSIGNED_TOKEN -> true;
            default -> false;
        };
        if (unauthenticated && status < 400 && !request.op().isPublic()) {
            return "a protected operation answered a caller without a valid token";
        }
        if (request.caller() != HostileRequests.Caller.ORGANIZER && response.body().contains(marker)) {
            return "the victim's data reached someone else";
        }
        if (status == 414 || status == 431) {
            // refused by the HTTP layer before any application code (request line over 4 KiB, headers over 8 KiB):
            // a bare 4xx, the connection closed, as an ingress in front would answer too
            return null;
        }
        if (status >= 400) {
            if (!response.contentType().startsWith("application/problem+json")) {
                return "an error that is not problem+json (" + response.contentType() + ")";
            }
            try {
                JsonNode problem = response.json();
                if (problem.path("status").asInt() != status || problem.path("detail").asText().isBlank()) {
                    return "a problem without its status or a detail";
                }
            } catch (AssertionError e) {
                return "a problem+json that is not JSON";
            }
        }
        return null;
    }

    /** A token claiming the victim's identity and the organizer role, signed with a key the realm never had (or not). */
    static String forged(String subject, String username, String alg) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"forged\"}").getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        String payload = b64.encodeToString(Http.JSON.writeValueAsBytes(Map.of(
                "iss", Stack.KEYCLOAK + "/realms/mentorship", "sub", subject, "preferred_username", username,
                "email", username + "@mentorship.test", "iat", now, "exp", now + 3600, "azp", "mentorship-frontend",
                "realm_access", Map.of("roles", List.of("organizer", "participant")))));
        if (alg.equals("none")) {
            return header + "." + payload + ".";
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return header + "." + payload + "." + b64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode claims(String token) throws Exception {
        return Http.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
