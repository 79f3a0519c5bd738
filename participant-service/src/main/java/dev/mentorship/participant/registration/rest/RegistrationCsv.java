package dev.mentorship.participant.registration.rest;

import dev.mentorship.participant.profile.rest.ProfileView;
import dev.mentorship.participant.registration.Answers;
import dev.mentorship.participant.registration.rest.RegistrationView;
import dev.mentorship.participant.registration.rest.TrackRegistrationView;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A track's registrations as CSV (RFC 4180) for organizers' spreadsheets. Cells that a spreadsheet would run as a
 * formula (starting with = + - @ or a tab) are prefixed with an apostrophe: people's answers are not code.
 */
public final class RegistrationCsv {

    static final List<String> HEADER = List.of("registrationId", "registeredAt", "status", "role", "late", "priority",
            "name", "email", "affiliation", "careerStage", "timeZone", "interests", "capacity", "paperTitle",
            "intendsToSubmit", "expertise", "reviewingExperience", "areas", "assignedReviewer", "topics", "oneOnOneAvailability",
            "selfIdentifiedUnderrepresented", "codeOfConductVersion", "withdrawnAt", "withdrawalReason");

    private RegistrationCsv() {
    }

    /** Confidential columns: only in an export that a holder of the confidential grant asked for. */
    static final List<String> CONFIDENTIAL = List.of("priority", "selfIdentifiedUnderrepresented");

    /** The whole file: the header line, then the rows. */
    public static String write(List<TrackRegistrationView> rows, boolean confidential) {
        return header(confidential) + rows(rows, confidential);
    }

    /** The header line alone (the export streams it first, then the rows page by page). */
    static String header(boolean confidential) {
        StringBuilder csv = new StringBuilder();
        line(csv, kept(confidential).stream().map(HEADER::get).toList());
        return csv.toString();
    }

    private static List<Integer> kept(boolean confidential) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < HEADER.size(); i++) {
            if (confidential || !CONFIDENTIAL.contains(HEADER.get(i))) {
                kept.add(i);
            }
        }
        return kept;
    }

    /** Lines of these rows, without the header. */
    static String rows(List<TrackRegistrationView> rows, boolean confidential) {
        StringBuilder csv = new StringBuilder();
        List<Integer> kept = kept(confidential);
        for (TrackRegistrationView row : rows) {
            RegistrationView r = row.registration();
            ProfileView p = row.participant();
            Answers a = r.answers() == null ? Answers.NONE : r.answers();
            List<Object> cells = new ArrayList<>();
            cells.add(r.id());
            cells.add(r.registeredAt());
            cells.add(r.status());
            cells.add(r.role());
            cells.add(r.late());
            cells.add(r.priority());
            cells.add(p == null ? null : p.name());
            cells.add(p == null ? null : p.email());
            cells.add(p == null ? null : p.affiliation());
            cells.add(p == null ? null : p.careerStage());
            cells.add(p == null ? null : p.timeZone());
            cells.add(p == null ? null : join(p.interests()));
            cells.add(r.capacity());
            cells.add(a.paperTitle());
            cells.add(a.intendsToSubmit());
            cells.add(join(a.expertise()));
            cells.add(a.reviewingExperience());
            cells.add(join(a.areas()));
            cells.add(a.assignedReviewer());
            cells.add(join(a.topics()));
            cells.add(a.oneOnOneAvailability() == null ? null : a.oneOnOneAvailability().stream()
                    .map(i -> i.date() + " " + i.from() + "-" + i.to()).collect(Collectors.joining("; ")));
            cells.add(row.selfIdentification() == null ? null : row.selfIdentification().underrepresented());
            cells.add(r.codeOfConductVersion());
            cells.add(r.withdrawnAt());
            cells.add(row.withdrawalReason());
            line(csv, kept.stream().map(cells::get).map(c -> c == null ? "" : c.toString()).toList());
        }
        return csv.toString();
    }

    private static String join(List<String> values) {
        return values == null ? null : String.join("; ", values);
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(RegistrationCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    static String cell(String value) {
        String text = Objects.requireNonNullElse(value, "");
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
