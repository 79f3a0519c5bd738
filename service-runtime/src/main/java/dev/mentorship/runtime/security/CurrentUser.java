package dev.mentorship.runtime.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The signed-in person of this request, as their Keycloak token names them. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's subject: the person's id on the whole platform. */
    public UUID id() {
        return UUID.fromString(identity.getPrincipal().getName());
    }

    /** The email Keycloak holds for the person. */
    public String email() {
        String email = claim("email");
        if (email == null || email.isBlank()) {
            throw new jakarta.ws.rs.ForbiddenException("Your account has no email address; add one in your account settings.");
        }
        return email;
    }

    /** The name Keycloak holds for the person, or their user name. */
    public String name() {
        String name = claim("name");
        return name == null || name.isBlank() ? claim("preferred_username") : name;
    }

    /** A platform admin (realm role {@code admin}): creates programs and appoints their staff, nothing more. */
    public boolean isAdmin() {
        return identity.hasRole("admin");
    }

    private String claim(String claim) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(claim);
            if (value instanceof jakarta.json.JsonString json) {
                return json.getString();
            }
            return value == null ? null : value.toString();
        }
        return null;
    }
}
