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
 * {@link #peopleCannotHarmOtherPeopleThroughThePlatform} plays one participant against another, through what the
 * platform carries between them (names, reasons, mails, calendars, meetings); it writes target/hostile-people.md.
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
                SeasonEndToEndTest.registration("MENTEE", Map.of("reviewingExperience", "FEW", "areas", List.of("fairness"), "assignedReviewer", true), "UTC")), 201)
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

    // ------------------------------------------------------------------------------------------------------------
    // Hostile people: a participant acting against another participant, through what the platform carries between them

    /** Every class of character a single-line field must refuse (SingleLine), each in a value an attacker would send. */
    static final Map<String, String> DANGEROUS = dangerous();

    private static Map<String, String> dangerous() {
        Map<String, String> d = new java.util.LinkedHashMap<>();
        d.put("CR", "Ben\rBcc: spy@evil.test");
        d.put("LF", "Ben\nBcc: spy@evil.test");
        d.put("CRLF header injection", "Ben\r\nBcc: spy@evil.test\r\nX-Injected: yes");
        d.put("NUL", "Ben\u0000Bcc: spy@evil.test");
        d.put("TAB", "Ben\tTab");
        d.put("VT/FF (C0)", "Ben\u000b\u000cFeed");
        d.put("ESC (C0)", "Ben\u001b[31mred");
        d.put("DEL", "Ben\u007fDel");
        d.put("NEL U+0085 (C1)", "Ben\u0085Bcc: spy@evil.test");
        d.put("CSI U+009B (C1)", "Ben\u009b31m");
        d.put("LINE SEPARATOR U+2028", "Ben\u2028Bcc: spy@evil.test");
        d.put("PARAGRAPH SEPARATOR U+2029", "Ben\u2029Bcc: spy@evil.test");
        d.put("RLO U+202E", "Ben\u202Etset.live@yps");
        d.put("LRE U+202A", "Ben\u202Aembedded");
        d.put("LRI U+2066", "Ben\u2066isolate\u2069");
        return d;
    }

    /** Legal in a name, nasty for calendars and mail headers: quotes, separators, backslash, non-ASCII, emoji. */
    static final String NASTY = "Zoë \"Q\" O'Brien; Nguyễn, 李 \\ :-) 🎓";
    static final String VICTIM_NAME = "Vera Victim";
    /** The top-level header fields of the platform's mails (a benign registration mail, an optional notice's unsubscribe pair) and the ones the SMTP server adds. */
    static final java.util.Set<String> ALLOWED_HEADERS = java.util.Set.of("return-path", "received", "mime-version", "date", "subject",
            "from", "to", "cc", "content-type", "content-transfer-encoding", "message-id", "list-unsubscribe", "list-unsubscribe-post",
            "auto-submitted");

    /** One refused-or-not attempt target: a single-line field and how to send a value to it. */
    private record Target(String where, String field, java.util.function.Function<String, Http.Response> send) {
    }

    private final Map<String, String[]> tokens = new ConcurrentHashMap<>();

    /** A user's token, fetched again after 4 minutes (the realm's tokens live 15). */
    private String token(String user) {
        String[] cached = tokens.get(user);
        if (cached == null || System.nanoTime() - Long.parseLong(cached[1]) > TimeUnit.MINUTES.toNanos(4)) {
            cached = new String[]{Keycloak.token(user), String.valueOf(System.nanoTime())};
            tokens.put(user, cached);
        }
        return cached[0];
    }

    @Test
    void peopleCannotHarmOtherPeopleThroughThePlatform() throws Exception {
        assumeFalse(Boolean.getBoolean("e2e.skip"), "skipped with -De2e.skip");
        Stack.up();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        StringBuilder report = new StringBuilder("# Hostile people (run " + run + ")\n\n");
        long begin = System.nanoTime();

        // --- 1. a program (its name nasty too: it reaches subjects and calendars), a victim mentor, an attacker mentee
        String programName = "ML4H 2025 (people " + run + "; \"Q\", a\\b: Zoë)";
        ObjectNode file = SeasonEndToEndTest.ml4h2025(programName);
        String programId = SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/programs", token("olivia"), file), 201).get("id").asText();
        JsonNode published = SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/programs/" + programId + "/publish", token("olivia"), null), 200);
        Map<String, JsonNode> tracks = new TreeMap<>();
        published.get("tracks").forEach(t -> tracks.put(t.get("kind").asText(), t));
        String author = tracks.get("AUTHOR").get("trackId").asText();
        String reviewer = tracks.get("REVIEWER").get("trackId").asText();
        String authorTrackName = tracks.get("AUTHOR").get("name").asText();
        List<String> trackNames = new ArrayList<>();
        tracks.values().forEach(t -> trackNames.add(t.get("name").asText()));
        SeasonEndToEndTest.awaitTrue(() -> Http.get(Stack.PARTICIPANTS + "/tracks?programId=" + programId, token("olivia")).json().get("total").asInt() == 3,
                "participant-service never learnt the tracks");
        String victim = "people-victim-" + run;
        String attacker = "people-attacker-" + run;
        Keycloak.user(victim, "Vera", "Victim");
        Keycloak.user(attacker, "Mallory", "Attacker");
        String victimEmail = victim + "@mentorship.test";
        String attackerEmail = attacker + "@mentorship.test";
        SeasonEndToEndTest.expect(Http.put(Stack.PARTICIPANTS + "/me", token(attacker), profile("Mallory Attacker", "Attack University")), 201);
        SeasonEndToEndTest.expect(Http.put(Stack.PARTICIPANTS + "/me", token(victim), profile(VICTIM_NAME, "Victim University")), 201);
        String reg = Stack.PARTICIPANTS + "/programs/" + programId + "/tracks/";
        String reviewerRegistration = SeasonEndToEndTest.expect(Http.post(reg + reviewer + "/registrations", token(attacker),
                registration("MENTEE", Map.of("reviewingExperience", "FEW", "areas", List.of("fairness"), "assignedReviewer", true), "Mallory Attacker", "Attack University")), 201).get("id").asText();

        // --- 2. every dangerous character class in every single-line field the attacker can write
        List<Target> targets = List.of(
                new Target("PUT /me", "name", bad -> Http.put(Stack.PARTICIPANTS + "/me", token(attacker), profile(bad, "Attack University"))),
                new Target("PUT /me", "affiliation", bad -> Http.put(Stack.PARTICIPANTS + "/me", token(attacker), profile("Mallory Attacker", bad))),
                new Target("POST /programs/{p}/tracks/{t}/registrations", "profile.name", bad -> Http.post(reg + reviewer + "/registrations",
                        token(attacker), registration("MENTEE", Map.of("reviewingExperience", "FEW", "areas", List.of("fairness"), "assignedReviewer", true), bad, "Attack University"))),
                new Target("POST /programs/{p}/tracks/{t}/registrations", "profile.affiliation", bad -> {
                    Map<String, Object> body = registration("MENTEE", Map.of("reviewingExperience", "FEW", "areas", List.of("fairness"), "assignedReviewer", true), "Mallory Attacker", "Attack University");
                    @SuppressWarnings("unchecked") Map<String, Object> profile = new java.util.HashMap<>((Map<String, Object>) body.get("profile"));
                    profile.put("affiliation", bad);
                    body.put("profile", profile);
                    return Http.post(reg + reviewer + "/registrations", token(attacker), body);
                }),
                new Target("POST /conduct-reports", "about", bad -> Http.post(Stack.PARTICIPANTS + "/conduct-reports", token(attacker),
                        conductReport(programId, bad, null))),
                new Target("POST /conduct-reports", "location", bad -> Http.post(Stack.PARTICIPANTS + "/conduct-reports", token(attacker),
                        conductReport(programId, "my mentor", bad))),
                new Target("POST /me/registrations/{r}/withdraw", "reason", bad -> Http.post(Stack.PARTICIPANTS + "/me/registrations/"
                        + reviewerRegistration + "/withdraw", token(attacker), Map.of("reason", bad))));
        int[] dangerous = new int[2]; // tried, refused
        Map<String, int[]> perField = new java.util.LinkedHashMap<>();
        for (Target target : targets) {
            for (Map.Entry<String, String> d : DANGEROUS.entrySet()) {
                refused(target, d, dangerous, perField, failures);
            }
        }
        // nothing of it was stored: the attacker's name, affiliation and reviewer registration are as before
        JsonNode me = Http.get(Stack.PARTICIPANTS + "/me", token(attacker)).json();
        if (!me.get("name").asText().equals("Mallory Attacker") || !me.get("affiliation").asText().equals("Attack University")) {
            failures.add("a refused profile changed the attacker's profile: " + me);
        }
        if (!Http.get(Stack.PARTICIPANTS + "/me/registrations/" + reviewerRegistration, token(attacker)).json().path("status").asText().equals("ACTIVE")) {
            failures.add("a refused withdrawal withdrew the registration");
        }

        // --- 3. a legal but nasty name; both register for the author track; olivia matches them
        SeasonEndToEndTest.expect(Http.put(Stack.PARTICIPANTS + "/me", token(attacker), profile(NASTY, "Attack University")), 200);
        SeasonEndToEndTest.expect(Http.post(Stack.PARTICIPANTS + "/me/registrations/" + reviewerRegistration + "/withdraw", token(attacker),
                Map.of("reason", "Too busy; \"sorry\", truly \\ " + NASTY)), 200);
        SeasonEndToEndTest.expect(Http.post(reg + author + "/registrations", token(attacker), registration("MENTEE",
                Map.of("paperTitle", "Causal effects from EHR", "paperSummary", "Estimating treatment effects in ICU records.", "intendsToSubmit", true),
                NASTY, "Attack University")), 201);
        SeasonEndToEndTest.expect(Http.post(reg + author + "/registrations", token(victim), registration("MENTOR",
                Map.of("expertise", List.of("causal inference", "EHR"), "capacity", 1), VICTIM_NAME, "Victim University")), 201);
        SeasonEndToEndTest.awaitTrue(() -> Http.get(Stack.MATCHING + "/programs/" + programId + "/tracks/" + author + "/matching-policy",
                token("olivia")).status() == 200, "matching-service never learnt the program");
        JsonNode proposal = SeasonEndToEndTest.awaitJson(() -> SeasonEndToEndTest.expect(Http.post(Stack.MATCHING + "/programs/" + programId
                        + "/tracks/" + author + "/matching-runs", token("olivia"), null), 201),
                p -> p.at("/report/matched").asInt() == 1, "matching-service never saw both registrations");
        SeasonEndToEndTest.expect(Http.post(Stack.MATCHING + "/matching-runs/" + proposal.get("id").asText() + "/publish", token("olivia"), null), 200);
        JsonNode meetingList = SeasonEndToEndTest.awaitJson(() -> Http.get(Stack.SCHEDULE + "/me/meetings?size=100", token(attacker)).json(),
                j -> meetingsOf(j, programId).size() >= 4 && meetingsOf(j, programId).stream().filter(m -> m.path("status").asText().equals("PROPOSED")).count() >= 3,
                "the pair's meetings were never proposed");
        List<JsonNode> meetings = meetingsOf(meetingList, programId);
        meetings.sort(java.util.Comparator.comparingInt(m -> m.get("number").asInt()));
        List<JsonNode> proposed = meetings.stream().filter(m -> m.path("status").asText().equals("PROPOSED")).toList();
        String m1 = proposed.get(0).get("id").asText();
        String m2 = proposed.get(1).get("id").asText();
        String m3 = proposed.get(2).get("id").asText();
        String pairingId = meetings.get(0).get("pairingId").asText();
        Map<String, Integer> numbers = new TreeMap<>();
        meetings.forEach(m -> numbers.put(m.get("id").asText(), m.get("number").asInt()));
        Instant day = Instant.now().plus(java.time.Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        // the attacker confirms one, moves another (If-Match: Http.patch reads the ETag first), cancels a third
        SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/meetings/" + m1 + "/confirm", token(attacker), null), 200);
        SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/meetings/" + m2 + "/confirm", token(attacker), null), 200);
        SeasonEndToEndTest.expect(Http.patch(Stack.SCHEDULE + "/meetings/" + m2, token(attacker), Map.of("startsAt", day.plusSeconds(10 * 3600).toString())), 200);
        SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/meetings/" + m3 + "/confirm", token(attacker), null), 200);
        Target cancellation = new Target("POST /meetings/{m}/cancel", "reason",
                bad -> Http.post(Stack.SCHEDULE + "/meetings/" + m3 + "/cancel", token(attacker), Map.of("reason", bad)));
        for (Map.Entry<String, String> d : DANGEROUS.entrySet()) {
            refused(cancellation, d, dangerous, perField, failures);
        }
        if (!Http.get(Stack.SCHEDULE + "/meetings/" + m3, token(attacker)).json().path("status").asText().equals("CONFIRMED")) {
            failures.add("a refused cancellation cancelled the meeting");
        }
        SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/meetings/" + m3 + "/cancel", token(attacker),
                Map.of("reason", "Sorry; \"ill\", \\ " + NASTY)), 200);

        // --- 6. stale and concurrent writes
        Http.Response before = Http.get(Stack.SCHEDULE + "/meetings/" + m2, token(attacker));
        String etag = before.etag();
        String[] times = {day.plusSeconds(11 * 3600).toString(), day.plusSeconds(12 * 3600).toString()};
        String[] racers = {attacker, victim};
        Http.Response[] raced = new Http.Response[2];
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> racing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int k = i;
            String bearer = token(racers[k]);
            byte[] body = Http.JSON.writeValueAsBytes(Map.of("startsAt", times[k]));
            racing.add(pool.submit(() -> {
                barrier.await();
                raced[k] = Http.raw("PATCH", Stack.SCHEDULE + "/meetings/" + m2, Map.of("Authorization", "Bearer " + bearer,
                        "Content-Type", "application/json", "If-Match", etag), body);
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : racing) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        List<Integer> raceStatuses = new ArrayList<>(List.of(raced[0].status(), raced[1].status()));
        Collections.sort(raceStatuses);
        if (!raceStatuses.equals(List.of(200, 412))) {
            failures.add("two moves of one meeting with the same If-Match answered " + raceStatuses + ": " + raced[0].body() + " / " + raced[1].body());
        } else {
            int winner = raced[0].status() == 200 ? 0 : 1;
            if (!raced[1 - winner].contentType().startsWith("application/problem+json")) {
                failures.add("the losing move's 412 is not problem+json");
            }
            Instant startsAt = Instant.parse(Http.get(Stack.SCHEDULE + "/meetings/" + m2, token(attacker)).json().get("startsAt").asText());
            if (!startsAt.equals(Instant.parse(times[winner]))) {
                failures.add("the meeting is at " + startsAt + ", not at the winning move's " + times[winner]);
            }
        }
        String staleProfile = Http.get(Stack.PARTICIPANTS + "/me", token(attacker)).etag();
        SeasonEndToEndTest.expect(Http.put(Stack.PARTICIPANTS + "/me", token(attacker), profile(NASTY, "Attack Institute")), 200);
        byte[] overwrite = Http.JSON.writeValueAsBytes(profile(NASTY, "Overwritten University"));
        Http.Response stale = Http.raw("PUT", Stack.PARTICIPANTS + "/me", Map.of("Authorization", "Bearer " + token(attacker),
                "Content-Type", "application/json", "If-Match", staleProfile), overwrite);
        Http.Response unconditional = Http.raw("PUT", Stack.PARTICIPANTS + "/me", Map.of("Authorization", "Bearer " + token(attacker),
                "Content-Type", "application/json"), overwrite);
        if (stale.status() != 412 || !stale.contentType().startsWith("application/problem+json")) {
            failures.add("PUT /me with a stale If-Match answered " + stale.status() + " " + stale.contentType());
        }
        if (unconditional.status() != 428 || !unconditional.contentType().startsWith("application/problem+json")) {
            failures.add("PUT /me without If-Match answered " + unconditional.status() + " " + unconditional.contentType());
        }
        if (!Http.get(Stack.PARTICIPANTS + "/me", token(attacker)).json().get("affiliation").asText().equals("Attack Institute")) {
            failures.add("a refused PUT /me changed the profile");
        }

        // --- 5. (first half) every calendar served while the pairing stands: each meeting as both, both feeds, the program's
        List<String[]> calendars = new ArrayList<>(); // what, where it came from, its text
        SeasonEndToEndTest.awaitTrue(() -> Http.get(Stack.SCHEDULE + "/meetings/" + m1 + ".ics", token(victim)).body().contains("Zo"),
                "schedule-service never learnt the attacker's name");
        for (JsonNode m : meetings) {
            for (String who : List.of(attacker, victim)) {
                Http.Response ics = Http.get(Stack.SCHEDULE + "/meetings/" + m.get("id").asText() + ".ics", token(who));
                if (ics.status() == 200) {
                    calendars.add(new String[]{"GET /meetings/" + m.get("number").asText() + ".ics as " + (who.equals(victim) ? "victim" : "attacker"),
                            "GET /meetings/{m}.ics (members, pairing active)", ics.body()});
                } else if (!m.path("status").asText().equals("UNSCHEDULED")) {
                    failures.add("GET /meetings/{id}.ics answered " + ics.status() + " for meeting " + m.get("number"));
                }
            }
        }
        for (String who : List.of(victim, attacker)) {
            String url = SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/me/calendar-feed", token(who), null), 201).get("url").asText();
            Http.Response feed = Http.get(Stack.SCHEDULE + url.substring(url.indexOf("/me/calendar.ics")), null);
            assertThat(feed.status()).as(feed.body()).isEqualTo(200);
            calendars.add(new String[]{(who.equals(victim) ? "the victim's" : "the attacker's") + " feed", "GET /me/calendar.ics?token= (personal feeds)", feed.body()});
        }
        Http.Response programCalendar = Http.get(Stack.SCHEDULE + "/programs/" + programId + "/calendar.ics", null);
        assertThat(programCalendar.status()).as(programCalendar.body()).isEqualTo(200);
        calendars.add(new String[]{"GET /programs/{p}/calendar.ics", "GET /programs/{p}/calendar.ics", programCalendar.body()});

        // --- 8. the pairing is dissolved: its meetings freeze
        JsonNode pairings = Http.get(Stack.MATCHING + "/me/pairings", token(attacker)).json();
        String pairing = null;
        for (JsonNode p : pairings.get("items")) {
            if (programId.equals(p.path("programId").asText())) {
                pairing = p.get("id").asText();
            }
        }
        if (!pairingId.equals(pairing)) {
            failures.add("GET /me/pairings names pairing " + pairing + ", the meetings " + pairingId);
        }
        Map<String, JsonNode> standing = new TreeMap<>();
        Http.get(Stack.SCHEDULE + "/pairings/" + pairingId + "/meetings", token(attacker)).json().forEach(m -> standing.put(m.get("id").asText(), m));
        long confirmedAhead = standing.values().stream().filter(m -> m.path("status").asText().equals("CONFIRMED")
                && Instant.parse(m.get("startsAt").asText()).isAfter(Instant.now())).count();
        SeasonEndToEndTest.expect(Http.post(Stack.MATCHING + "/pairings/" + pairingId + "/dissolve", token("olivia"),
                Map.of("note", "Hostile-people test: the pairing ends")), 200);
        SeasonEndToEndTest.awaitJson(() -> Http.get(Stack.SCHEDULE + "/pairings/" + pairingId + "/meetings", token(attacker)).json(),
                list -> {
                    for (JsonNode m : list) {
                        if (!List.of("CANCELLED", "HELD").contains(m.path("status").asText())) {
                            return false;
                        }
                    }
                    return list.size() == meetings.size();
                }, "schedule-service never cancelled the dissolved pairing's meetings");
        // what the dissolution itself mails the victim: the pairing's end and one cancellation per confirmed meeting ahead
        // (plus the attacker's earlier cancellation); then nothing more may come
        SeasonEndToEndTest.awaitTrue(() -> {
            List<Mail.Message> mail = Mail.of(victimEmail);
            return mail.stream().anyMatch(x -> x.subject().equals("Your mentorship pairing has ended"))
                    && mail.stream().filter(x -> x.subject().startsWith("Cancelled: ")).count() == confirmedAhead + 1;
        }, "the victim never got the dissolution's mails");
        int victimMails = settledMailCount(victimEmail);
        Map<String, String> frozenBefore = meetingStates(pairingId, token(attacker));
        int attempts = 0;
        int answeredOtherwise = 0;
        for (String meetingId : frozenBefore.keySet()) {
            Http.Response confirm = Http.post(Stack.SCHEDULE + "/meetings/" + meetingId + "/confirm", token(attacker), null);
            Http.Response move = Http.patch(Stack.SCHEDULE + "/meetings/" + meetingId, token(attacker), Map.of("startsAt", day.plusSeconds(13 * 3600).toString()));
            Http.Response cancel = Http.post(Stack.SCHEDULE + "/meetings/" + meetingId + "/cancel", token(attacker), Map.of("reason", "again"));
            attempts += 3;
            for (Http.Response r : List.of(confirm, move)) {
                if (r.status() != 409 || !r.contentType().startsWith("application/problem+json")) {
                    answeredOtherwise++;
                    failures.add("frozen meeting " + numbers.get(meetingId) + ": a confirm or move answered " + r.status() + " " + abbreviate(r.body()));
                }
            }
            if (cancel.status() >= 500) {
                failures.add("frozen meeting " + numbers.get(meetingId) + ": cancel answered " + cancel.status());
            }
        }
        SeasonEndToEndTest.sleep(10_000); // what a change would mail reaches the SMTP server within seconds
        Map<String, String> frozenAfter = meetingStates(pairingId, token(attacker));
        int frozenChanges = 0;
        for (Map.Entry<String, String> e : frozenBefore.entrySet()) {
            if (!e.getValue().equals(frozenAfter.get(e.getKey()))) {
                frozenChanges++;
                failures.add("frozen meeting " + numbers.get(e.getKey()) + " changed: " + e.getValue() + " → " + frozenAfter.get(e.getKey()));
            }
        }
        int newVictimMails = Mail.of(victimEmail).size() - victimMails;
        if (newVictimMails != 0) {
            frozenChanges += newVictimMails;
            failures.add("the victim got " + newVictimMails + " mails from attempts on a frozen pairing");
        }
        // the cancelled meetings' invitations, as both read them now
        for (JsonNode m : meetings) {
            for (String who : List.of(attacker, victim)) {
                Http.Response ics = Http.get(Stack.SCHEDULE + "/meetings/" + m.get("id").asText() + ".ics", token(who));
                if (ics.status() == 200) {
                    calendars.add(new String[]{"GET /meetings/" + m.get("number").asText() + ".ics (cancelled) as " + (who.equals(victim) ? "victim" : "attacker"),
                            "GET /meetings/{m}.ics (members, pairing dissolved)", ics.body()});
                }
            }
        }

        // --- 7. limits: conduct reports until refused
        int accepted = 0;
        Http.Full refusal = null;
        for (int i = 0; i < 15 && refusal == null; i++) {
            Http.Full r = Http.rawFull("POST", Stack.PARTICIPANTS + "/conduct-reports", Map.of("Authorization", "Bearer " + token(attacker),
                    "Content-Type", "application/json", "Idempotency-Key", "people-" + run + "-" + i),
                    Http.JSON.writeValueAsBytes(conductReport(programId, "my mentor, report " + (i + 1), null)));
            if (r.response().status() == 201) {
                accepted++;
            } else {
                refusal = r;
            }
        }
        String limitOutcome = accepted + " accepted, then " + (refusal == null ? "none refused in 15"
                : refusal.response().status() + " (Retry-After: " + refusal.header("Retry-After") + ", " + refusal.response().contentType() + ")");
        if (accepted != 10 || refusal == null || refusal.response().status() != 429 || refusal.header("Retry-After") == null
                || !refusal.header("Retry-After").matches("\\d+") || !refusal.response().contentType().startsWith("application/problem+json")
                || refusal.response().json().path("status").asInt() != 429) {
            failures.add("conduct reports: " + limitOutcome + (refusal == null ? "" : " " + abbreviate(refusal.response().body())));
        }

        // --- 4. every mail both received: header block, subject, the calendars attached
        int mailsChecked = 0;
        int extraHeaders = 0;
        List<String> victimSubjects = new ArrayList<>();
        for (String email : List.of(victimEmail, attackerEmail)) {
            for (String raw : Mail.mime(email)) {
                mailsChecked++;
                Mime.Message mail = Mime.parse(raw);
                String subject = Mime.decodeHeader(mail.header("Subject"));
                List<String> extra = new ArrayList<>(mail.malformed());
                Map<String, Integer> seen = new TreeMap<>();
                for (Mime.Header h : mail.headers()) {
                    String name = h.name().toLowerCase(java.util.Locale.ROOT);
                    seen.merge(name, 1, Integer::sum);
                    if (!ALLOWED_HEADERS.contains(name)) {
                        extra.add(h.name());
                    }
                }
                seen.forEach((name, n) -> {
                    if (n > 1 && !name.equals("received")) {
                        extra.add(n + "× " + name);
                    }
                });
                String cc = mail.header("Cc");
                if (cc != null && !cc.isBlank()) {
                    extra.add("Cc: " + cc);
                }
                if (!email.equals(mail.header("To"))) {
                    extra.add("To: " + mail.header("To"));
                }
                if (!extra.isEmpty()) {
                    extraHeaders += extra.size();
                    failures.add("mail to " + email + " \"" + subject + "\" has extra headers " + extra);
                }
                if (subject == null || subject.chars().anyMatch(c -> c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029)) {
                    failures.add("mail to " + email + ": the subject is not one line: " + subject);
                }
                if (raw.contains("evil.test") || raw.contains("X-Injected")) {
                    failures.add("mail to " + email + " \"" + subject + "\" carries a refused value");
                }
                if (email.equals(victimEmail)) {
                    victimSubjects.add(subject);
                }
                for (Mime.Part part : mail.parts()) {
                    if (part.contentType() != null && part.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/calendar")) {
                        calendars.add(new String[]{"attached to \"" + subject + "\" (to " + (email.equals(victimEmail) ? "victim" : "attacker") + ")",
                                "text/calendar attachments of meeting mails", part.text()});
                    }
                }
            }
        }
        // the mails about the attacker came, and their subjects name the attacker as they wrote their name
        int subjectsNaming = 0;
        List<String> subjectsAltered = new ArrayList<>();
        for (String prefix : List.of("Your new mentee: ", "Confirmed: mentoring meeting " + numbers.get(m1) + " with ",
                "Moved: mentoring meeting " + numbers.get(m2) + " with ", "Cancelled: mentoring meeting " + numbers.get(m3) + " with ")) {
            if (victimSubjects.stream().noneMatch(x -> x.startsWith(prefix))) {
                failures.add("the victim never got a mail whose subject starts \"" + prefix + "\"; got " + victimSubjects);
            }
        }
        for (String subject : victimSubjects) {
            if (subject.contains("Zo") && subject.contains("Brien")) {
                subjectsNaming++;
                if (!subject.endsWith(NASTY)) {
                    subjectsAltered.add(subject);
                }
            }
        }
        if (!Mail.mime("spy@evil.test").isEmpty()) {
            failures.add("spy@evil.test received mail");
        }
        if (!subjectsAltered.isEmpty()) {
            // every character of a name reaches the subject (an emoji arrived as "??" before subjects were encoded here)
            failures.add(subjectsAltered.size() + " subjects naming the attacker read back altered, e.g. " + subjectsAltered.get(0));
        }

        // --- 5. (second half) every calendar, strictly
        int calendarsFailing = 0;
        Map<String, Integer> bySource = new TreeMap<>();
        Map<String, Integer> itip = new TreeMap<>();
        for (String[] calendar : calendars) {
            bySource.merge(calendar[1], 1, Integer::sum);
            StrictCalendar.Parsed parsed = StrictCalendar.parse(calendar[2]);
            List<String> problems = new ArrayList<>(parsed.problems());
            if (parsed.calendar() != null) {
                problems.addAll(calendarProblems(parsed.calendar(), calendar[2], programName, authorTrackName, trackNames, numbers, victimEmail, attackerEmail));
                String method = value(parsed.calendar(), "METHOD");
                parsed.itip().forEach(note -> itip.merge("METHOD:" + method + " (" + calendar[1] + "): " + note, 1, Integer::sum));
            }
            if (!problems.isEmpty()) {
                calendarsFailing++;
                failures.add(calendar[0] + ": " + problems);
            }
        }

        // --- 9. the figures
        report.append("Program \"").append(programName).append("\"; the attacker's name: `").append(NASTY).append("`\n\n")
                .append("| what | figure | must be |\n|---|---|---|\n")
                .append("| dangerous inputs refused (400 problem+json naming the field) / tried | ").append(dangerous[1]).append(" / ").append(dangerous[0])
                .append(" (").append(DANGEROUS.size()).append(" character classes × ").append(perField.size()).append(" fields) | all |\n")
                .append("| mails checked (victim and attacker, every mail) | ").append(mailsChecked).append(" | |\n")
                .append("| extra or injected headers | ").append(extraHeaders).append(" | 0 |\n")
                .append("| the victim's subjects naming the attacker that read back altered | ").append(subjectsAltered.size())
                .append(" of ").append(subjectsNaming).append(subjectsAltered.isEmpty() ? "" : ", e.g. `" + subjectsAltered.get(0) + "`").append(" | |\n")
                .append("| calendars parsed strictly (ical4j, no relaxed hints, validated) | ").append(calendars.size()).append(" | |\n")
                .append("| calendars failing | ").append(calendarsFailing).append(" | 0 |\n")
                .append("| two simultaneous moves with the same If-Match | ").append(raceStatuses).append(" | [200, 412] |\n")
                .append("| PUT /me with a stale If-Match / without | ").append(stale.status()).append(" / ").append(unconditional.status()).append(" | 412 / 428 |\n")
                .append("| conduct reports by one person | ").append(limitOutcome).append(" | 10 accepted, then 429 |\n")
                .append("| attempts on a dissolved pairing's meetings (confirm, move, cancel) | ").append(attempts)
                .append(" (confirm/move not 409: ").append(answeredOtherwise).append(") | |\n")
                .append("| changes through a frozen pairing (meetings changed + mails to the victim) | ").append(frozenChanges).append(" | 0 |\n\n");
        report.append("Per field (refused / tried):\n\n");
        perField.forEach((field, n) -> report.append("- ").append(field).append(": ").append(n[1]).append(" / ").append(n[0]).append('\n'));
        report.append("\nCalendars by source:\n\n");
        bySource.forEach((source, n) -> report.append("- ").append(source).append(": ").append(n).append('\n'));
        report.append("\nNot asserted (RFC 5546, not RFC 5545): what ical4j's iTIP validation has against the calendars of each METHOD\n\n");
        if (itip.isEmpty()) {
            report.append("- nothing\n");
        }
        itip.forEach((note, n) -> report.append("- ").append(note).append(": ").append(n).append(" calendars\n"));
        report.append("\nTook ").append(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin)).append(" s; failures: ").append(failures.size()).append('\n');
        failures.stream().limit(80).forEach(f -> report.append("- ").append(f.replace("\r", "\\r").replace("\n", "\\n")).append('\n'));
        Path out = Path.of("target/hostile-people.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(failures).as("what one person could do to another through the platform").isEmpty();
    }

    /** Sends one dangerous value to one field: it must be refused with 400 problem+json naming that field. */
    private static void refused(Target target, Map.Entry<String, String> dangerous, int[] counts, Map<String, int[]> perField, List<String> failures) {
        String key = target.where() + " " + target.field();
        int[] n = perField.computeIfAbsent(key, k -> new int[2]);
        counts[0]++;
        n[0]++;
        Http.Response r = target.send().apply(dangerous.getValue());
        boolean named = false;
        if (r.status() == 400 && r.contentType().startsWith("application/problem+json")) {
            for (JsonNode e : r.json().path("errors")) {
                named |= target.field().equals(e.path("field").asText());
            }
        }
        if (named) {
            counts[1]++;
            n[1]++;
        } else {
            failures.add(key + " took " + dangerous.getKey() + ": " + r.status() + " " + abbreviate(r.body()));
        }
    }

    private static Map<String, Object> profile(String name, String affiliation) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("name", name);
        p.put("affiliation", affiliation);
        p.put("careerStage", "PHD_STUDENT");
        p.put("timeZone", "UTC");
        p.put("interests", List.of("causal inference", "EHR"));
        p.put("availability", List.of(Map.of("day", "TUESDAY", "from", "08:00", "to", "20:00"),
                Map.of("day", "THURSDAY", "from", "08:00", "to", "20:00")));
        return p;
    }

    /** A registration whose profile carries the name (a registration without one resets it to the account's). */
    private static Map<String, Object> registration(String role, Map<String, Object> answers, String name, String affiliation) {
        Map<String, Object> body = SeasonEndToEndTest.registration(role, answers, "UTC");
        Map<String, Object> profile = profile(name, affiliation);
        profile.put("careerStage", "MENTOR".equals(role) ? "FACULTY" : "PHD_STUDENT");
        body.put("profile", profile);
        return body;
    }

    private static Map<String, Object> conductReport(String programId, String about, String location) {
        Map<String, Object> r = new java.util.HashMap<>();
        r.put("programId", programId);
        r.put("about", about);
        r.put("description", "What happened,\nover several lines.");
        r.put("occurredOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString());
        if (location != null) {
            r.put("location", location);
        }
        return r;
    }

    private static List<JsonNode> meetingsOf(JsonNode page, String programId) {
        List<JsonNode> list = new ArrayList<>();
        page.get("items").forEach(m -> {
            if (programId.equals(m.path("programId").asText())) {
                list.add(m);
            }
        });
        return list;
    }

    /** Each meeting of the pairing: its status, sequence and time. */
    private static Map<String, String> meetingStates(String pairingId, String token) {
        Map<String, String> states = new TreeMap<>();
        SeasonEndToEndTest.expect(Http.get(Stack.SCHEDULE + "/pairings/" + pairingId + "/meetings", token), 200).forEach(m ->
                states.put(m.get("id").asText(), m.path("status").asText() + " #" + m.path("sequence").asInt() + " " + m.path("startsAt").asText()));
        return states;
    }

    /** The number of mails the address has once nothing more arrives for 6 s. */
    private static int settledMailCount(String email) {
        int count = Mail.of(email).size();
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(6) && System.nanoTime() < deadline) {
            SeasonEndToEndTest.sleep(1000);
            int now = Mail.of(email).size();
            if (now != count) {
                count = now;
                quietSince = System.nanoTime();
            }
        }
        return count;
    }

    /** What is wrong with one strictly parsed calendar: its properties, each event's, and the names in them. */
    private static List<String> calendarProblems(net.fortuna.ical4j.model.Calendar calendar, String ics, String programName,
                                                 String authorTrackName, List<String> trackNames, Map<String, Integer> numbers,
                                                 String victimEmail, String attackerEmail) {
        List<String> problems = new ArrayList<>();
        String prodId = value(calendar, "PRODID");
        boolean notification = prodId.contains("notification-service");
        List<String> calendarProperties = names(calendar.getProperties());
        String calName = calendar.getProperty("X-WR-CALNAME").isPresent() ? value(calendar, "X-WR-CALNAME") : null;
        List<String> expectedCalendar = notification ? List.of("METHOD", "PRODID", "VERSION")
                : calName == null ? List.of("CALSCALE", "METHOD", "PRODID", "VERSION")
                : calName.equals(programName + " mentorship")
                // the program's calendar describes the program and its code of conduct (issue 15)
                ? List.of("CALSCALE", "DESCRIPTION", "METHOD", "PRODID", "VERSION", "X-PUBLISHED-TTL", "X-WR-CALDESC", "X-WR-CALNAME")
                : List.of("CALSCALE", "METHOD", "PRODID", "VERSION", "X-PUBLISHED-TTL", "X-WR-CALNAME");
        if (!calendarProperties.equals(expectedCalendar)) {
            problems.add("calendar properties " + calendarProperties + ", expected " + expectedCalendar);
        }
        if (calName != null && !calName.equals(programName + " mentorship") && !calName.equals("Mentorship: " + VICTIM_NAME)
                && !calName.equals("Mentorship: " + NASTY)) {
            problems.add("X-WR-CALNAME is " + calName);
        }
        for (net.fortuna.ical4j.model.component.CalendarComponent component : calendar.getComponents()) {
            if (!component.getName().equals("VEVENT")) {
                problems.add("a " + component.getName() + " component");
                continue;
            }
            List<String> properties = names(component.getProperties());
            String uid = value(component, "UID");
            String summary = value(component, "SUMMARY");
            if (uid.endsWith("@meetings.mentorship")) {
                Integer number = numbers.get(uid.substring(0, uid.indexOf('@')));
                List<String> expected = notification
                        ? List.of("ATTENDEE", "ATTENDEE", "DTEND", "DTSTAMP", "DTSTART", "ORGANIZER", "SEQUENCE", "STATUS", "SUMMARY", "UID")
                        : List.of("ATTENDEE", "ATTENDEE", "DESCRIPTION", "DTEND", "DTSTAMP", "DTSTART", "ORGANIZER", "SEQUENCE", "STATUS", "SUMMARY", "UID");
                if (!properties.equals(expected)) {
                    problems.add(uid + ": properties " + properties + ", expected " + expected);
                }
                String expectedSummary = notification ? "Mentorship: " + VICTIM_NAME + " and " + NASTY
                        : authorTrackName + ": mentoring meeting " + number + " — " + VICTIM_NAME + " and " + NASTY;
                if (!expectedSummary.equals(summary)) {
                    problems.add(uid + ": SUMMARY is \"" + summary + "\", expected \"" + expectedSummary + "\"");
                }
                if (!notification) {
                    String expectedDescription = "Mentoring meeting " + number + ". The mentee sends the current draft to the mentor a few days before.";
                    if (!expectedDescription.equals(value(component, "DESCRIPTION"))) {
                        problems.add(uid + ": DESCRIPTION is \"" + value(component, "DESCRIPTION") + "\"");
                    }
                }
                // the names as RFC 5545 writes them (ical4j reads parameters with RFC 6868 and drops backslashes)
                String event = eventText(ics, uid);
                List<Map<String, String>> organizers = StrictCalendar.raw(event, "ORGANIZER");
                String organizer = organizers.size() == 1 ? organizers.get(0).get("CN") : organizers.toString();
                String expectedOrganizer = notification ? "Mentorship program" : authorTrackName;
                if (!expectedOrganizer.equals(organizer)) {
                    problems.add(uid + ": ORGANIZER CN is \"" + organizer + "\", expected \"" + expectedOrganizer + "\"");
                }
                Map<String, String> attendees = new TreeMap<>();
                for (Map<String, String> attendee : StrictCalendar.raw(event, "ATTENDEE")) {
                    attendees.put(attendee.get(""), attendee.get("CN"));
                }
                // RFC 5545 3.2: a quoted parameter value cannot hold DQUOTE; the platform writes it as an apostrophe
                Map<String, String> expectedAttendees = new TreeMap<>(Map.of("mailto:" + victimEmail, VICTIM_NAME,
                        "mailto:" + attackerEmail, NASTY.replace('"', '\'')));
                if (!attendees.equals(expectedAttendees)) {
                    problems.add(uid + ": ATTENDEEs " + attendees + ", expected " + expectedAttendees);
                }
            } else if (uid.endsWith("@schedule.mentorship")) {
                List<String> base = new ArrayList<>(List.of("CATEGORIES", "DESCRIPTION", "DTSTAMP", "DTSTART", "SEQUENCE", "SUMMARY", "UID"));
                List<String> window = new ArrayList<>(base);
                window.addAll(List.of("DTEND", "TRANSP"));
                base.add("DURATION");
                Collections.sort(base);
                Collections.sort(window);
                if (!properties.equals(base) && !properties.equals(window)) {
                    problems.add(uid + ": properties " + properties + ", expected " + base + " or " + window);
                }
                if (trackNames.stream().noneMatch(t -> summary.startsWith(t + ": "))) {
                    problems.add(uid + ": SUMMARY \"" + summary + "\" names no track of the program");
                }
            } else {
                problems.add("an event of unknown origin: UID " + uid);
            }
        }
        return problems;
    }

    private static List<String> names(List<? extends net.fortuna.ical4j.model.Property> properties) {
        List<String> names = new ArrayList<>();
        properties.forEach(p -> names.add(p.getName()));
        Collections.sort(names);
        return names;
    }

    /** A property's value (a TEXT value unescaped), or "" where there is none. */
    private static String value(net.fortuna.ical4j.model.PropertyListAccessor container, String name) {
        return container.<net.fortuna.ical4j.model.Property>getProperty(name).map(net.fortuna.ical4j.model.Property::getValue).orElse("");
    }

    /** The text of the calendar's VEVENT with this UID, unfolded. */
    private static String eventText(String ics, String uid) {
        for (String event : ics.replace("\r\n ", "").replace("\r\n\t", "").split("BEGIN:VEVENT\r\n")) {
            if (event.contains("\r\nUID:" + uid + "\r\n") || event.startsWith("UID:" + uid + "\r\n")) {
                return event.substring(0, event.indexOf("END:VEVENT\r\n"));
            }
        }
        return "";
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
