package dev.mentorship.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The consumer side of the event contract: an event a consumer's test feeds it must be valid against the JSON
 * Schema its producer owns ({@code <producer>/src/main/resources/META-INF/resources/schemas/<Type>.v1.json} in
 * this repository). So when a producer changes a schema incompatibly, the consumers' tests that rely on the old
 * shape fail the build, not production.
 */
public final class ProducerContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Optional<JsonSchema>> SCHEMAS = new ConcurrentHashMap<>();
    private static volatile Map<String, Path> files;

    private ProducerContracts() {
    }

    /** Fails when {@code json} is not valid data for the platform event {@code type}; types no producer here owns pass. */
    public static void assertValid(String type, String json) {
        Optional<JsonSchema> schema = SCHEMAS.computeIfAbsent(type, ProducerContracts::load);
        if (schema.isEmpty()) {
            return;
        }
        Set<ValidationMessage> errors;
        try {
            errors = schema.get().validate(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new AssertionError(type + " fixture is not JSON: " + e.getOriginalMessage());
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(type + " fixture breaks its producer's schema " + schemaFiles().get(type) + ": "
                    + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "))
                    + "\n  data: " + json);
        }
    }

    /** Every event type with a producer schema in this repository, and its file. */
    public static Map<String, Path> schemaFiles() {
        Map<String, Path> found = files;
        if (found == null) {
            found = scan();
            files = found;
        }
        return found;
    }

    private static Optional<JsonSchema> load(String type) {
        Path file = schemaFiles().get(type);
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Path> scan() {
        Path root = repositoryRoot();
        try (Stream<Path> services = Files.list(root)) {
            List<Path> dirs = services
                    .map(service -> service.resolve("src/main/resources/META-INF/resources/schemas"))
                    .filter(Files::isDirectory).toList();
            Map<String, Path> byType = new java.util.TreeMap<>();
            for (Path dir : dirs) {
                try (Stream<Path> schemas = Files.list(dir)) {
                    schemas.filter(f -> f.getFileName().toString().endsWith(".v1.json")).forEach(f ->
                            byType.put(f.getFileName().toString().replace(".v1.json", ""), f));
                }
            }
            return Map.copyOf(byType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory holding the root pom and the services (tests run with a module directory as working directory). */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("participant-service")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No repository root above " + dir);
    }
}
