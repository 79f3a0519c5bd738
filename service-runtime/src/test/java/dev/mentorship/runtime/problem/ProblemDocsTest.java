package dev.mentorship.runtime.problem;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of problem a service can answer with resolves to its section of docs/problems.md. */
class ProblemDocsTest {

    @Test
    void everyProblemTypeHasItsSectionWithItsStatus() {
        ProblemDocsResource docs = new ProblemDocsResource();
        for (ProblemType type : ProblemType.values()) {
            assertThat(docs.section(type.slug()))
                    .as(type.slug())
                    .startsWith("## " + type.slug() + " " + type.title())
                    .contains("(" + type.status());
        }
    }

    @Test
    void thePageDocumentsNoKindTheCodeDoesNotHave() {
        assertThat(ProblemDocsResource.sections(readPage()).keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ProblemType.values()).map(ProblemType::slug).toList());
    }

    @Test
    void aTypeIsARelativeReferenceNamedByItsSlug() {
        assertThat(ProblemType.REGISTRATION_CLOSED.uri()).hasToString("/problems/registration-closed");
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(415)).isEqualTo(ProblemType.UNSUPPORTED_REQUEST);
        assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.SERVER_ERROR);
    }

    private static String readPage() {
        try (var in = ProblemDocsResource.class.getResourceAsStream("/META-INF/mentorship/problems.md")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
