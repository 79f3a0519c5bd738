package dev.mentorship.notification.delivery.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Subjects with any character reach the reader intact (issue 17: an emoji in a name arrived as "??"). */
class EncodedWordsTest {

    static final Pattern WORD = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=");

    @Test
    void plainAsciiStaysAsItIs() {
        assertThat(EncodedWords.encode("Your mentor: Maria Mentor")).isEqualTo("Your mentor: Maria Mentor");
    }

    @Test
    void anyOtherTextBecomesEncodedWordsThatDecodeToItExactlyWithoutSplittingACharacter() throws Exception {
        for (String subject : new String[]{"Your new mentee: Zoë \"Q\" O'Brien; Nguyễn, 李 \\ :-) 🎓",
                "🎓".repeat(40), "é".repeat(100), "Confirmed: mentoring meeting 1 with 👩🏽‍🔬 Dr. Ngozi Okonkwo-Adébáyọ̀"}) {
            String encoded = EncodedWords.encode(subject);
            StringBuilder decoded = new StringBuilder();
            Matcher m = WORD.matcher(encoded);
            int words = 0;
            while (m.find()) {
                assertThat(m.group().length()).as("an encoded word").isLessThanOrEqualTo(75);
                // each word decodes on its own: no character is split across two words
                byte[] bytes = Base64.getDecoder().decode(m.group(1));
                assertThat(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString())
                        .doesNotContain("\uFFFD");
                decoded.append(new String(bytes, StandardCharsets.UTF_8));
                words++;
            }
            assertThat(encoded.replaceAll(WORD.pattern(), "").replace(" ", "")).as("nothing but words and spaces").isEmpty();
            assertThat(words).isPositive();
            assertThat(decoded.toString()).isEqualTo(subject);
            assertThat(encoded).doesNotContain("\r").doesNotContain("\n");
        }
    }
}
