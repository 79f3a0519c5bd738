package dev.mentorship.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Keycloak operator publishes no model on Maven Central or npm (its CRDs ship with the operator), so the fields
 * of a {@code Keycloak} (k8s.keycloak.org/v2alpha1, Keycloak 26) that deploy/k8s may use are listed here from the
 * operator's documentation, with their types: a typo or a wrong type fails, a field we have not listed fails too
 * (add it here after checking the operator's documentation).
 */
final class KeycloakSpec {

    private static final Set<String> SPEC = Set.of("instances", "image", "imagePullSecrets", "db", "http", "hostname", "proxy",
            "ingress", "features", "transaction", "additionalOptions", "unsupported", "resources", "startOptimized", "cache",
            "truststores", "httpManagement", "scheduling", "bootstrapAdmin", "tracing", "networkPolicy", "serviceMonitor",
            "readinessProbe", "livenessProbe", "startupProbe", "env", "update", "import");
    private static final Map<String, Set<String>> NESTED = Map.of(
            "db", Set.of("vendor", "host", "port", "database", "schema", "url", "usernameSecret", "passwordSecret", "poolInitialSize",
                    "poolMinSize", "poolMaxSize"),
            "http", Set.of("httpEnabled", "httpPort", "httpsPort", "tlsSecret", "annotations", "labels"),
            "hostname", Set.of("hostname", "admin", "strict", "backchannelDynamic"),
            "proxy", Set.of("headers"),
            "ingress", Set.of("enabled", "className", "annotations", "labels", "tlsSecret"),
            "features", Set.of("enabled", "disabled"),
            "resources", Set.of("requests", "limits", "claims"),
            "networkPolicy", Set.of("enabled", "http", "https", "management"),
            "serviceMonitor", Set.of("enabled", "interval", "scrapeTimeout"));
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("instances", "int"), Map.entry("startOptimized", "boolean"), Map.entry("db.port", "int"),
            Map.entry("db.host", "string"), Map.entry("db.database", "string"), Map.entry("db.vendor", "string"),
            Map.entry("http.httpEnabled", "boolean"), Map.entry("http.tlsSecret", "string"), Map.entry("http.httpPort", "int"),
            Map.entry("hostname.hostname", "string"), Map.entry("hostname.strict", "boolean"),
            Map.entry("hostname.backchannelDynamic", "boolean"), Map.entry("ingress.enabled", "boolean"),
            Map.entry("networkPolicy.enabled", "boolean"), Map.entry("proxy.headers", "string"), Map.entry("image", "string"));

    private KeycloakSpec() {
    }

    static List<String> problems(JsonNode object) {
        List<String> problems = new ArrayList<>();
        if (!"k8s.keycloak.org/v2alpha1".equals(object.path("apiVersion").asText())) {
            problems.add("apiVersion " + object.path("apiVersion").asText() + " (Keycloak 26's operator serves k8s.keycloak.org/v2alpha1)");
        }
        JsonNode spec = object.path("spec");
        spec.fieldNames().forEachRemaining(field -> {
            if (!SPEC.contains(field)) {
                problems.add("spec." + field + ": unknown field");
            } else if (NESTED.containsKey(field)) {
                spec.path(field).fieldNames().forEachRemaining(sub -> {
                    if (!NESTED.get(field).contains(sub)) {
                        problems.add("spec." + field + "." + sub + ": unknown field");
                    }
                });
            }
        });
        TYPES.forEach((path, type) -> {
            JsonNode value = spec.at("/" + path.replace('.', '/'));
            if (value.isMissingNode()) {
                return;
            }
            boolean ok = switch (type) {
                case "int" -> value.isInt();
                case "boolean" -> value.isBoolean();
                default -> value.isTextual();
            };
            if (!ok) {
                problems.add("spec." + path + ": " + value + " is not a " + type);
            }
        });
        if (spec.path("proxy").has("headers") && !Set.of("forwarded", "xforwarded").contains(spec.at("/proxy/headers").asText())) {
            problems.add("spec.proxy.headers: forwarded or xforwarded");
        }
        for (String secret : List.of("usernameSecret", "passwordSecret")) {
            JsonNode ref = spec.at("/db/" + secret);
            if (!ref.isMissingNode() && (!ref.path("name").isTextual() || !ref.path("key").isTextual())) {
                problems.add("spec.db." + secret + ": needs name and key");
            }
        }
        return problems;
    }
}
