package dev.mentorship.participant.track;

import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The tracks people can register for come from schedule-service's events, read from the real broker. */
@QuarkusTest
class ProgramEventsConsumerTest {

    private static final String SOURCE = "/mentorship/schedule-service";

    @Test
    void publishedTracksBecomeRegistrableAndDeadlineMovesFollowOnceEach() {
        String programId = UUID.randomUUID().toString();
        String author = UUID.randomUUID().toString();
        String career = UUID.randomUUID().toString();
        try (EventProducer events = new EventProducer()) {
            events.send("mentorship.programs", programId, "ProgramPublished", UUID.randomUUID().toString(), SOURCE,
                    programPublished(programId, author, career));

            JsonPath tracks = awaitTracks(programId, page -> page.getList("items").size() == 2);
            assertThat(tracks.getList("items.kind")).containsExactlyInAnyOrder("AUTHOR", "CAREER");
            assertThat(tracks.getString("items.find { it.kind == 'AUTHOR' }.registrationState")).isEqualTo("OPEN");
            assertThat(tracks.getString("items.find { it.kind == 'AUTHOR' }.closesAt")).isEqualTo("2099-09-07T11:59:59Z");
            assertThat(tracks.getList("items.find { it.kind == 'CAREER' }.topics")).contains("work-life balance");
            assertThat(tracks.getString("items.find { it.kind == 'CAREER' }.codeOfConductVersion")).isEqualTo("2025");
            // where the code of conduct is and where violations are reported: what people read before registering
            assertThat(tracks.getList("items.codeOfConductUrl")).containsOnly("https://ahli.cc/ml4h/code-of-conduct/");
            assertThat(tracks.getList("items.conductReportContact")).containsOnly("info@ml4h.cc");

            // the career deadline is extended twice; then the first extension is delivered again
            String first = UUID.randomUUID().toString();
            events.send("mentorship.programs", programId, "MilestoneRescheduled", first, SOURCE,
                    deadlineMoved(programId, career, "2099-10-16T11:59:59Z", "2099-10-26T11:59:59Z"));
            events.send("mentorship.programs", programId, "MilestoneRescheduled", UUID.randomUUID().toString(), SOURCE,
                    deadlineMoved(programId, career, "2099-10-26T11:59:59Z", "2099-10-30T11:59:59Z"));
            awaitTracks(programId, page -> "2099-10-30T11:59:59Z".equals(
                    page.getString("items.find { it.kind == 'CAREER' }.applicationDeadline")));
            events.send("mentorship.programs", programId, "MilestoneRescheduled", first, SOURCE,
                    deadlineMoved(programId, career, "2099-10-16T11:59:59Z", "2099-10-26T11:59:59Z"));
            // a type this consumer does not know is skipped, not dead-lettered
            events.send("mentorship.programs", programId, "SomethingNewAndUnknown", UUID.randomUUID().toString(), SOURCE, "{}");
            // a later event with the same key (so the same partition, read after the redelivery) moves the author
            // deadline; once it shows, the redelivered first extension has been read too, and skipped by its ce_id
            events.send("mentorship.programs", programId, "MilestoneRescheduled", UUID.randomUUID().toString(), SOURCE,
                    deadlineMoved(programId, author, "2099-07-06T11:59:59Z", "2099-07-08T11:59:59Z"));
            JsonPath after = awaitTracks(programId, page -> "2099-07-08T11:59:59Z".equals(
                    page.getString("items.find { it.kind == 'AUTHOR' }.applicationDeadline")));
            assertThat(after.getString("items.find { it.kind == 'CAREER' }.applicationDeadline")).isEqualTo("2099-10-30T11:59:59Z");
            assertThat(after.getString("items.find { it.kind == 'CAREER' }.closesAt")).isEqualTo("2099-10-30T11:59:59Z");
            // the rolling author track still closes when it did
            assertThat(after.getString("items.find { it.kind == 'AUTHOR' }.closesAt")).isEqualTo("2099-09-07T11:59:59Z");
        }
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String programId = UUID.randomUUID().toString();
        try (EventProducer events = new EventProducer(); TopicReader dlq = new TopicReader("mentorship.programs.dlq")) {
            events.sendRaw(new ProducerRecord<>("mentorship.programs", programId, "not json, and no headers"));
            events.sendMalformed("mentorship.programs", programId, "ProgramPublished", UUID.randomUUID().toString(), SOURCE,
                    "{\"programId\": \"" + programId + "\", \"tracks\": [{\"kind\": \"AUTHOR\"}]}");
            List<TopicReader.Event> dead = dlq.await(e -> programId.equals(e.key()), 2, Duration.ofSeconds(30));
            assertThat(dead).hasSize(2);
            assertThat(dead.get(1).headers()).containsEntry("ce_type", "ProgramPublished")
                    .containsKey("dead-letter-reason");

            String author = UUID.randomUUID().toString();
            events.send("mentorship.programs", programId, "ProgramPublished", UUID.randomUUID().toString(), SOURCE,
                    programPublished(programId, author, UUID.randomUUID().toString())
                            .replace(", \"reportContact\": \"info@ml4h.cc\"", ""));
            JsonPath tracks = awaitTracks(programId, page -> page.getList("items").size() == 2);
            assertThat(tracks.getList("items")).hasSize(2);
            // a program that names no report contact (ML4H 2024): none is shown, the URL still is
            assertThat(tracks.getList("items.conductReportContact")).containsOnly((Object) null);
            assertThat(tracks.getList("items.codeOfConductUrl")).containsOnly("https://ahli.cc/ml4h/code-of-conduct/");
        }
    }

