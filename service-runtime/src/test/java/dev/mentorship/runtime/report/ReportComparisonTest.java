package dev.mentorship.runtime.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportComparisonTest {

    private static final Instant NOW = Instant.parse("2025-11-21T00:00:00Z");

    private static ProgramReport report(String name, List<TrackReport> tracks) {
        return new ProgramReport("participant", UUID.randomUUID(), name, NOW, List.of(Figure.of("staff", 3)), tracks);
    }

    @Test
    void editionsLineUpByTrackKeyAndDimensions() {
        ProgramReport y2024 = report("ML4H 2024", List.of(
                new TrackReport(UUID.randomUUID(), "author", "AUTHOR", "Author mentorship",
                        List.of(Figure.of("registrations", 40).by("role", "MENTEE"), Figure.of("registrations", 12).by("role", "MENTOR"))),
                new TrackReport(UUID.randomUUID(), "reviewer", "REVIEWER", "Reviewer mentorship",
                        List.of(Figure.of("registrations", 9).by("role", "MENTEE")))));
        ProgramReport y2025 = report("ML4H 2025", List.of(
                new TrackReport(UUID.randomUUID(), "reviewer", "REVIEWER", "Reviewer mentorship",
                        List.of(Figure.of("registrations", 15).by("role", "MENTEE"))),
                new TrackReport(UUID.randomUUID(), "author", "AUTHOR", "Author mentorship",
                        List.of(Figure.of("registrations", 55).by("role", "MENTEE"),
                                Figure.of("registrations_per_day", 7).by("role", "MENTEE").by("day", "2025-06-02")))));

        ReportComparison c = ReportComparison.of(List.of(y2024, y2025));

        assertThat(c.editions()).extracting(ReportComparison.Edition::programName).containsExactly("ML4H 2024", "ML4H 2025");
        assertThat(c.rows()).extracting(r -> r.trackKey() + "/" + r.metric() + "/" + r.dimensions() + "=" + r.values())
                .containsExactly(
                        "null/staff/{}=[3, 3]",
                        "author/registrations/{role=MENTEE}=[40, 55]",
                        "author/registrations/{role=MENTOR}=[12, null]",
                        "reviewer/registrations/{role=MENTEE}=[9, 15]",
                        "author/registrations_per_day/{day=2025-06-02, role=MENTEE}=[null, 7]");
    }

    @Test
    void anEditionWithoutTrackKeysLinesUpByKind() {
        ProgramReport keyed = report("ML4H 2024", List.of(new TrackReport(UUID.randomUUID(), "author", "AUTHOR", "Author",
                List.of(Figure.of("pairings", 12)))));
        ProgramReport unkeyed = report("ML4H 2025", List.of(new TrackReport(UUID.randomUUID(), null, "AUTHOR", "Author",
                List.of(Figure.of("pairings", 128)))));

        assertThat(ReportComparison.of(List.of(keyed, unkeyed)).rows())
                .extracting(r -> r.trackKey() + "/" + r.metric() + "=" + r.values())
                .containsExactly("null/staff=[3, 3]", "AUTHOR/pairings=[12, 128]");
    }

    @Test
    void csvQuotesAndNeutralisesFormulas() {
        ProgramReport r = report("=HYPERLINK(\"http://x\",\"ML4H\")", List.of(new TrackReport(UUID.randomUUID(), "author", "AUTHOR",
                "Authors, juniors", List.of(Figure.of("match_rate", 2.0 / 3).by("role", "MENTEE")))));

        String csv = ReportCsv.of(r);

        assertThat(csv.split("\r\n")).containsExactly(
                "service,program,track_key,track_kind,track_name,metric,dimensions,value",
                "participant,\"'=HYPERLINK(\"\"http://x\"\",\"\"ML4H\"\")\",,,,staff,,3",
                "participant,\"'=HYPERLINK(\"\"http://x\"\",\"\"ML4H\"\")\",author,AUTHOR,\"Authors, juniors\",match_rate,role=MENTEE,0.6667");
    }

    @Test
    void comparisonCsvHasOneColumnPerEdition() {
        ProgramReport a = report("ML4H 2024", List.of(new TrackReport(UUID.randomUUID(), "career", "CAREER", "Career",
                List.of(Figure.of("mentors_below_aim", 2)))));
        ProgramReport b = report("ML4H 2025", List.of(new TrackReport(UUID.randomUUID(), "career", "CAREER", "Career",
                List.of(Figure.of("mentors_below_aim", 0)))));

        assertThat(Arrays.asList(ReportCsv.of(ReportComparison.of(List.of(a, b))).split("\r\n"))).containsExactly(
                "service,track_key,track_kind,metric,dimensions,ML4H 2024,ML4H 2025",
                "participant,,,staff,,3,3",
                "participant,career,CAREER,mentors_below_aim,,2,0");
    }

    @Test
    void figuresAreWholeNumbersOrFourDecimalsAndNeverNaN() {
        assertThat(Figure.of("x", 12.0).value()).isEqualTo(12L);
        assertThat(Figure.of("x", 0.123456).value()).isEqualTo(0.1235);
        assertThat(Figure.of("x", 7).value()).isEqualTo(7L);
        assertThatThrownBy(() -> Figure.of("x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Figure.of("x", 1).by("day", "2025-06-01").timeSeries()).isTrue();
    }
}
