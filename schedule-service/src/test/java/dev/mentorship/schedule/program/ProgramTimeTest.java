package dev.mentorship.schedule.program;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramTimeTest {

    @Test
    void aDateOnlyDeadlineAoEEndsAtTheLastSecondOfThatDayAtUtcMinus12() {
        assertThat(ProgramTime.at(LocalDate.of(2025, 7, 5), null, "AoE"))
                .isEqualTo(Instant.parse("2025-07-06T11:59:59Z"));
    }

    @Test
    void acrossTheDateLineTheSameDateEndsTwentySixHoursApart() {
        // Kiritimati (UTC+14) is the first place a day ends; AoE (UTC-12) the last
        Instant kiritimati = ProgramTime.at(LocalDate.of(2025, 9, 8), null, "Pacific/Kiritimati");
        Instant aoe = ProgramTime.at(LocalDate.of(2025, 9, 8), null, "AoE");
        assertThat(kiritimati).isEqualTo(Instant.parse("2025-09-08T09:59:59Z"));
        assertThat(Duration.between(kiritimati, aoe)).isEqualTo(Duration.ofHours(26));
        // New Year's Eve AoE is already January 1 in UTC
        assertThat(ProgramTime.at(LocalDate.of(2025, 12, 31), null, "AoE")).isEqualTo(Instant.parse("2026-01-01T11:59:59Z"));
    }

    @Test
    void aWindowRunsFromTheStartOfItsFirstDayToTheEndOfItsLastInItsZone() {
        assertThat(ProgramTime.startOf(LocalDate.of(2025, 7, 18), "AoE")).isEqualTo(Instant.parse("2025-07-18T12:00:00Z"));
        assertThat(ProgramTime.endOf(LocalDate.of(2025, 9, 8), "AoE")).isEqualTo(Instant.parse("2025-09-09T11:59:59Z"));
    }

    @Test
    void aTimeOfDayInAnIanaZoneFollowsDaylightSavingTime() {
        assertThat(ProgramTime.at(LocalDate.of(2025, 7, 1), LocalTime.of(17, 0), "Europe/Berlin"))
                .isEqualTo(Instant.parse("2025-07-01T15:00:00Z"));
        assertThat(ProgramTime.at(LocalDate.of(2025, 12, 1), LocalTime.of(17, 0), "Europe/Berlin"))
                .isEqualTo(Instant.parse("2025-12-01T16:00:00Z"));
    }

    @Test
    void deadlinesReadAsOnTheProgramPage() {
        assertThat(ProgramTime.render(LocalDate.of(2025, 7, 5), null, "AoE")).isEqualTo("July 5, 2025 AoE");
        assertThat(ProgramTime.render(LocalDate.of(2025, 7, 5), LocalTime.of(17, 0), "Europe/Berlin"))
                .isEqualTo("July 5, 2025, 17:00 Europe/Berlin");
        assertThat(ProgramTime.renderWindow(LocalDate.of(2025, 7, 18), LocalDate.of(2025, 9, 8), "AoE"))
                .isEqualTo("July 18, 2025 – September 8, 2025 AoE");
    }

    @Test
    void onlyAoEAndIanaZonesAreKnown() {
        assertThat(ProgramTime.isKnownZone("AoE")).isTrue();
        assertThat(ProgramTime.isKnownZone("America/Los_Angeles")).isTrue();
        assertThat(ProgramTime.isKnownZone("UTC")).isTrue();
        assertThat(ProgramTime.isKnownZone("Mars/Olympus_Mons")).isFalse();
        assertThat(ProgramTime.isKnownZone("PST")).isFalse();
        assertThat(ProgramTime.isKnownZone("+02:00")).isFalse();
        assertThat(ProgramTime.isKnownZone(null)).isFalse();
        assertThatThrownBy(() -> ProgramTime.zone("aoe")).isInstanceOf(DateTimeException.class);
    }
}
