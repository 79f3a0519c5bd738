package dev.mentorship.notification.delivery.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A header value as RFC 2047 encoded words, made here rather than by the mail client: Vert.x's encoder works one UTF-16
 * unit at a time and turned every character outside the Basic Multilingual Plane (an emoji in a person's name) into
 * "??" (found by the hostile-people suite). Plain printable ASCII stays as it is; anything else becomes UTF-8 "B"
 * words of at most 75 characters, never splitting a character, separated by spaces (which decoders drop between
 * encoded words), so the header stays one logical line that folds cleanly.
 */
final class EncodedWords {

    /** Raw bytes per word: 45 bytes are 60 base64 characters, 72 with "=?UTF-8?B?" and "?=". */
    private static final int BYTES_PER_WORD = 45;

    private EncodedWords() {
    }

    static String encode(String value) {
        if (value == null || value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return value;
        }
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > BYTES_PER_WORD) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.append(ch);
            bytes += size;
            i += Character.charCount(cp);
        }
        if (!chunk.isEmpty()) {
            words.add(word(chunk.toString()));
        }
        return String.join(" ", words);
    }

    private static String word(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
