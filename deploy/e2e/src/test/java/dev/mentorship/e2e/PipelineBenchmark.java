package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event pipeline under load, against the running local stack ({@code deploy/bench/pipeline.sh}, after
 * {@code deploy/local/platform.sh up}): registrations sent at a steady rate, each a {@code ParticipantRegistered}
 * that notification-service turns into a confirmation mail and an inbox entry; then one matching run published per
 * track, each pairing a {@code PairingCreated} that becomes a mail and an inbox entry for mentee and mentor.
 * <p>
 * Measured: the registrations' HTTP latency (client side, from the moment each was due, so a slow server cannot
 * hide behind a slow client), the time end to end (first registration sent to last pairing mail accepted by SMTP),
 * and the event-to-mail latency of every mail: notification-service records each mail's event time (ce_time) and
 * the moment the SMTP server accepted it, read here from its database. Arguments: MENTEES (10000), RATE of
 * registrations per second (200), USERS (500; each registers once per track: a fifth as mentors of capacity 4,
 * so each track pairs 4/5 of USERS mentees and the program count follows).
 */
public final class PipelineBenchmark {

    static final int CAPACITY = 4;

    public static void main(String[] args) throws Exception {
        int mentees = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int userCount = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int menteesPerTrack = userCount * CAPACITY / (CAPACITY + 1);
        int trackCount = (mentees + menteesPerTrack - 1) / menteesPerTrack;
        String run = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder report = new StringBuilder("# Event pipeline (" + LocalDateTime.now(ZoneOffset.UTC).withNano(0) + " UTC, run " + run + ")\n\n");
        report.append("Command: `deploy/bench/pipeline.sh ").append(mentees).append(' ').append(rate).append(' ').append(userCount).append("`\n\n");

        // --- people (reused across runs) and programs (new each run)
        long t = System.nanoTime();
        List<String> users = new ArrayList<>();
        Map<String, String> tokens = new ConcurrentHashMap<>();
        ExecutorService setup = Executors.newFixedThreadPool(4);
        for (int i = 0; i < userCount; i++) {
            String user = "pipe-" + i;
            users.add(user);
            setup.submit(() -> {
                Keycloak.user(user, "Pipe" + user.substring(5), "Bench");
                tokens.put(user, Keycloak.token(user));
            });
        }
        setup.shutdown();
        check(setup.awaitTermination(30, TimeUnit.MINUTES) && tokens.size() == userCount, "could not make the " + userCount + " users");
        String olivia = Keycloak.token("olivia");
        List<String[]> tracks = new ArrayList<>(); // {programId, trackId, kind}
        for (int p = 0; tracks.size() < trackCount; p++) {
            ObjectNode file = SeasonEndToEndTest.ml4h2025("ML4H 2025 (pipeline " + run + "-" + p + ")");
            String programId = SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/programs", olivia, file), 201).get("id").asText();
            JsonNode published = SeasonEndToEndTest.expect(Http.post(Stack.SCHEDULE + "/programs/" + programId + "/publish", olivia, null), 200);
            for (JsonNode track : published.get("tracks")) {
                if (!track.get("kind").asText().equals("CAREER") && tracks.size() < trackCount) {
                    tracks.add(new String[]{programId, track.get("trackId").asText(), track.get("kind").asText()});
                }
            }
            String any = tokens.get(users.get(0));
            SeasonEndToEndTest.awaitTrue(() -> Http.get(Stack.PARTICIPANTS + "/tracks?programId=" + programId, any).json().get("total").asInt() == 3,
                    "participant-service never learnt the tracks");
        }
        for (String[] track : tracks) {
            SeasonEndToEndTest.awaitTrue(() -> Http.get(Stack.MATCHING + "/programs/" + track[0] + "/tracks/" + track[1] + "/matching-policy", olivia).status() == 200,
                    "matching-service never learnt track " + track[1]);
        }
        report.append("Setup: ").append(userCount).append(" users, ").append(tracks.size()).append(" tracks in ")
                .append((tracks.size() + 1) / 2).append(" programs, ").append(seconds(t)).append(" s\n\n");

        // --- phase 1: registrations at a steady rate; each is an event and a confirmation mail
        List<int[]> plan = new ArrayList<>(); // {user, track}: consecutive requests come from different people
        int menteesLeft = mentees;
        for (int k = 0; k < tracks.size(); k++) {
            int inTrack = Math.min(menteesPerTrack, menteesLeft);
            menteesLeft -= inTrack;
            int mentors = (inTrack + CAPACITY - 1) / CAPACITY;
            for (int u = 0; u < inTrack + mentors; u++) {
                plan.add(new int[]{u, k});
            }
        }
        int totalMentees = mentees;
        Map<String, Long> cpuBefore = cpu();
        Instant begin = Instant.now();
        long start = System.nanoTime();
        long[] latencies = new long[plan.size()];
        AtomicInteger failures = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong lastAnswered = new java.util.concurrent.atomic.AtomicLong();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(Math.max(16, rate / 2));
        for (int i = 0; i < plan.size(); i++) {
            int index = i;
            int[] step = plan.get(i);
            String user = users.get(step[0]);
            String[] track = tracks.get(step[1]);
            int trackMentees = mentees(step[1], tracks.size(), menteesPerTrack, totalMentees);
            boolean mentor = step[0] >= trackMentees;
            long due = start + TimeUnit.MILLISECONDS.toNanos(1000L * i / rate);
            senders.submit(() -> {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    SeasonEndToEndTest.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
                }
                Map<String, Object> answers = answers(track[2], mentor, user);
                String outcome;
                try {
                    Http.Response response = Http.post(Stack.PARTICIPANTS + "/programs/" + track[0] + "/tracks/" + track[1] + "/registrations",
                            tokens.get(user), SeasonEndToEndTest.registration(mentor ? "MENTOR" : "MENTEE", answers, "Europe/Berlin"));
                    outcome = response.status() == 201 ? null : response.status() + " " + response.body();
                } catch (RuntimeException | AssertionError e) {
                    outcome = e.toString();
                }
                latencies[index] = System.nanoTime() - due;
                lastAnswered.accumulateAndGet(System.currentTimeMillis(), Math::max);
                if (outcome != null) {
                    failures.incrementAndGet();
                    if (wrong.size() < 5) {
                        wrong.add(outcome);
                    }
                }
            });
        }
        senders.shutdown();
        check(senders.awaitTermination(2, TimeUnit.HOURS), "the registrations never ended");
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        int registrations = plan.size();
        try (Connection db = Databases.connect("notification_service")) {
            long drained = awaitMails(db, "ParticipantRegistered", begin, registrations);
            double drainSeconds = (drained - start) / 1e9;
            Map<String, Long> cpuRegistered = cpu();
            Arrays.sort(latencies);
            report.append("## Registrations → confirmation mails\n\n")
                    .append("| registrations | offered rate | achieved | HTTP p50 | p99 | p99.9 | failed | all mails sent after | last mail after the last answer |\n|---|---|---|---|---|---|---|---|---|\n")
                    .append("| ").append(registrations).append(" (").append(totalMentees).append(" mentees) | ").append(rate).append("/s | ")
                    .append(Math.round(registrations / sendSeconds)).append("/s | ").append(ms(percentile(latencies, 0.5))).append(" | ")
                    .append(ms(percentile(latencies, 0.99))).append(" | ").append(ms(percentile(latencies, 0.999))).append(" | ")
                    .append(failures.get()).append(" | ").append(String.format("%.1f s", drainSeconds)).append(" | ")
                    .append(String.format("%.2f s", lastMailAfter(db, "ParticipantRegistered", begin, Instant.ofEpochMilli(lastAnswered.get()))))
                    .append(" |\n\n");
            wrong.forEach(w -> report.append("- failed: ").append(w.length() > 300 ? w.substring(0, 300) : w).append('\n'));
            report.append(latencyTable(db, "ParticipantRegistered", begin)).append('\n');
            report.append(cpuTable("registration (its request, event, consumers and mail)", cpuBefore, cpuRegistered, registrations,
                    drainSeconds)).append('\n');

            // --- phase 2: one published matching run per track; each pairing a mail to mentee and mentor
            Instant matchingBegan = Instant.now();
            long matchingStart = System.nanoTime();
            int paired = 0;
            for (int k = 0; k < tracks.size(); k++) {
                String programId = tracks.get(k)[0];
                String trackId = tracks.get(k)[1];
                int trackMentees = mentees(k, tracks.size(), menteesPerTrack, totalMentees);
                JsonNode proposal = SeasonEndToEndTest.awaitJson(
                        () -> SeasonEndToEndTest.expect(Http.post(Stack.MATCHING + "/programs/" + programId + "/tracks/" + trackId + "/matching-runs", olivia, null), 201),
                        p -> p.at("/report/matched").asInt() + p.at("/report/unmatched").asInt() == trackMentees,
                        "matching-service never saw the registrations of " + trackId);
                paired += proposal.at("/report/matched").asInt();
                SeasonEndToEndTest.expect(Http.post(Stack.MATCHING + "/matching-runs/" + proposal.get("id").asText() + "/publish", olivia, null), 200);
            }
            double publishSeconds = (System.nanoTime() - matchingStart) / 1e9;
            long pairingsDone = awaitMails(db, "PairingCreated", matchingBegan, 2L * paired);
            report.append("## Published matching → pairing mails\n\n")
                    .append("| tracks | pairings | unmatched | runs computed and published in | all pairing mails sent after publishing began |\n|---|---|---|---|---|\n")
                    .append("| ").append(tracks.size()).append(" | ").append(paired).append(" | ").append(totalMentees - paired).append(" | ")
                    .append(String.format("%.1f s", publishSeconds)).append(" | ")
                    .append(String.format("%.1f s", (pairingsDone - matchingStart) / 1e9)).append(" |\n\n");
            report.append(latencyTable(db, "PairingCreated", matchingBegan)).append('\n');
            report.append(cpuTable("pairing (matching, event, consumers, two mails)", cpuRegistered, cpu(), paired,
                    (pairingsDone - matchingStart) / 1e9)).append('\n');
            report.append("## End to end\n\n")
                    .append(String.format("First registration sent to last pairing mail accepted by SMTP: **%.1f s** (%d registrations, %d pairings, %d mails).%n%n",
                            (pairingsDone - start) / 1e9, registrations, paired, registrations + 2L * paired))
                    .append(inbox(db, begin)).append('\n');
        }
        System.out.println(report);
        Path out = Stack.ROOT.resolve("deploy/bench/results/pipeline-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC)) + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("Report: " + out);
        System.exit(0); // the HTTP client's threads would keep exec:java waiting
    }

