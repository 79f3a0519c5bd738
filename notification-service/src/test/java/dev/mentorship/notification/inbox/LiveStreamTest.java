package dev.mentorship.notification.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.ManagementInterface;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits and the lifetime of the live stream ({@code GET /me/notifications/stream}): at most 3 per person (one
 * more: 429 problem+json with Retry-After), a slot freed when its client goes, a heartbeat (every second in tests), the
 * end when the opening token expires and when the person is erased. Streams are opened over plain sockets
 * ({@link LiveStreamClient}), so that closing one is exactly a client going away.
 */
@QuarkusTest
class LiveStreamTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Predicate<String> HEARTBEAT = l -> l.equals(":heartbeat") || l.equals(": heartbeat");

    @TestHTTPResource("/me/notifications/stream")
    URL stream;

    @Test
    void aPersonHasAtMostThreeStreamsAndTheFourthIsRefusedWith429RetryAfterAndAProblem() throws Exception {
        List<LiveStreamClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                LiveStreamClient client = LiveStreamClient.open(stream, Tokens.participant("live-limit-lea"));
                open.add(client);
                assertThat(client.status).as("stream %d", i + 1).isEqualTo(200);
                assertThat(client.headers.get("content-type")).startsWith("text/event-stream");
            }
            try (LiveStreamClient fourth = LiveStreamClient.open(stream, Tokens.participant("live-limit-lea"))) {
                assertThat(fourth.status).isEqualTo(429);
                assertThat(fourth.headers.get("retry-after")).isEqualTo("30");
                assertThat(fourth.headers.get("content-type")).startsWith("application/problem+json");
                JsonNode problem = JSON.readTree(fourth.body);
                assertThat(problem.path("type").asText()).endsWith("/problems/rate-limited");
                assertThat(problem.path("status").asInt()).isEqualTo(429);
                assertThat(problem.path("title").asText()).isEqualTo("Too Many Requests");
                assertThat(problem.path("detail").asText()).contains("3 live streams").contains("retry in 30 seconds");
                assertThat(problem.path("instance").asText()).isEqualTo("/me/notifications/stream");
            }
            // the limit is per person: someone else still gets one
            try (LiveStreamClient other = LiveStreamClient.open(stream, Tokens.participant("live-limit-other"))) {
                assertThat(other.status).isEqualTo(200);
            }
            // the first three are still open and alive
            for (LiveStreamClient client : open) {
                assertThat(client.awaitLine(HEARTBEAT, WAIT)).isTrue();
                assertThat(client.ended()).isFalse();
            }
            String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).containsPattern("notification_live_refused_total\\{limit=\"person\",?\\} [1-9]")
                    .containsPattern("notification_live_streams(\\{[^}]*\\})? [1-9]");
        } finally {
            closeAll(open);
        }
    }

    @Test
    void aClosedStreamFreesItsSlotAndOnlyItsOwn() throws Exception {
        String user = "live-slot-sam";
        List<LiveStreamClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(LiveStreamClient.open(stream, Tokens.participant(user)));
            }
            assertThat(open).allSatisfy(c -> assertThat(c.status).isEqualTo(200));
            try (LiveStreamClient refused = LiveStreamClient.open(stream, Tokens.participant(user))) {
                assertThat(refused.status).isEqualTo(429);
            }
            // a tab goes away: its slot is free again once the server notices the closed connection
            open.remove(0).close();
            LiveStreamClient again = openWhenAllowed(user);
            open.add(again);
            assertThat(again.status).isEqualTo(200);
            // and only that one slot: three are open again, so a fourth is refused
            try (LiveStreamClient refused = LiveStreamClient.open(stream, Tokens.participant(user))) {
                assertThat(refused.status).isEqualTo(429);
            }
            // all three go: all three slots come back
            closeAll(open);
            open.clear();
            open.add(openWhenAllowed(user));
            for (int i = 0; i < 2; i++) {
                open.add(LiveStreamClient.open(stream, Tokens.participant(user)));
            }
            assertThat(open).allSatisfy(c -> assertThat(c.status).isEqualTo(200));
        } finally {
            closeAll(open);
        }
    }

    @Test
    void anIdleStreamGetsAHeartbeatThatNoDataReaderMistakesForANotification() throws Exception {
        try (LiveStreamClient client = LiveStreamClient.open(stream, Tokens.participant("live-heart-hal"))) {
            assertThat(client.status).isEqualTo(200);
            // every second in tests (mentorship.live.heartbeat), 25 s by default
            assertThat(client.awaitLines(HEARTBEAT, 3, Duration.ofSeconds(10))).as("lines: %s", client.lines).isTrue();
            assertThat(client.lines).noneMatch(l -> l.startsWith("data:") || l.startsWith("event:"));
            assertThat(client.ended()).isFalse();
        }
    }

    @Test
    void aNewNotificationArrivesAsItsJsonInTheEventsData() throws Exception {
        String user = "live-json-jo";
        try (LiveStreamClient client = LiveStreamClient.open(stream, Tokens.participant(user))) {
            assertThat(client.status).isEqualTo(200);
            assertThat(client.awaitLine(HEARTBEAT, WAIT)).isTrue(); // subscribed: it is listening
            registered(user);
            assertThat(client.awaitLine(l -> l.startsWith("data:"), WAIT)).as("lines: %s", client.lines).isTrue();
            String data = client.lines.stream().filter(l -> l.startsWith("data:")).findFirst().orElseThrow().substring(5).trim();
            JsonNode notification = JSON.readTree(data);
            assertThat(notification.path("subject").asText()).startsWith("Your registration");
            assertThat(notification.path("category").asText()).isEqualTo("ACCOUNT");
            assertThat(UUID.fromString(notification.path("id").asText())).isNotNull();
        }
    }

    @Test
    void theStreamEndsWhenTheTokenThatOpenedItExpires() throws Exception {
        String user = "live-expiry-eve";
        String shortLived = Tokens.token(user, List.of("participant"), Tokens.AUDIENCE, Duration.ofSeconds(4));
        Instant expiresAt = Instant.ofEpochSecond(claims(shortLived).path("exp").asLong());
        try (LiveStreamClient client = LiveStreamClient.open(stream, shortLived)) {
            assertThat(client.status).isEqualTo(200);
            assertThat(client.awaitEnd(WAIT)).as("the server never ended the stream; lines: %s", client.lines).isTrue();
            Instant ended = Instant.now();
            // at the token's expiry, not before (exp is in whole seconds; a little slack for the clock's granularity)
            assertThat(ended).isAfterOrEqualTo(expiresAt.minusMillis(200)).isBefore(expiresAt.plusSeconds(10));
            assertThat(client.lines).anyMatch(l -> l.matches("event: ?expired"));
            // heartbeats came meanwhile: it was closed, not starved
            assertThat(client.lines).anyMatch(HEARTBEAT);
        }
        // the same token opens nothing now
        try (LiveStreamClient again = LiveStreamClient.open(stream, shortLived)) {
            assertThat(again.status).isEqualTo(401);
        }
        // and its slot was given back: a fresh token opens the full three
        List<LiveStreamClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(LiveStreamClient.open(stream, Tokens.participant(user)));
            }
            assertThat(open).allSatisfy(c -> assertThat(c.status).isEqualTo(200));
        } finally {
            closeAll(open);
        }
    }

    @Test
    void erasureEndsThePersonsStreamsAndNobodyElses() throws Exception {
        String erased = "live-erased-ezra";
        try (LiveStreamClient first = LiveStreamClient.open(stream, Tokens.participant(erased));
             LiveStreamClient second = LiveStreamClient.open(stream, Tokens.participant(erased));
             LiveStreamClient kept = LiveStreamClient.open(stream, Tokens.participant("live-kept-kim"))) {
            assertThat(List.of(first, second, kept)).allSatisfy(c -> assertThat(c.status).isEqualTo(200));
            try (EventProducer events = new EventProducer()) {
                events.send("mentorship.participants", Tokens.subject(erased), "ParticipantErased", UUID.randomUUID().toString(), "/test",
                        "{\"participantId\": \"" + Tokens.subject(erased) + "\", \"erasedAt\": \"2026-01-02T00:00:00Z\"}");
            }
            assertThat(first.awaitEnd(WAIT)).as("lines: %s", first.lines).isTrue();
            assertThat(second.awaitEnd(WAIT)).as("lines: %s", second.lines).isTrue();
            assertThat(first.lines).anyMatch(l -> l.matches("event: ?erased"));
            assertThat(second.lines).anyMatch(l -> l.matches("event: ?erased"));
            // someone else's stream goes on
            int heartbeats = (int) kept.lines.stream().filter(HEARTBEAT).count();
            assertThat(kept.awaitLines(HEARTBEAT, heartbeats + 2, WAIT)).isTrue();
            assertThat(kept.ended()).isFalse();
            assertThat(kept.lines).noneMatch(l -> l.startsWith("event:"));
        }
    }

    /** Opens a stream as soon as the person's limit allows it again (the server frees a slot when it sees the close). */
    private LiveStreamClient openWhenAllowed(String user) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            LiveStreamClient client = LiveStreamClient.open(stream, Tokens.participant(user));
            if (client.status != 429 || System.nanoTime() > deadline) {
                return client;
            }
            client.close();
            Thread.sleep(100);
        }
    }

    private static void registered(String user) {
        try (EventProducer events = new EventProducer()) {
            events.send("mentorship.participants", Tokens.subject(user), "ParticipantRegistered", UUID.randomUUID().toString(), "/test", """
                    {"participantId": "%s",
                     "participant": {"name": "%s Test", "email": "%s", "affiliation": "Somewhere", "careerStage": "PHD_STUDENT",
                       "timeZone": "UTC", "interests": [], "availability": []},
                     "registration": {"registrationId": "%s", "programId": "%s", "trackId": "%s", "trackKind": "AUTHOR",
                       "role": "MENTEE", "status": "ACTIVE", "late": false, "answers": {}, "oneOnOneAvailabilityUtc": [],
                       "codeOfConductVersion": "1", "registeredAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}}"""
                    .formatted(Tokens.subject(user), user, Tokens.email(user), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        }
    }

    private static JsonNode claims(String token) throws IOException {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static void closeAll(List<LiveStreamClient> clients) throws IOException {
        for (LiveStreamClient client : clients) {
            client.close();
        }
    }
}
