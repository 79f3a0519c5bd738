package dev.mentorship.runtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}. {@code type} names the kind of problem
 * ({@link ProblemType}, documented in docs/problems.md); {@code errors} lists each invalid field of a request, so that a
 * form can show every mistake at once.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: where it is ({@code body.email}, {@code query.size}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail, URI instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of());
    }

    /** A problem of a kind answered with another status than its usual one (e.g. 406 as an unsupported request). */
    public static Problem of(ProblemType type, int status, String title, String detail, URI instance) {
        return new Problem(type.uri(), title, status, detail, instance, List.of());
    }
}
