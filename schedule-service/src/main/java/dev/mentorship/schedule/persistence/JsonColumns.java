package dev.mentorship.schedule.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.schedule.program.Role;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Small collections kept as a JSON array in a text column (Hibernate Reactive maps jsonb to JSON objects only,
 * not arrays). Each converter reads and writes with a private mapper, independent of the REST one.
 */
public final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonColumns() {
    }

    @Converter
    public static class StringList implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> values) {
            return write(values == null ? List.of() : values);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return new ArrayList<>(read(column, new TypeReference<List<String>>() { }));
        }
    }

    @Converter
    public static class RoleSet implements AttributeConverter<Set<Role>, String> {
        @Override
        public String convertToDatabaseColumn(Set<Role> roles) {
            return write(roles == null ? Set.of() : new TreeSet<>(roles));
        }

        @Override
        public Set<Role> convertToEntityAttribute(String column) {
            return new TreeSet<>(read(column, new TypeReference<Set<Role>>() { }));
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(String column, TypeReference<T> type) {
        try {
            return JSON.readValue(column == null ? "[]" : column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not a JSON array in the database: " + column, e);
        }
    }
}
