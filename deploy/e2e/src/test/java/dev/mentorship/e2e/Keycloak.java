package dev.mentorship.e2e;

import java.util.List;
import java.util.Map;

/** Tokens from the realm's token endpoint for real users; extra users through the admin API. */
final class Keycloak {

    private Keycloak() {
    }

    /** A user's access token (the demo CLI client allows the password grant; every demo password is "demo"). */
    static String token(String username) {
        Http.Response response = Http.form(Stack.KEYCLOAK + "/realms/mentorship/protocol/openid-connect/token",
                Map.of("client_id", "mentorship-demo-cli", "grant_type", "password", "username", username, "password", "demo"));
        if (response.status() != 200) {
            throw new AssertionError("No token for " + username + ": " + response.body());
        }
        return response.json().get("access_token").asText();
    }

    /** Creates a participant in the realm (again is fine), so that the test never erases the shared demo users. */
    static void user(String username, String first, String last) {
        Http.Response admin = Http.form(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token",
                Map.of("client_id", "admin-cli", "grant_type", "password", "username", "admin", "password", "admin"));
        String token = admin.json().get("access_token").asText();
        Http.Response created = Http.post(Stack.KEYCLOAK + "/admin/realms/mentorship/users", token, Map.of(
                "username", username, "email", username + "@mentorship.test", "firstName", first, "lastName", last,
                "enabled", true, "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))));
        if (created.status() != 201 && created.status() != 409) {
            throw new AssertionError("Keycloak refused user " + username + ": " + created.status() + " " + created.body());
        }
        // the realm's default role gives "participant"; granted explicitly too, whatever the realm's state
        String id = Http.get(Stack.KEYCLOAK + "/admin/realms/mentorship/users?exact=true&username=" + username, token).json().get(0).get("id").asText();
        com.fasterxml.jackson.databind.JsonNode role = Http.get(Stack.KEYCLOAK + "/admin/realms/mentorship/roles/participant", token).json();
        Http.Response granted = Http.post(Stack.KEYCLOAK + "/admin/realms/mentorship/users/" + id + "/role-mappings/realm", token, List.of(role));
        if (granted.status() != 204) {
            throw new AssertionError("Keycloak did not grant participant to " + username + ": " + granted.body());
        }
    }
}
