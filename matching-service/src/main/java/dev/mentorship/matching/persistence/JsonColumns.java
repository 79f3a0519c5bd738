package dev.mentorship.matching.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.matching.scoring.Explanation;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.List;

/**
 * Small structured values kept as JSON in text columns (Hibernate Reactive maps jsonb to JSON objects only,
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
            return new ArrayList<>(read(column, "[]", new TypeReference<List<String>>() { }));
        }
    }

    /** A UTC interval in epoch seconds; a record, so that Hibernate's dirty checking compares values, not arrays. */
    public record Interval(long start, long end) {
    }

    /** UTC intervals as [[startEpochSecond, endEpochSecond], ...]. */
    @Converter
    public static class Intervals implements AttributeConverter<List<Interval>, String> {
        @Override
        public String convertToDatabaseColumn(List<Interval> values) {
            return write(values == null ? List.of() : values.stream().map(i -> new long[]{i.start(), i.end()}).toList());
        }

        @Override
        public List<Interval> convertToEntityAttribute(String column) {
            return new ArrayList<>(read(column, "[]", new TypeReference<List<long[]>>() { }).stream()
                    .map(a -> new Interval(a[0], a[1])).toList());
        }
    }

    @Converter
    public static class IntList implements AttributeConverter<List<Integer>, String> {
        @Override
        public String convertToDatabaseColumn(List<Integer> values) {
            return write(values == null ? List.of() : values);
        }

        @Override
        public List<Integer> convertToEntityAttribute(String column) {
            return new ArrayList<>(read(column, "[]", new TypeReference<List<Integer>>() { }));
        }
    }

    @Converter
    public static class ExplanationColumn implements AttributeConverter<Explanation, String> {
        @Override
        public String convertToDatabaseColumn(Explanation value) {
            return write(value);
        }

        @Override
        public Explanation convertToEntityAttribute(String column) {
            return read(column, "null", new TypeReference<Explanation>() { });
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static <T> T read(String column, String empty, TypeReference<T> type) {
        try {
            return JSON.readValue(column == null ? empty : column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in the database: " + column, e);
        }
    }
}
