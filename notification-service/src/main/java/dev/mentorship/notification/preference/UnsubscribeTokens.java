package dev.mentorship.notification.preference;

import dev.mentorship.notification.fanout.NotificationsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed tokens of the one-click unsubscribe links (RFC 8058): {@code base64url(payload) "." base64url(mac)}, where
 * the payload is {@code "1:" person ":" kind} (1 is the token version) and the mac its HMAC-SHA256 under the
 * configured key (UNSUBSCRIBE_KEY). No bearer token is needed: whoever holds the mail holds the link, as with every
 * mailing list. Verification recomputes the mac and compares in constant time. Tokens do not expire (mail is read
 * late); changing the key invalidates every link sent before.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    static final String VERSION = "1";
    static final int MIN_KEY_LENGTH = 32;
    /** Longer than any token this service makes: longer input is refused before any work. */
    static final int MAX_TOKEN_LENGTH = 200;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Who unsubscribes from what. */
    public record Claim(UUID person, OptOut kind) {
    }

    private final SecretKeySpec key;
    private final String unsubscribeUrl;

    @Inject
    public UnsubscribeTokens(NotificationsConfig config) {
        this(config.unsubscribeKey().orElse(""), config.publicBaseUrl());
    }

    UnsubscribeTokens(String configuredKey, String publicBaseUrl) {
        String secret = configuredKey == null ? "" : configuredKey.strip();
        if (secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("UNSUBSCRIBE_KEY (mentorship.notifications.unsubscribe-key) must be set to a secret of at least "
                    + MIN_KEY_LENGTH + " characters, the same on every replica (e.g. openssl rand -base64 32): it signs the"
                    + " one-click unsubscribe links of optional mails. Only the dev and test profiles have a default.");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String base = publicBaseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        this.unsubscribeUrl = base + "/unsubscribe?token=";
    }

    /** Makes this bean at startup, so that a missing or short key stops the service there, not at the first mail. */
    void checkAtStartup(@Observes StartupEvent startup) {
        // the constructor checked the key
    }

    public String token(UUID person, OptOut kind) {
        String payload = VERSION + ":" + person + ":" + kind.name();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The one-click URL: {@code <PUBLIC_BASE_URL>/unsubscribe?token=…} (the token is URL-safe as it is). */
    public String url(UUID person, OptOut kind) {
        return unsubscribeUrl + token(person, kind);
    }

    /** The person and kind of a genuine token; empty for anything malformed, altered or signed with another key. */
    public Optional<Claim> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64Url) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claim(UUID.fromString(parts[1]), OptOut.valueOf(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
