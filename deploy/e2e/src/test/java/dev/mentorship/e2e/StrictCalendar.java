package dev.mentorship.e2e;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.util.CompatibilityHints;
import net.fortuna.ical4j.validate.ValidationResult;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A calendar the platform wrote, read as strictly as ical4j can (no relaxed parsing, unfolding or validation), after
 * a check of its content lines as RFC 5545 3.1 has them: CRLF only, at most 75 octets, folded with a space, no control
 * character but HTAB.
 */
final class StrictCalendar {

    static {
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_NOTES_COMPATIBILITY, false);
    }

    /**
     * The parsed calendar, or null; what is wrong with it by RFC 5545 (empty: nothing); what ical4j's iTIP validation
     * (RFC 5546, the rules of the calendar's METHOD) has against it.
     */
    record Parsed(Calendar calendar, List<String> problems, List<String> itip) {
    }

    private StrictCalendar() {
    }

    static Parsed parse(String ics) {
        List<String> problems = new ArrayList<>(lines(ics));
        List<String> itip = new ArrayList<>();
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (Exception e) {
            problems.add("ical4j (strict) refused it: " + e);
            return new Parsed(null, problems, itip);
        }
        try {
            // RFC 5545: the calendar's own rules, then each component's (with its properties)
            ValidationResult result = calendar.validate(false);
            for (CalendarComponent component : calendar.getComponents()) {
                result = result.merge(component.validate());
            }
            if (result.hasErrors()) {
                problems.add("ical4j validation: " + result.getEntries());
            }
        } catch (Exception e) {
            problems.add("ical4j validation: " + e);
        }
        try {
            // RFC 5546: what the calendar's METHOD requires of its components
            ValidationResult method = calendar.validate(true);
            method.getEntries().forEach(entry -> itip.add(entry.getMessage()));
        } catch (Exception e) {
            itip.add(e.getMessage());
        }
        return new Parsed(calendar, problems, itip);
    }

    /**
     * The parameters and value of each occurrence of a property, read from the text as RFC 5545 3.1-3.2 has them
     * (a quoted parameter value is everything between its quotes; nothing is unescaped): what a calendar app that
     * follows RFC 5545 alone shows. ical4j also applies RFC 6868 ({@code ^n}, {@code ^'}) and drops backslashes.
     */
    static List<Map<String, String>> raw(String ics, String property) {
        List<Map<String, String>> found = new ArrayList<>();
        for (String line : ics.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")) {
            if (!line.startsWith(property) || line.length() == property.length()
                    || line.charAt(property.length()) != ';' && line.charAt(property.length()) != ':') {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            int i = property.length();
            while (i < line.length() && line.charAt(i) == ';') {
                int equals = line.indexOf('=', i);
                String name = line.substring(i + 1, equals);
                i = equals + 1;
                StringBuilder value = new StringBuilder();
                if (i < line.length() && line.charAt(i) == '"') {
                    int close = line.indexOf('"', i + 1);
                    value.append(line, i + 1, close);
                    i = close + 1;
                } else {
                    while (i < line.length() && ";:".indexOf(line.charAt(i)) < 0) {
                        value.append(line.charAt(i++));
                    }
                }
                parameters.put(name.toUpperCase(java.util.Locale.ROOT), value.toString());
            }
            parameters.put("", i < line.length() ? line.substring(i + 1) : "");
            found.add(parameters);
        }
        return found;
    }

    /** RFC 5545 3.1 on the raw text. */
    static List<String> lines(String ics) {
        List<String> problems = new ArrayList<>();
        if (!ics.endsWith("\r\n")) {
            problems.add("does not end with CRLF");
        }
        String[] lines = ics.split("\r\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                problems.add("line " + (i + 1) + " is empty");
            }
            if (line.getBytes(StandardCharsets.UTF_8).length > 75) {
                problems.add("line " + (i + 1) + " is longer than 75 octets");
            }
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029) { // C0, DEL, C1, line separators
                    problems.add("line " + (i + 1) + " holds the control character or line separator U+" + String.format("%04X", (int) c));
                }
            }
            if (i == 0 && !line.equals("BEGIN:VCALENDAR")) {
                problems.add("does not begin with BEGIN:VCALENDAR");
            }
        }
        if (lines.length < 2 || !lines[lines.length - 2].equals("END:VCALENDAR")) {
            problems.add("does not end with END:VCALENDAR");
        }
        return problems;
    }
}
