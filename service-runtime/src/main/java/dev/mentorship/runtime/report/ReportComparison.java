package dev.mentorship.runtime.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Editions side by side: one row per (track, metric, dimensions) that any edition has, one value per edition in the
 * order asked ({@code null} where that edition has no such figure, e.g. a day outside its season). Tracks line up by
 * their key in the program data (ML4H's "author" of 2024 beside "author" of 2025); by kind where a track has no key
 * and every edition has one track of each kind.
 */
@Schema(description = "Editions of a conference side by side: one row per track, metric and dimensions")
public record ReportComparison(String service, List<Edition> editions, List<Row> rows) {

    public record Edition(UUID programId, String programName, Instant asOf) {
    }

    public record Row(@Schema(description = "The track's key; absent for a figure of the whole program") String trackKey,
                      String trackKind, String metric, Map<String, String> dimensions,
                      @Schema(description = "One value per edition, in the order of editions; null: that edition has no such figure")
                      List<Number> values) {
    }

    public static ReportComparison of(List<ProgramReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare");
        }
        int n = reports.size();
        boolean byKind = byKind(reports);
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ProgramReport report = reports.get(i);
            for (Figure f : report.figures()) {
                put(rows, n, i, null, null, f);
            }
            for (TrackReport track : report.tracks()) {
                String key = byKind || track.trackKey() == null ? track.trackKind() : track.trackKey();
                for (Figure f : track.figures()) {
                    put(rows, n, i, key, track.trackKind(), f);
                }
            }
        }
        List<Edition> editions = reports.stream().map(r -> new Edition(r.programId(), r.programName(), r.asOf())).toList();
        return new ReportComparison(reports.get(0).service(), editions, List.copyOf(rows.values()));
    }

    /**
     * Tracks line up by their key; but where a track has none (a program a service learnt before it kept keys) and
     * every edition has at most one track of each kind, by kind, so that such an edition still lines up.
     */
    private static boolean byKind(List<ProgramReport> reports) {
        boolean keyMissing = false;
        for (ProgramReport report : reports) {
            java.util.Set<String> kinds = new java.util.HashSet<>();
            for (TrackReport track : report.tracks()) {
                keyMissing |= track.trackKey() == null;
                if (!kinds.add(String.valueOf(track.trackKind()))) {
                    return false;
                }
            }
        }
        return keyMissing;
    }

    private static void put(Map<String, Row> rows, int editions, int edition, String trackKey, String trackKind, Figure f) {
        String id = (trackKey == null ? "" : trackKey) + '\u0000' + f.metric() + '\u0000' + f.dimensions();
        Row row = rows.computeIfAbsent(id, k -> {
            List<Number> values = new ArrayList<>(editions);
            for (int i = 0; i < editions; i++) {
                values.add(null);
            }
            return new Row(trackKey, trackKind, f.metric(), f.dimensions(), values);
        });
        row.values().set(edition, f.value());
    }
}
