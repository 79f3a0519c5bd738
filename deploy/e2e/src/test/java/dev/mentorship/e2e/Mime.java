package dev.mentorship.e2e;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A received mail's MIME (RFC 5322, 2045-2047), read without the mail library that wrote it: the header block
 * as the recipient's client sees it, and the parts, decoded. Just what the hostile-people test needs to look at.
 */
final class Mime {

    /** One header field, unfolded: its name as written and its raw value (continuation lines joined). */
    record Header(String name, String value) {
    }

    /** A leaf part: its headers and its body, transfer-decoded to bytes. */
    record Part(List<Header> headers, byte[] body) {
        String contentType() {
            return Mime.first(headers, "Content-Type");
        }

        String text() {
            Matcher charset = Pattern.compile("(?i)charset=\"?([^\";\\s]+)").matcher(contentType() == null ? "" : contentType());
            return new String(body, charset.find() ? Charset.forName(charset.group(1)) : StandardCharsets.UTF_8);
        }
    }

    /**
     * A message: its top-level header block, lines that are neither a field nor a continuation (which a header
     * injection would leave), and its leaf parts.
     */
    record Message(List<Header> headers, List<String> malformed, List<Part> parts) {
        String header(String name) {
            return Mime.first(headers, name);
        }
    }

    private static final Pattern FIELD = Pattern.compile("([!-9;-~]+):(.*)", Pattern.DOTALL); // RFC 5322 ftext, then ':'
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");

    private Mime() {
    }

    static Message parse(String raw) {
        String[] split = splitHeaderBlock(raw);
        List<String> malformed = new ArrayList<>();
        List<Header> headers = headers(split[0], malformed);
        List<Part> parts = new ArrayList<>();
        parts(headers, split[1], parts);
        return new Message(headers, malformed, parts);
    }

    /** The header block and the body: the first empty line separates them. */
    private static String[] splitHeaderBlock(String raw) {
        if (raw.startsWith("\r\n") || raw.startsWith("\n")) {
            return new String[]{"", raw.substring(raw.indexOf('\n') + 1)}; // a part without headers
        }
        Matcher blank = Pattern.compile("\r?\n\r?\n").matcher(raw);
        if (!blank.find()) {
            return new String[]{raw, ""};
        }
        return new String[]{raw.substring(0, blank.start()), raw.substring(blank.end())};
    }

    private static List<Header> headers(String block, List<String> malformed) {
        List<String> unfolded = new ArrayList<>();
        for (String line : block.split("\r?\n", -1)) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !unfolded.isEmpty()) {
                unfolded.set(unfolded.size() - 1, unfolded.get(unfolded.size() - 1) + line); // RFC 5322 2.2.3: unfolding removes the CRLF only
            } else {
                unfolded.add(line);
            }
        }
        List<Header> headers = new ArrayList<>();
        for (String field : unfolded) {
            if (field.isEmpty()) {
                continue;
            }
            Matcher m = FIELD.matcher(field);
            if (m.matches()) {
                headers.add(new Header(m.group(1), m.group(2).strip()));
            } else {
                malformed.add(field);
            }
        }
        return headers;
    }

    private static void parts(List<Header> headers, String body, List<Part> out) {
        String type = first(headers, "Content-Type");
        Matcher boundary = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|([^;\\s]+))").matcher(type == null ? "" : type);
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/") && boundary.find()) {
            String b = boundary.group(2) != null ? boundary.group(2) : boundary.group(3);
            List<StringBuilder> chunks = new ArrayList<>();
            StringBuilder current = null; // null: the preamble, or after the closing delimiter (the epilogue)
            for (String line : body.split("\r?\n", -1)) {
                String bare = line.stripTrailing();
                if (bare.equals("--" + b)) {
                    current = new StringBuilder();
                    chunks.add(current);
                } else if (bare.equals("--" + b + "--")) {
                    current = null;
                } else if (current != null) {
                    current.append(line).append("\r\n");
                }
            }
            for (StringBuilder chunk : chunks) {
                String[] split = splitHeaderBlock(chunk.toString());
                parts(headers(split[0], new ArrayList<>()), split[1], out);
            }
            return;
        }
        String encoding = first(headers, "Content-Transfer-Encoding");
        encoding = encoding == null ? "7bit" : encoding.strip().toLowerCase(Locale.ROOT);
        byte[] bytes = switch (encoding) {
            case "base64" -> Base64.getMimeDecoder().decode(body.strip());
            case "quoted-printable" -> quotedPrintable(body);
            default -> body.getBytes(StandardCharsets.UTF_8); // 7bit, 8bit: the API hands the text over decoded
        };
        out.add(new Part(headers, bytes));
    }

    /** RFC 2045 6.7: soft line breaks ("=" at the end of a line) go, =XX is a byte. */
    static byte[] quotedPrintable(String body) {
        String joined = body.replaceAll("=\r?\n", "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] in = joined.getBytes(StandardCharsets.UTF_8); // quoted-printable is ASCII
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '=' && i + 2 < in.length && isHex(in[i + 1]) && isHex(in[i + 2])) {
                out.write(Integer.parseInt(new String(in, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    /**
     * An unstructured header's text as a mail client shows it (RFC 2047): encoded words decoded, the white space
     * between two adjacent encoded words dropped.
     */
    static String decodeHeader(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = ENCODED_WORD.matcher(value);
        int last = 0;
        boolean previousEncoded = false;
        while (m.find()) {
            String between = value.substring(last, m.start());
            if (!(previousEncoded && between.isBlank())) {
                out.append(between);
            }
            Charset charset = Charset.forName(m.group(1).replaceAll("\\*.*", "")); // RFC 2231 language suffix
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
                    : quotedPrintable(m.group(3).replace('_', ' '));
            out.append(new String(bytes, charset));
            last = m.end();
            previousEncoded = true;
        }
        out.append(value.substring(last));
        return out.toString();
    }

    static String first(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }
}
