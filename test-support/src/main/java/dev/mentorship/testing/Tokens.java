package dev.mentorship.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens shaped like the {@code mentorship} realm's access tokens (subject, names, email,
 * {@code realm_access.roles}, audience {@code mentorship-api}), signed by {@link OidcTestServer}.
 * A person's subject is derived from their user name, so a test can name people instead of carrying ids.
 */
public final class Tokens {

    public static final String AUDIENCE = "mentorship-api";

    private Tokens() {
    }

    /** An organizer (who is a participant too, as in the realm). */
    public static String organizer(String username) {
        return token(username, List.of("organizer", "participant"), AUDIENCE, Duration.ofMinutes(15));
    }

    /** A signed-in participant. */
    public static String participant(String username) {
        return token(username, List.of("participant"), AUDIENCE, Duration.ofMinutes(15));
    }

    /** A participant's token that expired a minute ago. */
    public static String expired(String username) {
        return token(username, List.of("participant"), AUDIENCE, Duration.ofMinutes(-1));
    }

    /** A valid signature and issuer, but minted for another audience: the services must refuse it. */
    public static String forOtherAudience(String username) {
        return token(username, List.of("participant", "organizer"), "some-other-api", Duration.ofMinutes(15));
    }

    /** The stable subject ({@code sub}) of a user name. */
    public static String subject(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String email(String username) {
        return username + "@mentorship.test";
    }

    public static String token(String username, List<String> roles, String audience, Duration lifetime) {
        long now = System.currentTimeMillis() / 1000;
        String given = Character.toUpperCase(username.charAt(0)) + username.substring(1);
        JwtClaimsBuilder claims = Jwt.issuer(OidcTestServer.start())
                .subject(subject(username))
                .audience(audience)
                .issuedAt(now - 60)
                .expiresAt(now + lifetime.toSeconds())
                .claim("preferred_username", username)
                .claim("email", email(username))
                .claim("email_verified", true)
                .claim("given_name", given)
                .claim("family_name", "Test")
                .claim("name", given + " Test")
                .claim("azp", "mentorship-frontend")
                .claim("realm_access", Map.of("roles", roles));
        return claims.jws().keyId(OidcTestServer.KEY_ID).sign(OidcTestServer.keyPair().getPrivate());
    }
}
