package dev.mentorship.matching.persistence;

import dev.mentorship.runtime.persistence.JsonText;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.mentorship.matching.scoring.Explanation;
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

    /** A UTC interval in epoch seconds; a record, so that Hibernate's dirty checking compares values, not arrays. */
    public record Interval(long start, long end) {
    }

    /** UTC intervals as [[startEpochSecond, endEpochSecond], ...]. */
    @Converter
    public static class Intervals implements AttributeConverter<List<Interval>, String> {
        @Override
        public String convertToDatabaseColumn(List<Interval> values) {
            return JsonText.write(values == null ? List.of() : values.stream().map(i -> new long[]{i.start(), i.end()}).toList());
        }

        @Override
        public List<Interval> convertToEntityAttribute(String column) {
            return new ArrayList<>(JsonText.read(column, "[]", new TypeReference<List<long[]>>() { }).stream()
                    .map(a -> new Interval(a[0], a[1])).toList());
        }
    }

    @Converter
    public static class IntList implements AttributeConverter<List<Integer>, String> {
        @Override
        public String convertToDatabaseColumn(List<Integer> values) {
            return JsonText.write(values == null ? List.of() : values);
        }

        @Override
        public List<Integer> convertToEntityAttribute(String column) {
            return new ArrayList<>(JsonText.read(column, "[]", new TypeReference<List<Integer>>() { }));
        }
    }

    /**
     * A mentor left below the load aimed for: their registration, the mentees they got and the aim, how many of the
     * run's mentees could be paired with them, and why they got no more ({@code ONLY_COMPATIBLE}: no more may be
     * paired with them; {@code SERVED_ELSEWHERE}: their other compatible mentees were needed elsewhere, to match
     * everyone or to keep other mentors at the aim).
     */
    public record BelowAim(java.util.UUID mentorRegistrationId, int mentees, int aim, int compatible, String reason) {
    }

    @Converter
    public static class BelowAimList implements AttributeConverter<List<BelowAim>, String> {
        @Override
        public String convertToDatabaseColumn(List<BelowAim> values) {
            return JsonText.write(values == null ? List.of() : values);
        }

        @Override
        public List<BelowAim> convertToEntityAttribute(String column) {
            return new ArrayList<>(JsonText.read(column, "[]", new TypeReference<List<BelowAim>>() { }));
        }
    }

    @Converter
    public static class ExplanationColumn implements AttributeConverter<Explanation, String> {
        @Override
        public String convertToDatabaseColumn(Explanation value) {
            return JsonText.write(value);
        }

        @Override
        public Explanation convertToEntityAttribute(String column) {
            return JsonText.read(column, "null", new TypeReference<Explanation>() { });
        }
    }
}
