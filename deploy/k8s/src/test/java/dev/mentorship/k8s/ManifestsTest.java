package dev.mentorship.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mentorship.testing.NodeTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s rendered the way ops render it (kustomize) and checked offline, object by object: every object valid
 * against its model (unknown fields and wrong types fail), and the properties that make the platform safe to run:
 * probes, limits, non-root, no committed secret, least-privilege Kafka users that match the published event contract,
 * scaling and disruption budgets in prod.
 */
class ManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("platform.root", "../.."));
    static final List<String> SERVICES = List.of("participant-service", "matching-service", "schedule-service", "notification-service");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    @BeforeAll
    static void render() throws IOException {
        for (String target : List.of("base", "overlays/dev", "overlays/prod")) {
            NodeTools.Result result = NodeTools.run("kustomize", "build", "deploy/k8s/" + target);
            assertThat(result.exitCode()).as("kustomize build deploy/k8s/%s:%n%s", target, result.output()).isZero();
            List<JsonNode> objects = new ArrayList<>();
            try (var parser = YAML.getFactory().createParser(result.output())) {
                YAML.readValues(parser, JsonNode.class).forEachRemaining(o -> {
                    if (o != null && !o.isNull() && o.size() > 0) {
                        objects.add(o);
                    }
                });
            }
            RENDERED.put(target, objects);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyObjectIsValidAgainstItsModel(String target) throws IOException {
        List<String> problems = new ArrayList<>();
        List<JsonNode> cnpg = new ArrayList<>();
        for (JsonNode object : RENDERED.get(target)) {
            String name = object.path("kind").asText() + "/" + object.at("/metadata/name").asText();
            String group = object.path("apiVersion").asText().contains("/") ? object.path("apiVersion").asText().split("/")[0] : "";
            List<String> found = switch (group) {
                case "kafka.strimzi.io" -> StrictModel.strimzi(object);
                case "postgresql.cnpg.io" -> {
                    cnpg.add(object);
                    yield List.of();
                }
                case "k8s.keycloak.org" -> keycloak(object);
                default -> StrictModel.kubernetes(object);
            };
            found.forEach(p -> problems.add(name + ": " + p));
        }
        if (!cnpg.isEmpty()) {
            Path file = Files.createTempFile("cnpg", ".json");
            Files.writeString(file, JSON.writeValueAsString(cnpg));
            NodeTools.Result result = NodeTools.node(ROOT.resolve("deploy/contracts/validate-cnpg.mjs").toAbsolutePath(), file.toString());
            if (result.exitCode() != 0) {
                problems.add("CloudNativePG: " + result.output());
            }
        }
        assertThat(problems).as(target).isEmpty();
        assertThat(RENDERED.get(target)).as(target + " renders objects").isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyServiceRunsWithProbesLimitsAndWithoutRoot(String target) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> deployments = ofKind(target, "Deployment");
        assertThat(deployments.stream().map(d -> d.at("/metadata/name").asText())).containsAll(SERVICES);
        for (JsonNode deployment : deployments) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode pod = deployment.at("/spec/template/spec");
            if (!pod.at("/securityContext/runAsNonRoot").asBoolean()) {
                problems.add(name + ": pod may run as root");
            }
            for (JsonNode container : pod.path("containers")) {
                String where = name + "/" + container.path("name").asText();
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    if (!container.has(probe)) {
                        problems.add(where + ": no " + probe);
                    }
                }
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (container.at("/resources/" + bound + "/" + resource).isMissingNode()) {
                            problems.add(where + ": no " + bound + "." + resource);
                        }
                    }
                }
                JsonNode security = container.path("securityContext");
                if (security.path("allowPrivilegeEscalation").asBoolean(true) || !security.path("readOnlyRootFilesystem").asBoolean()
                        || !security.at("/capabilities/drop").toString().contains("ALL")) {
                    problems.add(where + ": container security context is not locked down: " + security);
                }
            }
            if (SERVICES.contains(name)) {
                assertThat(pod.at("/containers/0/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
                assertThat(pod.at("/containers/0/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
                assertThat(pod.at("/containers/0/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void noSecretIsCommitted(String target) {
        assertThat(ofKind(target, "Secret")).as("Secrets are created by ops (deploy/k8s/README.md), never rendered").isEmpty();
        for (JsonNode object : RENDERED.get(target)) {
            for (JsonNode container : object.at("/spec/template/spec/containers")) {
                for (JsonNode env : container.path("env")) {
                    if (env.path("name").asText().matches(".*(PASSWORD|SECRET|JAAS).*")) {
                        assertThat(env.has("valueFrom")).as(env.toString() + " comes from a Secret").isTrue();
                    }
                }
            }
        }
    }

    @Test
    void prodScalesOutAndSurvivesDisruptions() {
        String prod = "overlays/prod";
        Map<String, JsonNode> autoscalers = byTarget(ofKind(prod, "HorizontalPodAutoscaler"), "/spec/scaleTargetRef/name");
        Set<String> budgets = ofKind(prod, "PodDisruptionBudget").stream()
                .map(p -> p.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).collect(Collectors.toSet());
        for (String service : SERVICES) {
            JsonNode deployment = named(prod, "Deployment", service);
            assertThat(deployment.at("/spec/replicas").asInt()).as(service + " replicas").isGreaterThanOrEqualTo(2);
            assertThat(autoscalers).as(service + " autoscaler").containsKey(service);
            assertThat(autoscalers.get(service).at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(budgets).as(service + " disruption budget").contains(service);
            assertThat(deployment.at("/spec/template/spec/affinity/podAntiAffinity").isMissingNode()).as(service + " anti-affinity").isFalse();
        }
        for (String service : SERVICES) {
            assertThat(named("overlays/dev", "Deployment", service).at("/spec/replicas").asInt()).as("dev " + service).isEqualTo(1);
        }
        assertThat(ofKind(prod, "KafkaNodePool")).allSatisfy(pool -> assertThat(pool.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(3));
        assertThat(ofKind(prod, "KafkaTopic")).allSatisfy(topic -> assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3));
        assertThat(named(prod, "Cluster", "mentorship-db").at("/spec/instances").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void kafkaTopicsAreTheChannelsOfTheEventContract() throws IOException {
        JsonNode asyncapi = YAML.readTree(ROOT.resolve("docs/asyncapi.yaml").toFile());
        Set<String> channels = new TreeSet<>();
        asyncapi.path("channels").forEach(c -> {
            channels.add(c.path("address").asText());
            channels.add(c.path("address").asText() + ".dlq");
        });
        for (String target : List.of("overlays/dev", "overlays/prod")) {
            Set<String> topics = ofKind(target, "KafkaTopic").stream()
                    .map(t -> t.at("/spec/topicName").asText(t.at("/metadata/name").asText())).collect(Collectors.toCollection(TreeSet::new));
            assertThat(topics).as(target).isEqualTo(channels);
        }
    }

    /** Each service's Kafka user may write exactly the topics the AsyncAPI document says it publishes (and dead letters). */
    @Test
    void eachServiceMayWriteOnlyTheTopicsItPublishes() throws IOException {
        JsonNode asyncapi = YAML.readTree(ROOT.resolve("docs/asyncapi.yaml").toFile());
        Map<String, Set<String>> publishes = new TreeMap<>();
        asyncapi.path("operations").forEach(op -> {
            if ("send".equals(op.path("action").asText())) {
                String channel = op.at("/channel/$ref").asText().replace("#/channels/", "");
                publishes.computeIfAbsent(op.at("/tags/0/name").asText(), k -> new TreeSet<>())
                        .add(asyncapi.at("/channels/" + channel + "/address").asText());
            }
        });
        for (String service : SERVICES) {
            JsonNode user = named("overlays/prod", "KafkaUser", service);
            Set<String> writable = new TreeSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                boolean writes = StreamSupport.stream(acl.path("operations").spliterator(), false).anyMatch(o -> o.asText().equals("Write"))
                        || acl.path("operation").asText().equals("Write");
                if (writes && "topic".equals(acl.at("/resource/type").asText())) {
                    assertThat(acl.at("/resource/patternType").asText("literal")).as(service + " writes by literal name").isEqualTo("literal");
                    writable.add(acl.at("/resource/name").asText());
                }
            }
            Set<String> own = writable.stream().filter(t -> !t.endsWith(".dlq")).collect(Collectors.toCollection(TreeSet::new));
            assertThat(own).as(service + " may write").isEqualTo(publishes.getOrDefault(service, Set.of()));
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
        }
    }

    @Test
    void onlyWhatMustTalkTalks() {
        List<JsonNode> policies = ofKind("overlays/prod", "NetworkPolicy");
        assertThat(policies).as("a default-deny policy for every pod").anySatisfy(p -> {
            assertThat(p.at("/spec/podSelector").size()).isZero();
            assertThat(p.at("/spec/policyTypes").toString()).contains("Ingress");
            assertThat(p.at("/spec/ingress").isMissingNode() || p.at("/spec/ingress").isEmpty()).isTrue();
        });
        JsonNode kafka = named("overlays/prod", "Kafka", "mentorship");
        assertThat(kafka.at("/spec/kafka/listeners")).allSatisfy(l -> {
            assertThat(l.path("networkPolicyPeers").isEmpty()).as("listener " + l.path("name") + " restricted to its clients").isFalse();
            assertThat(l.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
        });
    }

    /** The realm that the Keycloak operator imports is the local realm minus what only a demo may have. */
    @Test
    void theRealmImportIsTheLocalRealmWithoutDemoAccounts() throws IOException {
        JsonNode local = JSON.readTree(ROOT.resolve("deploy/keycloak/mentorship-realm.json").toFile());
        JsonNode imported = named("overlays/prod", "KeycloakRealmImport", "mentorship-realm").at("/spec/realm");
        assertThat(imported.path("realm").asText()).isEqualTo("mentorship");
        assertThat(imported.has("users")).as("no demo users in a real realm").isFalse();
        assertThat(names(imported.at("/roles/realm"))).isEqualTo(names(local.at("/roles/realm")));
        Set<String> clients = names(local.path("clients"), "clientId");
        clients.remove("mentorship-demo-cli");
        assertThat(names(imported.path("clients"), "clientId")).isEqualTo(clients);
        for (JsonNode client : imported.path("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as(client.path("clientId") + " has no password grant").isFalse();
            assertThat(client.path("redirectUris").toString()).doesNotContain("localhost").doesNotContain("127.0.0.1");
        }
    }

    private static List<String> keycloak(JsonNode object) {
        return switch (object.path("kind").asText()) {
            case "KeycloakRealmImport" -> {
                List<String> problems = new ArrayList<>(StrictModel.realm(object.at("/spec/realm")));
                if (object.at("/spec/keycloakCRName").asText().isEmpty()) {
                    problems.add("spec.keycloakCRName missing");
                }
                yield problems;
            }
            case "Keycloak" -> KeycloakSpec.problems(object);
            default -> List.of("no Keycloak model for " + object.path("kind").asText());
        };
    }

    private static Set<String> names(JsonNode array) {
        return names(array, "name");
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new TreeSet<>();
        array.forEach(item -> names.add(item.path(field).asText()));
        return names;
    }

    private static List<JsonNode> ofKind(String target, String kind) {
        return RENDERED.get(target).stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    private static JsonNode named(String target, String kind, String name) {
        return ofKind(target, kind).stream().filter(o -> name.equals(o.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + target));
    }

    private static Map<String, JsonNode> byTarget(List<JsonNode> objects, String pointer) {
        Map<String, JsonNode> map = new HashMap<>();
        objects.forEach(o -> map.put(o.at(pointer).asText(), o));
        return map;
    }

}
