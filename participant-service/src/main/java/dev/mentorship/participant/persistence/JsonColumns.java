package dev.mentorship.participant.persistence;

import dev.mentorship.runtime.persistence.JsonText;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.mentorship.participant.profile.WeeklyInterval;
import dev.mentorship.participant.registration.Answers;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.List;

/**
 * Small structured values kept as JSON in text columns (Hibernate Reactive maps jsonb to JSON objects only,
 * not arrays): the converters of this service's own types, on service-runtime's {@link JsonText}.
 */
public final class JsonColumns {

    private JsonColumns() {
    }

    @Converter
    public static class WeeklyAvailability implements AttributeConverter<List<WeeklyInterval>, String> {
        @Override
        public String convertToDatabaseColumn(List<WeeklyInterval> values) {
            return JsonText.write(values == null ? List.of() : values);
        }

        @Override
        public List<WeeklyInterval> convertToEntityAttribute(String column) {
            return new ArrayList<>(JsonText.read(column, "[]", new TypeReference<List<WeeklyInterval>>() { }));
        }
    }

    @Converter
    public static class AnswerColumn implements AttributeConverter<Answers, String> {
        @Override
        public String convertToDatabaseColumn(Answers answers) {
            return JsonText.write(answers == null ? Answers.NONE : answers);
        }

        @Override
        public Answers convertToEntityAttribute(String column) {
            return JsonText.read(column, "{}", new TypeReference<Answers>() { });
        }
    }
}
