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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s rendered the way ops render it (kustomize) and checked offline, object by object: every object valid
 * against its model (unknown fields and wrong types fail), and the properties that make the platform safe to run:
 * probes, limits, non-root, no committed secret, least-privilege Kafka users that match the published event contract
 * (and no outside user on an internal topic), scaling and disruption budgets in prod, nothing private on the public edge
 * (no /q/, no management port, no Keycloak admin), verified people only.
 */
class ManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("platform.root", "../.."));
    static final List<String> SERVICES = List.of("participant-service", "matching-service", "schedule-service", "notification-service");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();
    /** The ingress class of the internal controller; every other class is public. */
    static final String INTERNAL_INGRESS_CLASS = "nginx-internal";
    static final String KEYCLOAK_SERVICE = "mentorship-keycloak-service";
    /**
     * Keycloak's paths that the internet may reach: the platform's realm (login, registration, tokens, account,
     * discovery) and the pages' assets; not the master realm, where administrators sign in.
     */
    static final Set<String> KEYCLOAK_PUBLIC_PATHS = Set.of("/realms/mentorship/", "/resources/");
    static final int MANAGEMENT_PORT = 9000;
    /** The tag of docs/asyncapi.yaml's internal channels: the platform's services only, never an outside subscriber. */
    static final String INTERNAL = "internal";
    /** The secrets a service refuses to start without, each an env var that must come from a Secret. */
    static final Map<String, String> SERVICE_KEYS = Map.of("schedule-service", "AUDIT_PSEUDONYM_KEY",
            "notification-service", "UNSUBSCRIBE_KEY");

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
        List<JsonNode> monitoring = new ArrayList<>();
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
                case "monitoring.coreos.com" -> {
                    monitoring.add(object);
                    yield List.of();
                }
                default -> StrictModel.kubernetes(object);
            };
            found.forEach(p -> problems.add(name + ": " + p));
        }
        if (!monitoring.isEmpty()) {
            problems.addAll(Monitoring.validate(monitoring, Map.of()).problems());
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
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(pod.at("/containers/0/" + probe + "/httpGet/port").asText()).as(name + " " + probe + " port")
                            .isEqualTo("management");
                }
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
                    if (env.path("name").asText().matches(".*(PASSWORD|SECRET|JAAS|KEY|TOKEN).*")) {
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
        EventContract contract = EventContract.read();
        for (String service : SERVICES) {
            JsonNode user = named("overlays/prod", "KafkaUser", service);
            Set<String> writable = new TreeSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                if (operations(acl).contains("Write") && "topic".equals(acl.at("/resource/type").asText())) {
                    assertThat(acl.at("/resource/patternType").asText("literal")).as(service + " writes by literal name").isEqualTo("literal");
                    writable.add(acl.at("/resource/name").asText());
                }
            }
            Set<String> own = writable.stream().filter(t -> !t.endsWith(".dlq")).collect(Collectors.toCollection(TreeSet::new));
            assertThat(own).as(service + " may write").isEqualTo(contract.publishes(service));
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
        }
    }

    /**
     * Each service's Kafka user has exactly the ACLs of its operations in docs/asyncapi.yaml, public and internal
     * topics alike: Write and Describe on what it publishes; Read and Describe on what it consumes, Write and Describe
     * on those topics' dead letters, Read on its own consumer group (named after it); all by literal name, nothing else.
     */
    @Test
    void eachServiceKafkaUserHasExactlyTheAclsOfItsOperations() throws IOException {
        EventContract contract = EventContract.read();
        assertThat(contract.consumes(SERVICES.get(0))).as("receive operations in docs/asyncapi.yaml").isNotEmpty();
        for (String service : SERVICES) {
            Set<String> expected = new TreeSet<>();
            for (String topic : contract.publishes(service)) {
                expected.addAll(acls("topic", "literal", topic, "Write", "Describe"));
            }
            for (String topic : contract.consumes(service)) {
                expected.addAll(acls("topic", "literal", topic, "Read", "Describe"));
                expected.addAll(acls("topic", "literal", topic + ".dlq", "Write", "Describe"));
            }
            if (!contract.consumes(service).isEmpty()) {
                expected.addAll(acls("group", "literal", service, "Read"));
            }
            // its outbox relay's Kafka transactions (OutboxRelay: the application name + "-outbox")
            expected.addAll(acls("transactionalId", "literal", service + "-outbox", "Write", "Describe"));
            assertThat(acls(named("overlays/prod", "KafkaUser", service))).as(service + "'s ACLs").isEqualTo(expected);
        }
    }

    /**
     * The internal topics (docs/asyncapi.yaml's channels tagged internal: program staff, what participants confided,
     * the audit log) and their dead letters are granted to no Kafka user but the services': not to the read-only
     * conference-subscriber, not to any other, neither by name nor by prefix nor by wildcard. The tag and the schemas
     * agree: a channel is internal exactly when its events' schemas say INTERNAL.
     */
    @Test
    void noOutsideUserMayReachAnInternalTopic() throws IOException {
        EventContract contract = EventContract.read();
        assertThat(contract.internal()).as("internal channels of docs/asyncapi.yaml").isNotEmpty();
        assertThat(contract.internal()).as("channels whose event schemas say INTERNAL").isEqualTo(contract.internalBySchema());
        assertThat(contract.untaggedInternalOperations()).as("operations on internal channels not tagged internal").isEmpty();
        Set<String> internal = new TreeSet<>();
        contract.internal().forEach(t -> {
            internal.add(t);
            internal.add(t + ".dlq");
        });
        for (String target : List.of("overlays/dev", "overlays/prod")) {
            List<JsonNode> outside = ofKind(target, "KafkaUser").stream()
                    .filter(u -> !SERVICES.contains(u.at("/metadata/name").asText())).toList();
            assertThat(outside.stream().map(u -> u.at("/metadata/name").asText())).as(target + " outside users").contains("conference-subscriber");
            List<String> grants = new ArrayList<>();
            for (JsonNode user : outside) {
                for (JsonNode acl : user.at("/spec/authorization/acls")) {
                    if (!"topic".equals(acl.at("/resource/type").asText())) {
                        continue;
                    }
                    String name = acl.at("/resource/name").asText();
                    boolean prefix = "prefix".equals(acl.at("/resource/patternType").asText("literal"));
                    for (String topic : internal) {
                        if (name.equals("*") || (prefix ? topic.startsWith(name) : topic.equals(name))) {
                            grants.add(user.at("/metadata/name").asText() + " " + operations(acl) + " on " + topic + " (" + acl.at("/resource") + ")");
                        }
                    }
                }
            }
            assertThat(grants).as(target + ": outside users on internal topics").isEmpty();
            JsonNode subscriber = named(target, "KafkaUser", "conference-subscriber");
            Set<String> reads = new TreeSet<>();
            for (JsonNode acl : subscriber.at("/spec/authorization/acls")) {
                assertThat(operations(acl)).as("conference-subscriber only reads").isSubsetOf("Read", "Describe");
                if ("topic".equals(acl.at("/resource/type").asText())) {
                    reads.add(acl.at("/resource/name").asText());
                }
            }
            assertThat(reads).as(target + ": conference-subscriber reads the public topics").isEqualTo(contract.publicTopics());
        }
    }

    /** The keys a service refuses to start without (the audit log's pseudonym key, the unsubscribe links' key) come from Secrets. */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theServicesKeysComeFromSecrets(String target) {
        SERVICE_KEYS.forEach((service, variable) -> {
            JsonNode container = named(target, "Deployment", service).at("/spec/template/spec/containers/0");
            List<JsonNode> env = StreamSupport.stream(container.path("env").spliterator(), false)
                    .filter(e -> variable.equals(e.path("name").asText())).toList();
            assertThat(env).as(target + " " + service + " sets " + variable + " once").hasSize(1);
            assertThat(env.get(0).has("value")).as(service + " " + variable + " is no literal").isFalse();
            assertThat(env.get(0).at("/valueFrom/secretKeyRef/name").asText()).as(service + " " + variable + " from a Secret").isNotEmpty();
            assertThat(env.get(0).at("/valueFrom/secretKeyRef/key").asText()).as(service + " " + variable + " Secret key").isNotEmpty();
            assertThat(env.get(0).at("/valueFrom/secretKeyRef/optional").asBoolean(false)).as(service + " " + variable + " required").isFalse();
        });
    }

    /**
     * What docs/asyncapi.yaml says: by service (an operation's first tag), the topics it publishes (send) and
     * consumes (receive); the channels tagged internal; those whose events' schemas (the producers' files) say INTERNAL.
     */
    record EventContract(Map<String, Set<String>> publishesByService, Map<String, Set<String>> consumesByService,
                         Set<String> internal, Set<String> internalBySchema, Set<String> publicTopics,
                         List<String> untaggedInternalOperations) {

        static EventContract read() throws IOException {
            Path file = ROOT.resolve("docs/asyncapi.yaml");
            JsonNode asyncapi = YAML.readTree(file.toFile());
            Map<String, Set<String>> publishes = new TreeMap<>();
            Map<String, Set<String>> consumes = new TreeMap<>();
            Set<String> internal = new TreeSet<>();
            Set<String> internalBySchema = new TreeSet<>();
            Set<String> publicTopics = new TreeSet<>();
            List<String> untagged = new ArrayList<>();
            for (var channel : (Iterable<Map.Entry<String, JsonNode>>) asyncapi.path("channels")::fields) {
                String address = channel.getValue().path("address").asText();
                (tagged(channel.getValue()) ? internal : publicTopics).add(address);
                for (JsonNode message : channel.getValue().path("messages")) {
                    JsonNode definition = asyncapi.at(message.path("$ref").asText().substring(1));
                    Path schema = file.getParent().resolve(definition.at("/payload/schema/$ref").asText()).normalize();
                    if (JSON.readTree(schema.toFile()).path("description").asText().startsWith("INTERNAL")) {
                        internalBySchema.add(address);
                    }
                }
            }
            for (var op : (Iterable<Map.Entry<String, JsonNode>>) asyncapi.path("operations")::fields) {
                JsonNode operation = op.getValue();
                String channel = operation.at("/channel/$ref").asText().replace("#/channels/", "");
                String address = asyncapi.at("/channels/" + channel + "/address").asText();
                String service = operation.at("/tags/0/name").asText();
                switch (operation.path("action").asText()) {
                    case "send" -> publishes.computeIfAbsent(service, k -> new TreeSet<>()).add(address);
                    case "receive" -> consumes.computeIfAbsent(service, k -> new TreeSet<>()).add(address);
                    default -> throw new AssertionError(op.getKey() + ": action " + operation.path("action"));
                }
                if (internal.contains(address) && !tagged(operation)) {
                    untagged.add(op.getKey());
                }
            }
            return new EventContract(publishes, consumes, internal, internalBySchema, publicTopics, untagged);
        }

        private static boolean tagged(JsonNode node) {
            return StreamSupport.stream(node.path("tags").spliterator(), false).anyMatch(t -> INTERNAL.equals(t.path("name").asText()));
        }

        Set<String> publishes(String service) {
            return publishesByService.getOrDefault(service, Set.of());
        }

        Set<String> consumes(String service) {
            return consumesByService.getOrDefault(service, Set.of());
        }
    }

    /** A Kafka user's ACLs, one line per operation: type, resource type, pattern, name, operation. */
    private static Set<String> acls(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            String type = acl.path("type").asText("allow");
            for (String operation : operations(acl)) {
                acls.add(type + " " + acl.at("/resource/type").asText() + " " + acl.at("/resource/patternType").asText("literal") + " "
                        + acl.at("/resource/name").asText() + " " + operation);
            }
        }
        return acls;
    }

    private static Set<String> acls(String resourceType, String pattern, String name, String... operations) {
        return Arrays.stream(operations).map(o -> "allow " + resourceType + " " + pattern + " " + name + " " + o)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** An ACL's operations (Strimzi: a list {@code operations}, or the deprecated single {@code operation}). */
    private static Set<String> operations(JsonNode acl) {
        Set<String> operations = new TreeSet<>();
        acl.path("operations").forEach(o -> operations.add(o.asText()));
        if (acl.hasNonNull("operation")) {
            operations.add(acl.path("operation").asText());
        }
        return operations;
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

    /**
     * Nothing private on the public edge: no Ingress of a public class routes /q/ (health, metrics, OpenAPI, Swagger UI)
     * or the management port, and Keycloak's public host routes /realms/ and /resources/ only, never its admin console
     * or admin API, which have their own host on the internal controller, allowed from private addresses only.
     * (Of /realms/, only the platform's realm: the master realm is where administrators sign in.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void thePublicEdgeRoutesNeitherQNorTheManagementPortNorKeycloaksAdmin(String target) {
        List<JsonNode> ingresses = ofKind(target, "Ingress");
        List<String> problems = new ArrayList<>();
        List<String> privatePaths = List.of("/q/", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/");
        List<String> keycloakAdmin = List.of("/admin/", "/admin/master/console/", "/admin/realms/mentorship/users",
                "/realms/master/protocol/openid-connect/auth", "/metrics", "/health/ready");
        for (JsonNode ingress : ingresses) {
            String name = ingress.at("/metadata/name").asText();
            boolean internal = INTERNAL_INGRESS_CLASS.equals(ingress.at("/spec/ingressClassName").asText());
            assertThat(ingress.at("/spec/ingressClassName").asText()).as(name + " names its ingress class").isNotEmpty();
            assertThat(ingress.at("/spec/defaultBackend").isMissingNode()).as(name + " has no default backend").isTrue();
            for (Route route : routes(ingress)) {
                String where = name + " " + route.host() + route.path() + " -> " + route.service() + ":" + route.port();
                if (route.port().equals("management") || route.port().equals(String.valueOf(MANAGEMENT_PORT))) {
                    problems.add(where + ": routes the management port");
                }
                if (internal) {
                    continue;
                }
                if (!Set.of("Prefix", "Exact").contains(route.pathType())) {
                    problems.add(where + ": pathType " + route.pathType() + " (only Prefix or Exact can be checked)");
                }
                for (String path : privatePaths) {
                    if (route.reaches(path)) {
                        problems.add(where + ": reaches " + path);
                    }
                }
                if (route.service().equals(KEYCLOAK_SERVICE)) {
                    if (!KEYCLOAK_PUBLIC_PATHS.contains(route.path())) {
                        problems.add(where + ": Keycloak's public paths are " + KEYCLOAK_PUBLIC_PATHS + " only (within /realms/ and /resources/)");
                    }
                    for (String path : keycloakAdmin) {
                        if (route.reaches(path)) {
                            problems.add(where + ": reaches Keycloak's " + path);
                        }
                    }
                } else if (SERVICES.contains(route.service()) && !route.port().equals("http")) {
                    problems.add(where + ": a service is reached on its Service port http only");
                }
            }
        }
        assertThat(problems).as(target).isEmpty();

        // the admin console and admin API: their own host, internal controller, private addresses, named by the Keycloak CR
        JsonNode keycloak = named(target, "Keycloak", "mentorship-keycloak");
        String publicHost = java.net.URI.create(keycloak.at("/spec/hostname/hostname").asText()).getHost();
        String adminUrl = keycloak.at("/spec/hostname/admin").asText();
        assertThat(adminUrl).as("Keycloak's hostname.admin").startsWith("https://");
        String adminHost = java.net.URI.create(adminUrl).getHost();
        assertThat(adminHost).isNotEqualTo(publicHost);
        List<Route> publicAuth = ingresses.stream()
                .filter(i -> !INTERNAL_INGRESS_CLASS.equals(i.at("/spec/ingressClassName").asText()))
                .flatMap(i -> routes(i).stream()).filter(r -> r.host().equals(publicHost)).toList();
        assertThat(publicAuth).as("the public auth host's routes").isNotEmpty()
                .allSatisfy(r -> assertThat(r.service()).isEqualTo(KEYCLOAK_SERVICE));
        assertThat(publicAuth.stream().map(Route::path).collect(Collectors.toSet())).isEqualTo(KEYCLOAK_PUBLIC_PATHS);
        List<JsonNode> admin = ingresses.stream().filter(i -> routes(i).stream().anyMatch(r -> r.host().equals(adminHost))).toList();
        assertThat(admin).as("an Ingress for Keycloak's admin host " + adminHost).hasSize(1);
        assertThat(admin.get(0).at("/spec/ingressClassName").asText()).isEqualTo(INTERNAL_INGRESS_CLASS);
        assertThat(routes(admin.get(0))).allSatisfy(r -> assertThat(r.service()).isEqualTo(KEYCLOAK_SERVICE))
                .anySatisfy(r -> assertThat(r.reaches("/admin/master/console/")).isTrue());
        String allowed = admin.get(0).at("/metadata/annotations/nginx.ingress.kubernetes.io~1whitelist-source-range").asText();
        assertThat(allowed.split(",")).as("the admin host's allow-list").isNotEmpty()
                .allSatisfy(range -> assertThat(range.trim()).isIn("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"));
    }

    /**
     * Each service's public host routes exactly the top-level paths of its own API: the {@code @Path}s of its resources
     * (and of service-runtime's), {@code /schemas/} where it serves event schemas. A new resource outside them is
     * caught here, as is a route to nothing.
     */
    @Test
    void eachServiceHostRoutesExactlyItsApisTopLevelPaths() throws IOException {
        Map<String, Set<String>> routed = new TreeMap<>();
        for (JsonNode ingress : ofKind("overlays/prod", "Ingress")) {
            if (INTERNAL_INGRESS_CLASS.equals(ingress.at("/spec/ingressClassName").asText())) {
                continue;
            }
            for (Route route : routes(ingress)) {
                if (SERVICES.contains(route.service())) {
                    routed.computeIfAbsent(route.service(), s -> new TreeSet<>()).add(route.path().replaceAll("/$", ""));
                }
            }
        }
        Set<String> runtime = topLevelPaths(ROOT.resolve("service-runtime/src/main"));
        for (String service : SERVICES) {
            Set<String> api = new TreeSet<>(runtime);
            api.addAll(topLevelPaths(ROOT.resolve(service + "/src/main")));
            assertThat(routed.get(service)).as(service + "'s public routes").isEqualTo(api);
        }
    }

    /**
     * The pods run with their images' JVM options (issue 21: start and memory): the ConfigMap's JAVA_OPTS_APPEND, which
     * replaces the image's, is the one of every service's Dockerfile, and so loads the class-data-sharing archive the
     * image builds; each image builds that archive, and swaps the parallel collector for the serial one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void podsRunWithTheirImagesJvmOptions(String target) throws IOException {
        String options = named(target, "ConfigMap", configMapName(target)).at("/data/JAVA_OPTS_APPEND").asText();
        assertThat(options).contains("-XX:SharedArchiveFile=/deployments/app-cds.jsa").contains("-XX:MaxRAMPercentage=");
        Pattern env = Pattern.compile("^ENV (\\w+)=\"?(.*?)\"?$", Pattern.MULTILINE);
        for (String service : SERVICES) {
            String dockerfile = Files.readString(ROOT.resolve(service + "/src/main/docker/Dockerfile.jvm"));
            Map<String, String> image = new TreeMap<>();
            Matcher m = env.matcher(dockerfile);
            while (m.find()) {
                image.put(m.group(1), m.group(2));
            }
            assertThat(image).as(service + "'s Dockerfile").containsEntry("JAVA_OPTS_APPEND", options)
                    .containsEntry("GC_CONTAINER_OPTIONS", "-XX:+UseSerialGC").containsEntry("MALLOC_ARENA_MAX", "2");
            assertThat(dockerfile).as(service + "'s Dockerfile builds the archive")
                    .contains("-XX:ArchiveClassesAtExit=/deployments/app-cds.jsa -Dquarkus.appcds.generate=true");
            JsonNode container = named(target, "Deployment", service).at("/spec/template/spec/containers/0");
            assertThat(container.path("env").findValuesAsText("name")).as(service + " sets no JVM options of its own")
                    .doesNotContain("JAVA_OPTS_APPEND", "JAVA_OPTS", "GC_CONTAINER_OPTIONS");
        }
    }

    /** Probes and Prometheus read the management port; no Service exposes it, only Prometheus may reach it. */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void healthAndMetricsAreReadOnTheManagementPortOnly(String target) {
        JsonNode config = named(target, "ConfigMap", configMapName(target));
        assertThat(config.at("/data/MANAGEMENT_PORT").asText()).isEqualTo(String.valueOf(MANAGEMENT_PORT));
        for (String service : SERVICES) {
            JsonNode template = named(target, "Deployment", service).at("/spec/template");
            JsonNode container = template.at("/spec/containers/0");
            Map<String, Integer> ports = new TreeMap<>();
            container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
            assertThat(ports).as(service + " container ports").containsEntry("http", 8080).containsEntry("management", MANAGEMENT_PORT);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(service + " " + probe).isEqualTo("management");
                assertThat(container.at("/" + probe + "/httpGet/path").asText()).as(service + " " + probe).startsWith("/q/health/");
            }
            JsonNode annotations = template.at("/metadata/annotations");
            assertThat(annotations.path("prometheus.io/scrape").asText()).as(service + " scraped").isEqualTo("true");
            assertThat(annotations.path("prometheus.io/port").asText()).as(service + " scraped on").isEqualTo(String.valueOf(MANAGEMENT_PORT));
            assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
            JsonNode svc = named(target, "Service", service);
            assertThat(svc.at("/spec/ports")).as(service + "'s Service exposes the API port only").allSatisfy(p -> {
                assertThat(p.path("port").asInt()).isNotEqualTo(MANAGEMENT_PORT);
                assertThat(p.path("targetPort").asText()).isIn("http", "8080");
            });
        }
        JsonNode policy = named(target, "NetworkPolicy", "services-from-ingress-and-prometheus");
        Map<String, Set<Integer>> portsBySource = new TreeMap<>();
        for (JsonNode rule : policy.at("/spec/ingress")) {
            Set<Integer> ports = new TreeSet<>();
            rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
            assertThat(ports).as("each rule names its ports").isNotEmpty();
            rule.path("from").forEach(from -> portsBySource.computeIfAbsent(
                    from.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText(from.toString()), k -> new TreeSet<>()).addAll(ports));
        }
        assertThat(portsBySource).isEqualTo(Map.of("ingress-nginx", Set.of(8080), "monitoring", Set.of(MANAGEMENT_PORT)));
    }

    /**
     * The services' shared configuration denies an endpoint that names no role and serves health and metrics on the
     * management interface; the realm the cluster imports lets only verified people in and hands out no offline tokens.
     */
    @Test
    void endpointsAreDeniedUnlessAnnotatedAndTheRealmVerifiesEmails() throws IOException {
        Properties shared = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve("service-runtime/src/main/resources/META-INF/microprofile-config.properties"))) {
            shared.load(in);
        }
        assertThat(shared.getProperty("quarkus.security.jaxrs.deny-unannotated-endpoints")).isEqualTo("true");
        assertThat(shared.getProperty("quarkus.management.enabled")).isEqualTo("true");
        assertThat(shared.getProperty("quarkus.http.auth.proactive")).isEqualTo("false");
        for (String service : SERVICES) {
            Properties own = new Properties();
            try (var in = Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
                own.load(in);
            }
            assertThat(own.stringPropertyNames()).as(service + " keeps the shared security and management defaults")
                    .noneMatch(key -> key.replaceFirst("^%[^.]+\\.", "").matches(
                            "quarkus\\.security\\.jaxrs\\..*|quarkus\\.management\\.(enabled|host)|quarkus\\.http\\.auth\\..*"));
        }
        for (String target : List.of("overlays/dev", "overlays/prod")) {
            JsonNode realm = named(target, "KeycloakRealmImport", "mentorship-realm").at("/spec/realm");
            assertThat(realm.path("verifyEmail").asBoolean()).as(target + " realm verifyEmail").isTrue();
            assertThat(realm.at("/smtpServer/host").asText()).as(target + " realm sends its verification mails").isNotEmpty();
            assertThat(names(realm.at("/defaultRole/composites/realm"), null))
                    .as(target + " default roles").containsExactlyInAnyOrder("participant", "uma_authorization");
            JsonNode defaultRoles = StreamSupport.stream(realm.at("/roles/realm").spliterator(), false)
                    .filter(r -> r.path("name").asText().equals(realm.at("/defaultRole/name").asText())).findFirst().orElseThrow();
            assertThat(names(defaultRoles.at("/composites/realm"), null))
                    .as(target + " " + defaultRoles.path("name").asText()).containsExactlyInAnyOrder("participant", "uma_authorization");
            // Keycloak's import adds offline_access to the default role anyway: the clients may not ask for the scope
            for (JsonNode client : realm.path("clients")) {
                String id = target + " client " + client.path("clientId").asText();
                assertThat(names(client.path("defaultClientScopes"), null)).as(id + " default scopes (email_verified comes with email)")
                        .contains("email", "profile", "roles").doesNotContain("offline_access");
                assertThat(client.has("optionalClientScopes")).as(id + " lists its optional scopes").isTrue();
                assertThat(names(client.path("optionalClientScopes"), null)).as(id + " optional scopes").doesNotContain("offline_access");
            }
        }
    }

    /** One path of an Ingress rule. */
    record Route(String host, String path, String pathType, String service, String port) {

        /** Whether a request for {@code target} is routed here (Prefix: by whole path elements, as Kubernetes defines it). */
        boolean reaches(String target) {
            if (pathType.equals("Exact")) {
                return target.equals(path);
            }
            List<String> prefix = elements(path);
            List<String> wanted = elements(target);
            return wanted.size() >= prefix.size() && wanted.subList(0, prefix.size()).equals(prefix);
        }

        private static List<String> elements(String path) {
            return Arrays.stream(path.split("/")).filter(e -> !e.isEmpty()).toList();
        }
    }

    private static List<Route> routes(JsonNode ingress) {
        List<Route> routes = new ArrayList<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                JsonNode port = path.at("/backend/service/port");
                routes.add(new Route(rule.path("host").asText(), path.path("path").asText("/"), path.path("pathType").asText(),
                        path.at("/backend/service/name").asText(), port.has("name") ? port.path("name").asText() : port.path("number").asText()));
            }
        }
        return routes;
    }

    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern TYPE = Pattern.compile("(?m)^(public |final |abstract )*(class|interface|record) ");

    /**
     * The first element of every path a module serves: a resource's class-level {@code @Path} (its methods' where the
     * class's is the root), and each directory of static files under {@code META-INF/resources}.
     */
    static Set<String> topLevelPaths(Path main) throws IOException {
        Set<String> paths = new TreeSet<>();
        try (var files = Files.walk(main.resolve("java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher type = TYPE.matcher(source);
                if (!source.contains("@Path(") || !type.find()) {
                    continue;
                }
                List<String> onClass = new ArrayList<>();
                List<String> onMethods = new ArrayList<>();
                Matcher path = PATH.matcher(source);
                while (path.find()) {
                    (path.start() < type.start() ? onClass : onMethods).add(path.group(1));
                }
                boolean root = onClass.isEmpty() || onClass.get(0).replace("/", "").isEmpty();
                for (String p : root ? onMethods : onClass.subList(0, 1)) {
                    String first = p.replaceFirst("^/", "").split("/")[0];
                    if (!first.isEmpty()) {
                        paths.add("/" + first);
                    }
                }
            }
        }
        Path statics = main.resolve("resources/META-INF/resources");
        if (Files.isDirectory(statics)) {
            try (var entries = Files.list(statics)) {
                entries.forEach(e -> paths.add("/" + e.getFileName()));
            }
        }
        return paths;
    }

    private static String configMapName(String target) {
        return ofKind(target, "ConfigMap").stream().map(c -> c.at("/metadata/name").asText())
                .filter(n -> n.startsWith("platform-config")).findFirst().orElseThrow();
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

    /** The {@code field} of each item of an array, or each item itself where {@code field} is null. */
    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new TreeSet<>();
        array.forEach(item -> names.add(field == null ? item.asText() : item.path(field).asText()));
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
