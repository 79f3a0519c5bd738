package dev.mentorship.runtime.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A report as CSV (RFC 4180, CRLF): one figure per line, dimensions as {@code role=MENTEE;day=2025-06-01}. Text that a
 * spreadsheet would run as a formula (a program or track name beginning with =, +, -, @, a tab or a carriage return) is
 * (and any metric or dimension a service might one day begin so, e.g. a band "-0.2..0") is written with a leading apostrophe, so opening the file never executes what an organizer typed.
 */
public final class ReportCsv {

    public static final String MEDIA_TYPE = "text/csv";

    private ReportCsv() {
    }

    public static String of(ProgramReport report) {
        StringBuilder out = new StringBuilder();
        line(out, List.of("service", "program", "track_key", "track_kind", "track_name", "metric", "dimensions", "value"));
        for (Figure f : report.figures()) {
            line(out, List.of(report.service(), text(report.programName()), "", "", "", text(f.metric()), text(dimensions(f.dimensions())),
                    number(f.value())));
        }
        for (TrackReport t : report.tracks()) {
            for (Figure f : t.figures()) {
                line(out, List.of(report.service(), text(report.programName()), text(t.trackKey()), text(t.trackKind()),
                        text(t.trackName()), text(f.metric()), text(dimensions(f.dimensions())), number(f.value())));
            }
        }
        return out.toString();
    }

    public static String of(ReportComparison comparison) {
        StringBuilder out = new StringBuilder();
        List<String> header = new java.util.ArrayList<>(List.of("service", "track_key", "track_kind", "metric", "dimensions"));
        comparison.editions().forEach(e -> header.add(text(e.programName())));
        line(out, header);
        for (ReportComparison.Row row : comparison.rows()) {
            List<String> cells = new java.util.ArrayList<>(List.of(comparison.service(), text(row.trackKey()),
                    text(row.trackKind()), text(row.metric()), text(dimensions(row.dimensions()))));
            row.values().forEach(v -> cells.add(v == null ? "" : number(v)));
            line(out, cells);
        }
        return out.toString();
    }

    static String dimensions(Map<String, String> dimensions) {
        return dimensions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    static String number(Number n) {
        return n instanceof Double d ? java.math.BigDecimal.valueOf(d).toPlainString() : n.toString();
    }

    /** Text from people (names): neutralised for spreadsheets. */
    static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }
}
