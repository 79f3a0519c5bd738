package dev.mentorship.runtime.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.runtime.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What makes a key valid, and which bodies count as the same request (the HTTP behaviour: each service's IdempotencyKeyTest). */
class IdempotencyKeysTest {

    private final Idempotency idempotency = new Idempotency(new ObjectMapper(), null, null, null, null, null, null);

    record Input(String name, int size, List<String> tags, Map<String, Object> answers) {
    }

    @Test
    void aKeyIsOneTo200PrintableAsciiCharacters() {
        assertThat(Idempotency.valid("a")).isEqualTo("a");
        assertThat(Idempotency.valid("3f1c2a9e-7d6b-4e1a-9c3b-2f8e5d4a1b0c")).isNotBlank();
        assertThat(Idempotency.valid("x".repeat(200))).hasSize(200);
        assertThat(Idempotency.valid("order 42 / retry ~1")).isNotBlank();
        for (String bad : List.of("", "x".repeat(201), "clé", "tab\there", "new\nline", "\u0000")) {
            assertThatThrownBy(() -> Idempotency.valid(bad)).as(bad).isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                            .extracting(f -> f.field()).containsExactly("header.Idempotency-Key"));
        }
    }

    @Test
    void theSameBodyHashesTheSameWhateverTheOrderOfItsFieldsAndAnotherBodyDoesNot() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("b", 2);
        answers.put("a", Map.of("y", 1, "x", List.of(1, 2)));
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("a", Map.of("x", List.of(1, 2), "y", 1));
        reordered.put("b", 2);
        String first = idempotency.hash(new Input("ML4H", 3, List.of("t1", "t2"), answers));
        assertThat(idempotency.hash(new Input("ML4H", 3, List.of("t1", "t2"), reordered))).isEqualTo(first).hasSize(64);
        // as a client's JSON, in any order of fields, the same
        Map<String, Object> asJson = new LinkedHashMap<>();
        asJson.put("tags", List.of("t1", "t2"));
        asJson.put("answers", reordered);
        asJson.put("size", 3);
        asJson.put("name", "ML4H");
        assertThat(idempotency.hash(asJson)).isEqualTo(first);
        // anything else differs: a value, the order of a list, a field more
        assertThat(idempotency.hash(new Input("ML4H", 4, List.of("t1", "t2"), answers))).isNotEqualTo(first);
        assertThat(idempotency.hash(new Input("ML4H", 3, List.of("t2", "t1"), answers))).isNotEqualTo(first);
        assertThat(idempotency.hash(new Input("ML4H", 3, List.of("t1", "t2"), Map.of()))).isNotEqualTo(first);
        // no body at all is a body too
        assertThat(idempotency.hash(null)).isEqualTo(idempotency.hash(null)).isNotEqualTo(first);
    }
}