    @Test
    void aTrackAnotherTransactionInsertedMeanwhileIsAConflictRetriedAndAppliedNotDeadLettered() throws Exception {
        String earlier = UUID.randomUUID().toString();
        String earlierAuthor = UUID.randomUUID().toString();
        String programId = UUID.randomUUID().toString();
        String author = UUID.randomUUID().toString();
        Config config = ConfigProvider.getConfig();
        try (EventProducer events = new EventProducer(); TopicReader dlq = new TopicReader("mentorship.programs.dlq");
             Connection other = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                     config.getValue("quarkus.datasource.username", String.class),
                     config.getValue("quarkus.datasource.password", String.class))) {
            events.send("mentorship.programs", earlier, "ProgramPublished", UUID.randomUUID().toString(), SOURCE,
                    programPublished(earlier, earlierAuthor, UUID.randomUUID().toString()));
            awaitTracks(earlier, page -> page.getList("items").size() == 2);

            // another transaction (a replica's, say) inserts the author track's row and holds it uncommitted: the
            // consumer does not see it, inserts the same key and waits for that transaction
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.executeUpdate("insert into track_offer select (jsonb_populate_record(t, jsonb_build_object("
                        + "'track_id', '" + author + "', 'name', 'Taken meanwhile'))).* from track_offer t where track_id = '"
                        + earlierAuthor + "'");
            }
            events.send("mentorship.programs", programId, "ProgramPublished", UUID.randomUUID().toString(), SOURCE,
                    programPublished(programId, author, UUID.randomUUID().toString()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            try (Statement statement = other.createStatement()) {
                while (true) {
                    ResultSet waiting = statement.executeQuery("select count(*) from pg_locks where not granted");
                    waiting.next();
                    if (waiting.getInt(1) > 0) {
                        break;
                    }
                    assertThat(System.nanoTime()).as("the consumer never waited for the other transaction").isLessThan(deadline);
                    sleep();
                }
            }
            // it commits: the consumer's insert is a unique-key violation (23505), its batch is tried again and finds the row
            other.commit();

            JsonPath tracks = awaitTracks(programId, page -> page.getList("items").size() == 2
                    && "Author Mentorship".equals(page.getString("items.find { it.kind == 'AUTHOR' }.name")));
            assertThat(tracks.getList("items.kind")).containsExactlyInAnyOrder("AUTHOR", "CAREER");
            assertThat(dlq.readFor(Duration.ofSeconds(2), e -> programId.equals(e.key()))).as("nothing dead-lettered").isEmpty();
        }
    }

    private static JsonPath awaitTracks(String programId, Predicate<JsonPath> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath page;
        do {
            page = given().auth().oauth2(Tokens.participant("anna")).queryParam("programId", programId)
                    .when().get("/tracks").then().statusCode(200).extract().jsonPath();
            if (until.test(page)) {
                return page;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("The tracks of " + programId + " never got there: " + page.prettify());
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String programPublished(String programId, String author, String career) {
        return """
                {"programId": "%s", "conference": "ML4H", "name": "ML4H 2099", "timeZone": "AoE",
                 "publishedAt": "2026-01-01T00:00:00Z",
                 "codeOfConduct": {"title": "ML4H Code of Conduct", "version": "2025",
                   "url": "https://ahli.cc/ml4h/code-of-conduct/", "reportContact": "info@ml4h.cc"},
                 "tracks": [
                  {"trackId": "%s", "key": "author", "kind": "AUTHOR", "name": "Author Mentorship", "topics": [],
                   "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "2026-01-01T00:00:00Z",
                     "applicationDeadline": "2099-07-06T11:59:59Z", "closesAt": "2099-09-07T11:59:59Z", "rolling": true},
                   "milestones": []},
                  {"trackId": "%s", "key": "career", "kind": "CAREER", "name": "Career Mentorship",
                   "topics": ["long-term research plan", "work-life balance"], "menteesPerMentorMin": 3, "menteesPerMentorMax": 4,
                   "registration": {"roles": ["MENTOR", "MENTEE"], "opensAt": "2026-01-01T00:00:00Z",
                     "applicationDeadline": "2099-10-16T11:59:59Z", "closesAt": "2099-10-16T11:59:59Z", "rolling": false},
                   "milestones": []}]}""".formatted(programId, author, career);
    }

    private static String deadlineMoved(String programId, String trackId, String from, String to) {
        return """
                {"changeId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "CAREER",
                 "milestoneId": "%s", "milestoneKey": "application-deadline", "milestoneName": "Application deadline",
                 "milestoneType": "APPLICATION_DEADLINE", "audience": ["MENTEE", "MENTOR"], "timeZone": "AoE",
                 "previous": {"date": "2099-10-15", "dueAt": "%s", "localRendering": "October 15, 2099 AoE"},
                 "current": {"date": "2099-10-25", "dueAt": "%s", "localRendering": "October 25, 2099 AoE"},
                 "summary": "extended", "reason": "more time", "changedAt": "2026-01-02T00:00:00Z"}"""
                .formatted(UUID.randomUUID(), programId, trackId, UUID.randomUUID(), from, to);
    }
}
