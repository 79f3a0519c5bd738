package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mentorship.testing.NodeTools;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's published contracts: docs/asyncapi.yaml (valid AsyncAPI 3.0 by the AsyncAPI CLI, listing every
 * event schema a producer owns, with examples that are valid data) and each service's OpenAPI document (written by
 * the service's build to target/openapi, linted by Redocly with every recommended rule as an error).
 * Runs in the README's test command, also with -De2e.skip.
 */
class PublishedContractsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ASYNCAPI = Stack.ROOT.resolve("docs/asyncapi.yaml");
    private static final List<String> SERVICES = List.of("participant-service", "matching-service", "schedule-service", "notification-service");

    @Test
    void theAsyncApiDocumentIsValidByTheAsyncApiCli() {
        NodeTools.Result result = NodeTools.run("asyncapi", "validate", "docs/asyncapi.yaml", "--fail-severity=warn");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("is valid");
    }

    @Test
    void theAsyncApiDocumentListsEveryProducerSchemaOnItsTopicWithValidExamples() throws IOException {
        JsonNode doc = YAML.readTree(ASYNCAPI.toFile());
        assertThat(doc.path("asyncapi").asText()).startsWith("3.0");
        Map<String, Path> listed = new TreeMap<>();
        doc.path("components").path("messages").fields().forEachRemaining(message -> {
            String ref = message.getValue().path("payload").path("schema").path("$ref").asText();
            listed.put(message.getKey(), ASYNCAPI.getParent().resolve(ref).normalize());
        });
        Map<String, Path> owned = Contracts.schemaFiles().stream()
                .collect(Collectors.toMap(p -> p.getFileName().toString().replace(".v1.json", ""), Path::normalize, (a, b) -> a, TreeMap::new));
        assertThat(listed).as("messages of docs/asyncapi.yaml and the schema files the producers own").isEqualTo(owned);

        List<String> problems = new ArrayList<>();
        doc.path("components").path("messages").fields().forEachRemaining(entry -> {
            String type = entry.getKey();
            JsonNode message = entry.getValue();
            JsonNode example = message.path("examples").path(0);
            if (example.isMissingNode()) {
                problems.add(type + " has no example");
                return;
            }
            if (!type.equals(example.path("headers").path("ce_type").asText())) {
                problems.add(type + " example's ce_type is " + example.path("headers").path("ce_type"));
            }
            try {
                Contracts.assertValid(type, example.path("payload"));
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
            String topic = topicOf(doc, type);
            String schemaId = schemaId(Contracts.schemaOf(type));
            if (!Contracts.describedTopic(type).equals(topic)) {
                problems.add(type + " is on channel " + topic + " but its schema says " + Contracts.describedTopic(type));
            }
            if (!schemaId.equals(example.path("headers").path("ce_dataschema").asText())) {
                problems.add(type + " example's ce_dataschema is not " + schemaId);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyExampleInTheSubscribersGuideIsValidData() throws IOException {
        List<String> lines = Files.readAllLines(Stack.ROOT.resolve("docs/events.md"));
        Map<String, String> examples = new TreeMap<>();
        String type = null;
        StringBuilder block = null;
        for (String line : lines) {
            if (line.startsWith("#### ")) {
                type = line.substring(5).trim();
            } else if (line.equals("```json") && type != null) {
                block = new StringBuilder();
            } else if (line.equals("```") && block != null) {
                examples.put(type, block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        assertThat(examples.keySet()).as("an example per event in docs/events.md")
                .containsExactlyInAnyOrderElementsOf(Contracts.schemaFiles().stream()
                        .map(p -> p.getFileName().toString().replace(".v1.json", "")).toList());
        for (Map.Entry<String, String> example : examples.entrySet()) {
            Contracts.assertValid(example.getKey(), Http.JSON.readTree(example.getValue()));
        }
    }

    @Test
    void everyServiceOpenApiDocumentPassesTheLinter() {
        List<String> documents = new ArrayList<>();
        for (String service : SERVICES) {
            Path document = Stack.ROOT.resolve(service + "/target/openapi/openapi.yaml");
            assertThat(document).as("%s's OpenAPI document, written by its build (mvn verify builds it before this module)", service).isRegularFile();
            documents.add(Stack.ROOT.relativize(document).toString());
        }
        List<String> args = new ArrayList<>(List.of("lint", "--config", "deploy/contracts/redocly.yaml", "--format", "stylish"));
        args.addAll(documents);
        NodeTools.Result result = NodeTools.run("redocly", args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as(result.output()).doesNotContain("warning");
    }

    @Test
    void everyOperationDeclaresItsSecurityAndProblemResponses() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode doc = Http.JSON.readTree(Stack.ROOT.resolve(service + "/target/openapi/openapi.json").toFile());
            doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                String where = service + " " + op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (!operation.has("security") && !doc.has("security")) {
                    missing.add(where + ": no security");
                }
                TreeSet<String> codes = new TreeSet<>();
                operation.path("responses").fieldNames().forEachRemaining(codes::add);
                if (codes.stream().noneMatch(c -> c.startsWith("2") || c.startsWith("3"))) {
                    missing.add(where + ": no success response");
                }
                boolean protectedByToken = operation.path("security").toString().contains("bearer");
                if (protectedByToken && !(codes.contains("401") && codes.contains("403"))) {
                    missing.add(where + ": no 401/403");
                }
                operation.path("responses").fields().forEachRemaining(response -> {
                    if (response.getKey().matches("4\\d\\d") && !Map.of("401", 1, "403", 1).containsKey(response.getKey())
                            && !response.getValue().path("content").has("application/problem+json")) {
                        missing.add(where + ": " + response.getKey() + " is not problem+json");
                    }
                });
            }));
        }
        assertThat(missing).isEmpty();
    }

    private static String topicOf(JsonNode doc, String type) {
        for (var channel : (Iterable<Map.Entry<String, JsonNode>>) doc.path("channels")::fields) {
            if (channel.getValue().path("messages").has(type)) {
                return channel.getValue().path("address").asText();
            }
        }
        return "(no channel)";
    }

    private static String schemaId(Path schema) {
        try {
            return YAML.readTree(schema.toFile()).path("$id").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
