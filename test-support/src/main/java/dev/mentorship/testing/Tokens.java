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

    /**
     * A participant whom the test made an organizer of its program: organizing is data of a program (its staff, see
     * {@link StaffEvents}), not a role, so the token is a participant's.
     */
    public static String organizer(String username) {
        return participant(username);
    }

    /** A platform admin (realm role {@code admin}, a participant too): creates programs and appoints their staff. */
    public static String admin(String username) {
        return token(username, List.of("admin", "participant"), AUDIENCE, Duration.ofMinutes(15));
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
        return token(username, List.of("participant", "admin"), "some-other-api", Duration.ofMinutes(15));
    }

    /**
     * A participant whose email address Keycloak has not verified ({@code email_verified: false}): the services must
     * refuse it with 403.
     */
    public static String unverified(String username) {
        return token(username, List.of("participant"), AUDIENCE, Duration.ofMinutes(15), false);
    }

    /** A participant's token without the {@code email_verified} claim at all: refused like an unverified one. */
    public static String withoutEmailVerified(String username) {
        return token(username, List.of("participant"), AUDIENCE, Duration.ofMinutes(15), null);
    }

    /** The stable subject ({@code sub}) of a user name. */
    public static String subject(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String email(String username) {
        return username + "@mentorship.test";
    }

    /** A token of a person whose email address is verified, as every realm user's is once they confirmed it. */
    public static String token(String username, List<String> roles, String audience, Duration lifetime) {
        return token(username, roles, audience, lifetime, true);
    }

    /** {@code emailVerified} null leaves the claim out. */
    public static String token(String username, List<String> roles, String audience, Duration lifetime, Boolean emailVerified) {
        long now = System.currentTimeMillis() / 1000;
        String given = Character.toUpperCase(username.charAt(0)) + username.substring(1);
        JwtClaimsBuilder claims = Jwt.issuer(OidcTestServer.start())
                .subject(subject(username))
                .audience(audience)
                .issuedAt(now - 60)
                .expiresAt(now + lifetime.toSeconds())
                .claim("preferred_username", username)
                .claim("email", email(username))
                .claim("given_name", given)
                .claim("family_name", "Test")
                .claim("name", given + " Test")
                .claim("azp", "mentorship-frontend")
                .claim("realm_access", Map.of("roles", roles));
        if (emailVerified != null) {
            claims.claim("email_verified", emailVerified);
        }
        return claims.jws().keyId(OidcTestServer.KEY_ID).sign(OidcTestServer.keyPair().getPrivate());
    }
}
