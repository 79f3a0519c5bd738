package dev.mentorship.runtime.security;

import io.quarkus.security.ForbiddenException;

/**
 * A valid token of someone whose email address Keycloak has not verified: refused with 403 before any endpoint that
 * needs a signed-in person runs ({@link VerifiedEmailAugmentor}); answered as problem+json saying why.
 */
public class EmailNotVerifiedException extends ForbiddenException {

    public static final String DETAIL =
            "Your email address is not verified yet: confirm it from the mail Keycloak sent you, then sign in again.";

    public EmailNotVerifiedException() {
        super(DETAIL);
    }
}
