package dev.mentorship.runtime.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.List;

/**
 * Small structured values kept as JSON in text columns (Hibernate Reactive maps jsonb to JSON objects only, not
 * arrays), written and read with a mapper of their own, independent of the REST one: times as ISO-8601, nulls left
 * out. Each service's {@code persistence/JsonColumns} holds the converters of its own types on top of this.
 */
public final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private JsonText() {
    }

    /** A list of texts (keywords, topics, roles' names) as a JSON array; null reads and writes as empty. */
    @Converter
    public static class StringList implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> values) {
            return write(values == null ? List.of() : values);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return new ArrayList<>(read(column, "[]", new TypeReference<List<String>>() { }));
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not writable as JSON: " + value, e);
        }
    }

    /** The column's value read as {@code type}; a null column reads as {@code empty} (e.g. "[]", "{}", "null"). */
    public static <T> T read(String column, String empty, TypeReference<T> type) {
        try {
            return JSON.readValue(column == null ? empty : column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in the database: " + column, e);
        }
    }
}
