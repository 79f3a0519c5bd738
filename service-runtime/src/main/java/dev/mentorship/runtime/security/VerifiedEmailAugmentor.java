package dev.mentorship.runtime.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verified people only: every signed-in identity of every service must come from a token whose {@code email_verified}
 * claim is {@code true}; otherwise the request fails with {@link EmailNotVerifiedException} (403 problem+json, through
 * the problem mappers). Mails, pairings and notices go to the token's email, so an address nobody confirmed must not
 * register, be matched or be written to.
 * <p>
 * It runs where the identity is made, so it guards every endpoint that needs one ({@code @RolesAllowed},
 * {@code @Authenticated}) and nothing else: authentication is not proactive ({@code quarkus.http.auth.proactive=false}),
 * so a {@code @PermitAll} endpoint (calendar feeds, unsubscribe links, problem pages) never builds an identity and
 * answers with or without a token. An anonymous identity passes; a signed-in one that is not a JWT fails closed.
 */
@ApplicationScoped
public class VerifiedEmailAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || verified(identity)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().failure(new EmailNotVerifiedException());
    }

    static boolean verified(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token && isTrue(token.getClaim("email_verified"));
    }

    /** The claim as a JSON boolean (how Keycloak writes it), as whatever type the JWT parser hands it over in. */
    static boolean isTrue(Object claim) {
        if (claim instanceof Boolean value) {
            return value;
        }
        if (claim instanceof JsonValue json) {
            return json.getValueType() == JsonValue.ValueType.TRUE
                    || json instanceof JsonString text && "true".equalsIgnoreCase(text.getString());
        }
        return claim instanceof String text && "true".equalsIgnoreCase(text);
    }
}
