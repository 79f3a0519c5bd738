package dev.mentorship.notification.benchmark;

import dev.mentorship.notification.SmtpServer;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.StaffEvents;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The announcement benchmark (issue 20; not part of the default test run): an organizer's announcement to a track of
 * 20,000 people (memberships and contacts written straight into the database), measured from the POST to every inbox
 * entry written and every mail accepted by the SMTP server (GreenMail in this JVM). Target: 20,000 in under 60 s.
 * Run: {@code mvn -pl notification-service -am verify -Pbenchmark -Dtest=AnnouncementBenchmarkTest}; the figures are
 * printed and kept in target/announcement-benchmark.txt.
 */
@QuarkusTest
@Tag("benchmark")
class AnnouncementBenchmarkTest {

    static final int PEOPLE = Integer.getInteger("benchmark.people", 20_000);

    @Test
    void anAnnouncementToTwentyThousandPeople() throws Exception {
        UUID programId = UUID.randomUUID();
        String trackId = UUID.randomUUID().toString();
        String organizer = "bench-organizer-" + UUID.randomUUID().toString().substring(0, 6);
        try (EventProducer events = new EventProducer()) {
            StaffEvents.organizers(events, programId, organizer);
        }
        Database.query("insert into track_info (track_id, program_id, program_name, name, kind, updated_at) values ('" + trackId
                + "', '" + programId + "', 'ML4H Bench', 'Career Mentorship', 'CAREER', now()) returning 'x'");
        Database.query("insert into contact (participant_id, name, email, time_zone, updated_at) select md5('ann-bench-' || i)::uuid,"
                + " 'Bench <Person> ' || i, 'ann-bench-' || i || '@mentorship.test', 'Europe/Berlin', now()"
                + " from generate_series(1, " + PEOPLE + ") i on conflict do nothing returning 'x'");
        Database.query("insert into membership (registration_id, participant_id, program_id, track_id, role, status) select gen_random_uuid(),"
                + " md5('ann-bench-' || i)::uuid, '" + programId + "', '" + trackId + "', case when i % 2 = 0 then 'MENTOR' else 'MENTEE' end,"
                + " 'ACTIVE' from generate_series(1, " + PEOPLE + ") i returning 'x'");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Database.query("select count(*)::text from program_staff where program_id = '" + programId + "'").equals(List.of("1"))) {
            assertThat(System.nanoTime()).as("the staff arrives").isLessThan(deadline);
            Thread.sleep(100);
        }
        int before = SmtpServer.mail().getReceivedMessages().length;
        String subject = "Bench announcement " + UUID.randomUUID();

        long start = System.nanoTime();
        String id = given().auth().oauth2(Tokens.participant(organizer)).contentType("application/json").body("""
                        {"subject": "%s", "body": "Dear all,\\n\\nthe closing session is on Friday.\\n\\nThe organizers",
                         "audience": {"trackId": "%s"}, "essential": false}""".formatted(subject, trackId))
                .post("/programs/" + programId + "/announcements").then().statusCode(201).extract().path("id");
        long accepted = System.nanoTime();
        String event = "announcement:" + id;
        long inbox = awaitCount("select count(*)::text from notification where event_id = '" + event + "'", PEOPLE);
        long queued = awaitCount("select count(*)::text from email_delivery where event_id = '" + event + "'", PEOPLE);
        long sent = awaitCount("select count(*)::text from email_delivery where event_id = '" + event + "' and status = 'SENT'", PEOPLE);
        long smtp = start;
        while (SmtpServer.mail().getReceivedMessages().length - before < PEOPLE) {
            Thread.sleep(100);
        }
        smtp = System.nanoTime();
        int received = SmtpServer.mail().getReceivedMessages().length - before;
        StringBuilder report = new StringBuilder();
        line(report, "Announcement to %,d people: POST answered after %.2f s; %,d inbox entries after %.1f s, %,d mails queued after %.1f s, "
                        + "%,d mails SENT after %.1f s (%,.0f mails/s), %,d received by the SMTP server after %.1f s",
                PEOPLE, seconds(start, accepted), PEOPLE, seconds(start, inbox), PEOPLE, seconds(start, queued), PEOPLE, seconds(start, sent),
                PEOPLE / seconds(start, sent), received, seconds(start, smtp));
        System.out.println(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "announcement-benchmark.txt"), report.toString());
        assertThat(received).isEqualTo(PEOPLE);
        assertThat(seconds(start, sent)).as("seconds to SMTP for everyone").isLessThan(60);
        // each person's name went into their mail, escaped in the HTML
        assertThat(Database.query("select count(*)::text from email_delivery where event_id = '" + event
                + "' and html_body like '%Hello Bench &lt;Person&gt; %' and text_body like '%Hello Bench <Person> %'"))
                .containsExactly(String.valueOf(PEOPLE));
    }

    private static long awaitCount(String sql, int count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (Long.parseLong(Database.query(sql).get(0)) >= count) {
                return System.nanoTime();
            }
            try {
                Thread.sleep(100);
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
