package dev.mentorship.notification.benchmark;

import dev.mentorship.testing.Database;
import dev.mentorship.notification.SmtpServer;
import dev.mentorship.testing.EventProducer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification benchmark (not part of the default test run): one DeadlineApproaching for a track of 20,000
 * participants, then 10,000 PairingCreated in a row, each delivered to the SMTP server and the inbox, on the real
 * broker, database and SMTP server. Run: {@code mvn -pl notification-service -am verify -Pbenchmark}; the figures
 * are printed and kept in target/notification-benchmark.txt.
 */
@QuarkusTest
@Tag("benchmark")
class NotificationBenchmarkTest {

    static final int PEOPLE = Integer.getInteger("benchmark.people", 20_000);
    static final int PAIRINGS = Integer.getInteger("benchmark.pairings", 10_000);

    @Test
    void deadlineToTwentyThousandAndTenThousandPairings() throws Exception {
        String programId = UUID.randomUUID().toString();
        String trackId = UUID.randomUUID().toString();
        Database.query("insert into track_info (track_id, program_id, program_name, name, kind, updated_at) values ('" + trackId
                + "', '" + programId + "', 'ML4H Bench', 'Author Mentorship', 'AUTHOR', now()) returning 'x'");
        Database.query("insert into contact (participant_id, name, email, time_zone, updated_at) select md5('bench-' || i)::uuid,"
                + " 'Bench Person ' || i, 'bench-' || i || '@mentorship.test', (array['Europe/Berlin','Asia/Tokyo','America/New_York'])[1 + i % 3],"
                + " now() from generate_series(1, " + PEOPLE + ") i returning 'x'");
        Database.query("insert into membership (registration_id, participant_id, program_id, track_id, role, status) select gen_random_uuid(),"
                + " md5('bench-' || i)::uuid, '" + programId + "', '" + trackId + "', case when i % 2 = 0 then 'MENTOR' else 'MENTEE' end, 'ACTIVE'"
                + " from generate_series(1, " + PEOPLE + ") i returning 'x'");
        int before = SmtpServer.mail().getReceivedMessages().length;
        StringBuilder report = new StringBuilder();
        try (EventProducer events = new EventProducer()) {
            long start = System.nanoTime();
            events.send("mentorship.schedule", programId, "DeadlineApproaching", UUID.randomUUID().toString(), "/bench", """
                    {"reminderId": "%s", "programId": "%s", "programName": "ML4H Bench", "trackId": "%s", "trackKey": "author",
                     "trackKind": "AUTHOR", "trackName": "Author Mentorship", "milestoneId": "%s", "milestoneKey": "submission",
                     "milestoneName": "Paper submission deadline", "milestoneType": "SUBMISSION_DEADLINE", "audience": ["MENTEE", "MENTOR"],
                     "dueAt": "2099-09-09T11:59:59Z", "endsAt": null, "timeZone": "AoE", "localRendering": "September 8, 2099 AoE",
                     "lead": "P7D"}""".formatted(UUID.randomUUID(), programId, trackId, UUID.randomUUID()));
            long inbox = awaitCount("select count(*)::text from notification where event_type = 'DeadlineApproaching' and subject like 'Paper submission%'"
                    + " and recipient_id in (select participant_id from membership where track_id = '" + trackId + "')", PEOPLE);
            long sent = awaitCount("select count(*)::text from email_delivery where event_type = 'DeadlineApproaching' and status = 'SENT'"
                    + " and email like 'bench-%'", PEOPLE);
            line(report, "DeadlineApproaching to %,d people: inbox after %.1f s, %,d emails sent after %.1f s (%,.0f emails/s)",
                    PEOPLE, seconds(start, inbox), PEOPLE, seconds(start, sent), PEOPLE / seconds(start, sent));

            start = System.nanoTime();
            for (int i = 1; i <= PAIRINGS; i++) {
                int mentor = 2 * i;
                int mentee = 2 * i - 1;
                events.sendAsync("mentorship.pairings", trackId, "PairingCreated", UUID.randomUUID().toString(), "/bench", """
                        {"pairingId": "%s", "runId": null, "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR", "source": "RUN",
                         "mentor": {"participantId": "%s", "registrationId": "%s", "name": "Bench Person %d", "email": "bench-%d@mentorship.test", "timeZone": "Europe/Berlin"},
                         "mentee": {"participantId": "%s", "registrationId": "%s", "name": "Bench Person %d", "email": "bench-%d@mentorship.test", "timeZone": "Asia/Tokyo"},
                         "score": 0.5, "explanation": {"score": 0.5, "rules": [], "summary": "Score 50/100."}, "createdAt": "2026-01-01T00:00:00Z"}"""
                        .formatted(UUID.randomUUID(), programId, trackId, uuid(mentor), UUID.randomUUID(), mentor, mentor,
                                uuid(mentee), UUID.randomUUID(), mentee, mentee));
            }
            events.flush();
            long produced = System.nanoTime();
            long inboxPairs = awaitCount("select count(*)::text from notification where event_type = 'PairingCreated'"
                    + " and recipient_id in (select participant_id from membership where track_id = '" + trackId + "')", 2 * PAIRINGS);
            long sentPairs = awaitCount("select count(*)::text from email_delivery where event_type = 'PairingCreated' and status = 'SENT'"
                    + " and email like 'bench-%'", 2 * PAIRINGS);
            line(report, "%,d PairingCreated in a row (produced in %.1f s): %,d inbox entries after %.1f s (%,.0f events/s), "
                            + "%,d emails sent after %.1f s (%,.0f emails/s)", PAIRINGS, seconds(start, produced), 2 * PAIRINGS,
                    seconds(start, inboxPairs), PAIRINGS / seconds(start, inboxPairs), 2 * PAIRINGS, seconds(start, sentPairs),
                    2 * PAIRINGS / seconds(start, sentPairs));
        }
        int received = SmtpServer.mail().getReceivedMessages().length - before;
        line(report, "SMTP server received %,d messages (expected %,d)", received, PEOPLE + 2 * PAIRINGS);
        System.out.println(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "notification-benchmark.txt"), report.toString());
        assertThat(received).isEqualTo(PEOPLE + 2 * PAIRINGS);
    }

    /** What PostgreSQL's md5('bench-' || i)::uuid gives. */
    private static String uuid(int i) {
        try {
            String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(("bench-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
                    + "-" + hex.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long awaitCount(String sql, int count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Long.parseLong(Database.query(sql).get(0)) >= count) {
                return System.nanoTime();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Never reached " + count + ": " + sql + " = " + Database.query(sql));
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static void line(StringBuilder report, String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
