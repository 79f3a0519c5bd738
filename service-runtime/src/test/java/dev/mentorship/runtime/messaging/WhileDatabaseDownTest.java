package dev.mentorship.runtime.messaging;


import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An event met while PostgreSQL is away must wait for it, not go to the dead-letter topic (the fault suite lost three
 * confirmation mails that way); anything else must fail at once so that poison still goes to the .dlq.
 */
class WhileDatabaseDownTest {

    @Test
    void waitsForTheDatabaseAndThenProcessesTheEvent() {
        AtomicInteger attempts = new AtomicInteger();
        long begin = System.nanoTime();
        String result = WhileDatabaseDown.retry("ParticipantRegistered e-1", () -> switch (attempts.incrementAndGet()) {
            case 1 -> Uni.createFrom().failure(new ConnectException("Connection refused: /127.0.0.1:5432"));
            case 2 -> Uni.createFrom().failure(new PgException("the database system is shutting down", "FATAL", "57P03", null));
            default -> Uni.createFrom().item("processed");
        }).await().atMost(Duration.ofSeconds(20));

        assertThat(result).isEqualTo("processed");
        assertThat(attempts).hasValue(3);
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("it backed off between attempts")
                .isGreaterThanOrEqualTo(WhileDatabaseDown.FIRST_WAIT);
    }

    @Test
    void anyOtherFailureGoesOnAtOnceToTheFailureStrategy() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> WhileDatabaseDown.retry("PairingCreated e-2", () -> {
            attempts.incrementAndGet();
            return Uni.createFrom().<String>failure(new IllegalArgumentException("pairing without mentee"));
        }).await().atMost(Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class).hasMessage("pairing without mentee");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aBrokenStatementIsNotMistakenForAnOutage() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> WhileDatabaseDown.retry("ProgramPublished e-3", () -> {
            attempts.incrementAndGet();
            return Uni.createFrom().<String>failure(new PgException("value too long", "ERROR", "22001", null));
        }).await().atMost(Duration.ofSeconds(5))).isInstanceOf(PgException.class);
        assertThat(attempts).hasValue(1);
    }
}
