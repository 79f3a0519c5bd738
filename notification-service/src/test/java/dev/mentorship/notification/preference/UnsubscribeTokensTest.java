package dev.mentorship.notification.preference;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signed one-click unsubscribe tokens: what is genuine passes, anything altered, forged or malformed does not. */
class UnsubscribeTokensTest {

    private static final String KEY = "a-test-key-of-more-than-thirty-two-characters";
    private final UnsubscribeTokens tokens = new UnsubscribeTokens(KEY, "https://notification.api.example.org/");

    @Test
    void aGenuineTokenNamesItsPersonAndKindAndItsUrlIsUnderThePublicBaseUrl() {
        UUID person = UUID.randomUUID();
        String token = tokens.token(person, OptOut.MEETINGS);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(tokens.verify(token)).contains(new UnsubscribeTokens.Claim(person, OptOut.MEETINGS));
        assertThat(tokens.url(person, OptOut.ALL)).isEqualTo("https://notification.api.example.org/unsubscribe?token="
                + tokens.token(person, OptOut.ALL));
        // another replica with the same key accepts it
        assertThat(new UnsubscribeTokens(KEY, "http://elsewhere").verify(token)).isPresent();
    }

    @Test
    void anAlteredForgedOrMalformedTokenIsRefused() {
        UUID person = UUID.randomUUID();
        String token = tokens.token(person, OptOut.DEADLINES);
        int dot = token.indexOf('.');
        String payload = token.substring(0, dot);
        String signature = token.substring(dot + 1);

        // another person or another kind under the original signature
        String otherPerson = b64("1:" + UUID.randomUUID() + ":DEADLINES");
        String otherKind = b64("1:" + person + ":ALL");
        assertThat(tokens.verify(otherPerson + "." + signature)).isEmpty();
        assertThat(tokens.verify(otherKind + "." + signature)).isEmpty();
        // one character of the signature changed
        char last = signature.charAt(signature.length() - 2);
        String flipped = signature.substring(0, signature.length() - 2) + (last == 'A' ? 'B' : 'A') + signature.charAt(signature.length() - 1);
        assertThat(tokens.verify(payload + "." + flipped)).isEmpty();
        // signed with another key
        String foreign = new UnsubscribeTokens("another-key-of-more-than-thirty-two-characters", "http://x").token(person, OptOut.DEADLINES);
        assertThat(tokens.verify(foreign)).isEmpty();
        // another version, signed with the right key, is not understood
        assertThat(tokens.verify(signedWithTheKey("2:" + person + ":DEADLINES"))).isEmpty();
        assertThat(tokens.verify(signedWithTheKey("1:" + person + ":EVERYTHING"))).isEmpty();
        assertThat(tokens.verify(signedWithTheKey("1:not-a-uuid:DEADLINES"))).isEmpty();
        // malformed
        for (String bad : new String[]{null, "", ".", payload, payload + ".", "." + signature, payload + "." + signature + ".x",
                "!!!." + signature, payload + ".%%%", token + "A".repeat(300)}) {
            assertThat(tokens.verify(bad)).as(String.valueOf(bad)).isEmpty();
        }
        // the genuine one still passes
        assertThat(tokens.verify(token)).isPresent();
    }

    @Test
    void withoutAKeyOfAtLeast32CharactersTheServiceDoesNotStart() {
        assertThatThrownBy(() -> new UnsubscribeTokens("", "http://x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UNSUBSCRIBE_KEY");
        assertThatThrownBy(() -> new UnsubscribeTokens("short", "http://x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> new UnsubscribeTokens(null, "http://x")).isInstanceOf(IllegalStateException.class);
    }

    private static String signedWithTheKey(String payload) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return b64(payload) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