    /**
     * CPU time so far per component of the local stack, in clock ticks (1/100 s), from /proc: each service's JVM, the
     * broker, Keycloak, the SMTP server, PostgreSQL (the postmaster with its reaped backends, plus the live ones),
     * this benchmark's JVM, and the whole machine.
     */
    static Map<String, Long> cpu() {
        Map<String, Long> ticks = new java.util.TreeMap<>();
        java.io.File[] processes = new java.io.File("/proc").listFiles((dir, name) -> name.matches("\\d+"));
        long self = ProcessHandle.current().pid();
        for (java.io.File p : processes == null ? new java.io.File[0] : processes) {
            try {
                String cmd = Files.readString(p.toPath().resolve("cmdline")).replace('\0', ' ');
                String stat = Files.readString(p.toPath().resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                String name = Long.parseLong(p.getName()) == self ? "benchmark"
                        : cmd.contains("participant-service") ? "participant" : cmd.contains("matching-service") ? "matching"
                        : cmd.contains("schedule-service") ? "schedule" : cmd.contains("notification-service") ? "notification"
                        : cmd.contains("kafka.Kafka") ? "kafka" : cmd.contains("keycloak") && cmd.contains("java") ? "keycloak"
                        : cmd.contains("greenmail") ? "mail" : cmd.startsWith("postgres") || cmd.contains("/postgres ") ? "postgres" : null;
                if (name != null) {
                    long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    if (name.equals("postgres") && f[1].equals("1")) {
                        used += Long.parseLong(f[13]) + Long.parseLong(f[14]); // the postmaster: its reaped backends
                    }
                    ticks.merge(name, used, Long::sum);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // a process that ended meanwhile
            }
        }
        try {
            String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            ticks.put("machine", Long.parseLong(all[1]) + Long.parseLong(all[2]) + Long.parseLong(all[3]) + Long.parseLong(all[6])
                    + Long.parseLong(all[7]) + Long.parseLong(all[8]));
        } catch (java.io.IOException e) {
            // no /proc/stat: no machine total
        }
        return ticks;
    }

    /** CPU per component between two snapshots: core-seconds, cores on average, and milliseconds per unit of work. */
    static String cpuTable(String unit, Map<String, Long> before, Map<String, Long> after, long units, double seconds) {
        StringBuilder table = new StringBuilder("CPU per " + unit + ", over " + String.format("%.0f s", seconds) + ":\n\n"
                + "| component | CPU s | cores on average | ms per unit |\n|---|---|---|---|\n");
        for (String name : after.keySet()) {
            double used = (after.get(name) - before.getOrDefault(name, 0L)) / 100.0;
            table.append(String.format("| %s | %.1f | %.2f | %.2f |%n", name, used, used / seconds, 1000 * used / Math.max(1, units)));
        }
        if (after.containsKey("machine") && after.containsKey("benchmark")) {
            // the platform's own cost: the whole machine less the load generator (and Keycloak, which only the setup used)
            double platform = (after.get("machine") - before.getOrDefault("machine", 0L) - after.get("benchmark")
                    + before.getOrDefault("benchmark", 0L)) / 100.0;
            table.append(String.format("%nMachine less the load generator: **%.2f ms per unit**.%n", 1000 * platform / Math.max(1, units)));
        }
        return table.toString();
    }

    /** How many mentees track {@code k} has: full tracks first, the rest in the last one. */
    private static int mentees(int k, int tracks, int perTrack, int total) {
        return k < tracks - 1 ? perTrack : total - perTrack * (tracks - 1);
    }

    private static Map<String, Object> answers(String kind, boolean mentor, String user) {
        if (mentor) {
            return Map.of("expertise", List.of("causal inference", "EHR", "fairness"), "capacity", CAPACITY);
        }
        return kind.equals("AUTHOR")
                ? Map.of("paperTitle", "Paper of " + user, "paperSummary", "Causal effects from EHR.", "intendsToSubmit", true)
                : Map.of("reviewingExperience", "FEW", "areas", List.of("fairness"), "assignedReviewer", true);
    }

    /** Seconds from {@code answered} (the last registration's answer) to the last such mail's SMTP acceptance. */
    private static double lastMailAfter(Connection db, String eventType, Instant since, Instant answered) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                select extract(epoch from max(sent_at) - ?) from email_delivery
                 where event_type = ? and created_at >= ? and email like 'pipe-%' and sent_at is not null""")) {
            s.setTimestamp(1, Timestamp.from(answered));
            s.setString(2, eventType);
            s.setTimestamp(3, Timestamp.from(since));
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getDouble(1);
            }
        }
    }

    /** Waits until {@code count} mails of the event type since {@code since} were accepted by SMTP; returns when (nanoTime). */
    private static long awaitMails(Connection db, String eventType, Instant since, long count) throws SQLException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long sent = single(db, "select count(*) from email_delivery where event_type = ? and created_at >= ? and email like 'pipe-%' and sent_at is not null",
                    eventType, since);
            if (sent >= count) {
                return System.nanoTime();
            }
            if (sent != last) {
                last = sent;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > TimeUnit.MINUTES.toNanos(3)) {
                throw new AssertionError("Stuck at " + sent + " of " + count + " " + eventType + " mails");
            }
            SeasonEndToEndTest.sleep(200);
        }
    }

    /** Event-to-mail latency of the event type's mails since {@code since}: event time (ce_time) to SMTP acceptance. */
    private static String latencyTable(Connection db, String eventType, Instant since) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                select count(*), percentile_cont(array[0.5, 0.9, 0.99, 0.999]) within group (order by extract(epoch from sent_at - event_at)),
                       max(extract(epoch from sent_at - event_at)), avg((extract(epoch from sent_at - event_at) <= 1)::int)
                  from email_delivery where event_type = ? and created_at >= ? and email like 'pipe-%' and sent_at is not null""")) {
            s.setString(1, eventType);
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Double[] p = (Double[]) r.getArray(2).getArray();
                return "Event to mail (" + eventType + " ce_time → SMTP accepted), " + r.getLong(1) + " mails:\n\n"
                        + "| p50 | p90 | p99 | p99.9 | max | within 1 s |\n|---|---|---|---|---|---|\n"
                        + String.format("| %s | %s | %s | %s | %s | %.1f %% |%n", sec(p[0]), sec(p[1]), sec(p[2]), sec(p[3]), sec(r.getDouble(3)),
                        100 * r.getDouble(4));
            }
        }
    }

    private static String inbox(Connection db, Instant since) throws SQLException {
        long registered = single(db, "select count(*) from notification n where event_type = ? and created_at >= ?"
                + " and exists (select 1 from email_delivery d where d.event_id = n.event_id and d.email like 'pipe-%')", "ParticipantRegistered", since);
        long paired = single(db, "select count(*) from notification n where event_type = ? and created_at >= ?"
                + " and exists (select 1 from email_delivery d where d.event_id = n.event_id and d.email like 'pipe-%')", "PairingCreated", since);
        return "Inbox entries written: " + registered + " for registrations, " + paired + " for pairings.\n";
    }

    private static long single(Connection db, String sql, String type, Instant since) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, type);
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return String.format("%.0f ms", nanos / 1e6);
    }

    private static String sec(double seconds) {
        return seconds < 1 ? String.format("%.0f ms", seconds * 1000) : String.format("%.2f s", seconds);
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }

    private PipelineBenchmark() {
    }
}
