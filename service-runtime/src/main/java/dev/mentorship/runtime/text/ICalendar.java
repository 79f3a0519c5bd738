package dev.mentorship.runtime.text;

import java.nio.charset.StandardCharsets;

/**
 * Writing iCalendar (RFC 5545) from text that people typed: every place that builds a calendar (meeting invitations,
 * mail attachments, personal feeds, program calendars) writes values through here, so that no name, title or reason
 * can end a line, start a property or break out of a parameter in someone else's calendar.
 */
public final class ICalendar {

    private ICalendar() {
    }

    /**
     * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped; a line break of any kind (CRLF, CR, LF,
     * U+2028, U+2029, NEL) becomes the escaped {@code \n}; every other control character (C0 but tab, DEL, C1) goes.
     */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n', '\u2028', '\u2029', '\u0085' -> out.append("\\n");
                case '\t' -> out.append(' ');
                default -> {
                    if (!isControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * A parameter value, always quoted (RFC 5545 3.1: quoted-string may hold anything but DQUOTE and control
     * characters): double quotes become single ones, every control character and line separator a space, a caret is
     * doubled (RFC 6868).
     */
    public static String param(String value) {
        StringBuilder out = new StringBuilder("\"");
        String text = value == null ? "" : value;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('\'');
            } else if (c == '^') {
                out.append("^^"); // RFC 6868: a caret is written twice, so "^n" or "^'" in a name stays as typed
            } else if (isControl(c) || c == '\t' || c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A calendar address ({@code mailto:}) of an email: nothing that could end the value or the line survives. */
    public static String mailto(String email) {
        StringBuilder out = new StringBuilder("mailto:");
        String text = email == null ? "" : email;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c) && !Character.isWhitespace(c) && c != '"' && c != ';' && c != ',' && c != ':'
                    && c != '\u2028' && c != '\u2029' && c != '\u0085') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A URI value (RFC 5545 3.3.13, e.g. of {@code URL}), which is not escaped as TEXT is: nothing that could end the
     * value or the line survives (control characters, line separators, whitespace, DQUOTE); empty for null.
     */
    public static String uri(String value) {
        StringBuilder out = new StringBuilder();
        String text = value == null ? "" : value;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '"'
                    && c != '\u2028' && c != '\u2029' && c != '\u0085') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Appends a content line, folded at 75 octets (RFC 5545 3.1) without splitting a UTF-8 sequence, ended by CRLF. */
    public static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int end = Math.min(bytes.length, start + (first ? 75 : 74));
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            if (!first) {
                ics.append(' ');
            }
            ics.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
    }

    /** C0 (but none of tab, CR, LF: handled by the callers), DEL and C1. */
    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7F || c >= 0x80 && c <= 0x9F && c != 0x85;
    }
}
