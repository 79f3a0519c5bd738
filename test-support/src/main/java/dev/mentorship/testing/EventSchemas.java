package dev.mentorship.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Validates event data against the JSON Schema (draft 2020-12) its producer publishes. */
public final class EventSchemas {

    private EventSchemas() {
    }

    /** Asserts that {@code data} validates against the schema at {@code classpathResource}. */
    public static void assertValid(String classpathResource, JsonNode data) {
        Set<ValidationMessage> errors = load(classpathResource).validate(data);
        assertThat(errors).as("%s against %s", data, classpathResource).isEmpty();
    }

    public static JsonSchema load(String classpathResource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException("No schema on the classpath at " + classpathResource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
