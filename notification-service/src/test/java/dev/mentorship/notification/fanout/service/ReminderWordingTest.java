package dev.mentorship.notification.fanout.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A reminder says how long is truly left when it goes out late, and its lead time when it goes out on time. */
class ReminderWordingTest {

    @Test
    void onTimeRemindersSayTheirLeadTime() {
        assertThat(Messages.remaining(Duration.ofDays(7), Duration.ofDays(7).minusMinutes(2))).isEqualTo("7 days");
        assertThat(Messages.remaining(Duration.ofDays(1), Duration.ofHours(23).plusMinutes(30))).isEqualTo("1 day");
        assertThat(Messages.remaining(Duration.ofHours(2), Duration.ofMinutes(119))).isEqualTo("2 hours");
    }

    @Test
    void lateRemindersSayWhatIsLeft() {
        assertThat(Messages.remaining(Duration.ofDays(7), Duration.ofDays(3).plusHours(2))).isEqualTo("3 days");
        assertThat(Messages.remaining(Duration.ofDays(7), Duration.ofHours(30))).isEqualTo("30 hours");
        assertThat(Messages.remaining(Duration.ofDays(1), Duration.ofMinutes(10))).isEqualTo("1 hour");
    }

    @Test
    void anEventReadAfterItsDeadlineKeepsItsLeadTime() {
        assertThat(Messages.remaining(Duration.ofDays(1), Duration.ofHours(-5))).isEqualTo("1 day");
    }
}
