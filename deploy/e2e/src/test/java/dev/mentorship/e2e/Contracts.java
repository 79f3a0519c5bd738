package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The producers' event schemas, found in the services' sources (each service serves its own at /schemas/). */
final class Contracts {

    private Contracts() {
    }

    static List<Path> schemaFiles() {
        try (Stream<Path> services = Files.list(Stack.ROOT)) {
            return services.map(service -> service.resolve("src/main/resources/META-INF/resources/schemas"))
                    .filter(Files::isDirectory)
                    .flatMap(Contracts::list)
                    .filter(p -> p.getFileName().toString().endsWith(".v1.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path schemaOf(String type) {
        return schemaFiles().stream().filter(p -> p.getFileName().toString().equals(type + ".v1.json")).findFirst()
                .orElseThrow(() -> new AssertionError("No schema for " + type));
    }

    /** The topic a producer's schema names in its description ("... Topic mentorship.pairings, key trackId."). */
    static String describedTopic(String type) {
        try {
            String description = Http.JSON.readTree(Files.readString(schemaOf(type))).path("description").asText();
            java.util.regex.Matcher topic = java.util.regex.Pattern.compile("Topic (mentorship\\.[a-z.]+),").matcher(description);
            return topic.find() ? topic.group(1) : "(no topic in the schema's description)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertValid(String type, JsonNode data) {
        try {
            // formats are annotations in JSON Schema 2020-12 (as in the services' own tests): "maria@mentorship.test"
            // is a fine address on a test realm even though .test is not a delegated top-level domain
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Http.JSON.readTree(Files.readString(schemaOf(type))));
            Set<ValidationMessage> errors = schema.validate(data);
            assertThat(errors).as(type + " against its schema: " + data).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
