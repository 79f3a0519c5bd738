package dev.mentorship.schedule.persistence;

import dev.mentorship.runtime.persistence.JsonText;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.mentorship.schedule.program.Role;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Small collections kept as a JSON array in a text column (Hibernate Reactive maps jsonb to JSON objects only,
 * not arrays): the converters of this service's own types, on service-runtime's {@link JsonText}.
 */
public final class JsonColumns {

    private JsonColumns() {
    }

    @Converter
    public static class RoleSet implements AttributeConverter<Set<Role>, String> {
        @Override
        public String convertToDatabaseColumn(Set<Role> roles) {
            return JsonText.write(roles == null ? Set.of() : new TreeSet<>(roles));
        }

        @Override
        public Set<Role> convertToEntityAttribute(String column) {
            return new TreeSet<>(JsonText.read(column, "[]", new TypeReference<Set<Role>>() { }));
        }
    }
}
