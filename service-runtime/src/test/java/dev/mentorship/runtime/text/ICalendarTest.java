package dev.mentorship.runtime.text;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** No text a person typed can add a line, a property or a parameter to a calendar: names, titles, addresses. */
class ICalendarTest {

    static final String HOSTILE = "Ben\r\nBcc: spy@evil.test\rX-Injected: yes\nATTENDEE:mailto:x@evil.test\u2028LOCATION:evil\u2029"
            + "\u0085\u0000\u001b[31m\u007f\u009b \"quoted\"; comma, back\\slash\ttab";

    @Test
    void aHostileNameStaysOneValueInEveryPartOfAContentLine() {
        StringBuilder ics = new StringBuilder();
        ICalendar.line(ics, "BEGIN:VEVENT");
        ICalendar.line(ics, "SUMMARY:" + ICalendar.text(HOSTILE));
        ICalendar.line(ics, "ATTENDEE;CN=" + ICalendar.param(HOSTILE) + ";ROLE=REQ-PARTICIPANT:" + ICalendar.mailto("a@b.test\r\nX-Evil: 1"));
        ICalendar.line(ics, "END:VEVENT");

        // only CRLF ends lines; a folded line continues with a space; no control character is left anywhere
        String unfolded = ics.toString().replace("\r\n ", "");
        assertThat(unfolded.chars().filter(c -> c == '\n').count()).isEqualTo(4);
        assertThat(unfolded).doesNotContain("\r\r").doesNotContainPattern("[^\r]\n").doesNotContainPattern("\r[^\n]");
        assertThat(unfolded).doesNotContainPattern("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f\\x80-\\x9f\\u2028\\u2029]");
        List<String> lines = Arrays.asList(unfolded.split("\r\n"));
        assertThat(lines).extracting(l -> l.split("[;:]", 2)[0]).containsExactly("BEGIN", "SUMMARY", "ATTENDEE", "END");

        String summary = lines.get(1);
        assertThat(summary).startsWith("SUMMARY:Ben\\nBcc: spy@evil.test\\nX-Injected: yes\\nATTENDEE:mailto:x@evil.test\\nLOCATION:evil\\n")
                .contains("\"quoted\"").contains("\\; comma\\, back\\\\slash tab");
        String attendee = lines.get(2);
        // the parameter value is one quoted string: no quote inside, no line break, then the next parameter
        assertThat(attendee).startsWith("ATTENDEE;CN=\"Ben  Bcc: spy@evil.test X-Injected: yes ATTENDEE:mailto:x@evil.test LOCATION:evil")
                .contains("'quoted'").endsWith("\";ROLE=REQ-PARTICIPANT:mailto:a@b.testX-Evil1");
        assertThat(attendee.chars().filter(c -> c == '"').count()).isEqualTo(2);
    }

    @Test
    void longLinesAreFoldedWithoutSplittingACharacter() {
        StringBuilder ics = new StringBuilder();
        String name = "Zoë 🌍 ".repeat(40);
        ICalendar.line(ics, "SUMMARY:" + ICalendar.text(name));
        for (String physical : ics.toString().split("\r\n")) {
            assertThat(physical.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(ics.toString().replace("\r\n ", "")).isEqualTo("SUMMARY:" + name + "\r\n");
    }

    @Test
    void nullsAreEmpty() {
        assertThat(ICalendar.text(null)).isEmpty();
        assertThat(ICalendar.param(null)).isEqualTo("\"\"");
        // RFC 6868: a caret is doubled, so a name with "^n" is not read as a line break by clients that decode it
        assertThat(ICalendar.param("Ann ^n Lee ^'")).isEqualTo("\"Ann ^^n Lee ^^'\"");
        assertThat(ICalendar.mailto(null)).isEqualTo("mailto:");
        assertThat(ICalendar.uri(null)).isEmpty();
    }

    @Test
    void aUriKeepsItsCommasAndSemicolonsButNothingThatEndsTheValueOrTheLine() {
        assertThat(ICalendar.uri("https://zoom.example/j/1?pwd=a,b;c")).isEqualTo("https://zoom.example/j/1?pwd=a,b;c");
        assertThat(ICalendar.uri("https://x.test/a\r\nATTENDEE:mailto:e@evil.test \"b\"\u2028\u0085\u00a0c"))
                .isEqualTo("https://x.test/aATTENDEE:mailto:e@evil.testbc");
    }
}
