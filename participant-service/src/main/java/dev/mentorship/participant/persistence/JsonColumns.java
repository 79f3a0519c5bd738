package dev.mentorship.participant.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mentorship.participant.profile.WeeklyInterval;
import dev.mentorship.participant.registration.Answers;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.List;

/**
 * Small structured values kept as JSON in text columns (Hibernate Reactive maps jsonb to JSON objects only,
 * not arrays). Each converter reads and writes with a private mapper, independent of the REST one.
 */
public final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

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

    @Converter
    public static class WeeklyAvailability implements AttributeConverter<List<WeeklyInterval>, String> {
        @Override
        public String convertToDatabaseColumn(List<WeeklyInterval> values) {
            return write(values == null ? List.of() : values);
        }

        @Override
        public List<WeeklyInterval> convertToEntityAttribute(String column) {
            return new ArrayList<>(read(column, "[]", new TypeReference<List<WeeklyInterval>>() { }));
        }
    }

    @Converter
    public static class AnswerColumn implements AttributeConverter<Answers, String> {
        @Override
        public String convertToDatabaseColumn(Answers answers) {
            return write(answers == null ? Answers.NONE : answers);
        }

        @Override
        public Answers convertToEntityAttribute(String column) {
            return read(column, "{}", new TypeReference<Answers>() { });
        }
    }


    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(String column, String empty, TypeReference<T> type) {
        try {
            return JSON.readValue(column == null ? empty : column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in the database: " + column, e);
        }
    }
}
