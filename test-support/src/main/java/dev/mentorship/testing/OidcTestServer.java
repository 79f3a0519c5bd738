package dev.mentorship.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A minimal OpenID Provider for tests: OIDC discovery and a JWKS over real HTTP on a free loopback port, so that
 * quarkus-oidc validates test tokens exactly as it validates Keycloak's (discovery, key set, signature, issuer,
 * audience, expiry). Tokens are minted by {@link Tokens} with the private key that never leaves the JVM.
 * A free port (not Keycloak's 8180) keeps the tests independent of a local stack that may be running.
 */
public final class OidcTestServer {

    public static final String REALM = "mentorship";
    public static final String KEY_ID = "test-signing-key";

    private static HttpServer server;
    private static KeyPair keyPair;

    private OidcTestServer() {
    }

    /** Starts the server once per JVM and returns the issuer URL, e.g. {@code http://127.0.0.1:PORT/realms/mentorship}. */
    public static synchronized String start() {
        if (server == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keyPair = generator.generateKeyPair();
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/realms/" + REALM + "/.well-known/openid-configuration",
                        exchange -> respond(exchange, discovery()));
                server.createContext("/realms/" + REALM + "/protocol/openid-connect/certs",
                        exchange -> respond(exchange, jwks()));
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "oidc-test-server-stop"));
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("OIDC test server did not start", e);
            }
        }
        return issuer();
    }

    public static synchronized String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/" + REALM;
    }

    static synchronized KeyPair keyPair() {
        start();
        return keyPair;
    }

    private static String discovery() {
        String issuer = issuer();
        String oidc = issuer + "/protocol/openid-connect";
        return """
                {"issuer":"%1$s","jwks_uri":"%2$s/certs","authorization_endpoint":"%2$s/auth",
                 "token_endpoint":"%2$s/token","userinfo_endpoint":"%2$s/userinfo",
                 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"],
                 "subject_types_supported":["public"]}""".formatted(issuer, oidc);
    }

    private static String jwks() {
        RSAPublicKey key = (RSAPublicKey) keyPair.getPublic();
        return """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}"""
                .formatted(KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
