package dev.mentorship.runtime.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import dev.mentorship.runtime.persistence.DatabaseFailures;
import dev.mentorship.runtime.security.EmailNotVerifiedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error leaves the service as problem+json: validation (400 with each bad field), unreadable JSON (400),
 * authentication (401 with a Bearer challenge), authorisation (403, also for a token whose email is not verified),
 * HTTP errors thrown by resources, and anything unexpected (500, logged, with no internals in the response).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, detail, instance(uri), errors));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return respond(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, e.getMessage(), instance(uri),
                e.errors()));
    }

    // listed one by one: Quarkus maps the first two itself, and the most specific mapper wins
    @ServerExceptionMapper({JsonParseException.class, MismatchedInputException.class, JsonProcessingException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String detail = field.isEmpty()
                ? "The request body is not valid JSON: " + e.getOriginalMessage()
                : "The request body has a value of the wrong type at " + field + ": " + e.getOriginalMessage();
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, "has the wrong type or format"));
        return respond(new Problem(ProblemType.UNREADABLE_BODY.uri(), ProblemType.UNREADABLE_BODY.title(), 400, detail, instance(uri), errors));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mentorship\"")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ProblemType.UNAUTHORIZED,
                        "A valid bearer token from the mentorship realm is required.", instance(uri)))
                .build();
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        if (e instanceof dev.mentorship.runtime.limits.RateLimited limited) {
            return Response.status(429).header(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()))
                    .type(Problem.MEDIA_TYPE).entity(Problem.of(e.type(), e.getMessage(), instance(uri))).build();
        }
        return respond(Problem.of(e.type(), e.getMessage(), instance(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this request.", instance(uri)));
    }

    /** A valid token of someone whose email address is not verified (VerifiedEmailAugmentor): 403, saying why. */
    @ServerExceptionMapper
    public Response emailNotVerified(EmailNotVerifiedException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.FORBIDDEN, e.getMessage(), instance(uri)));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                ? status.getReasonPhrase() : e.getMessage();
        Response.ResponseBuilder builder = Response.fromResponse(e.getResponse()).entity(null);
        return builder.type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ProblemType.forStatus(status.getStatusCode()), status.getStatusCode(), status.getReasonPhrase(),
                        detail, instance(uri)))
                .build();
    }

    /**
     * Two requests changed the same row at once (optimistic locking) or raced to create the same thing (a unique
     * constraint): the loser is told to retry; nothing of it was stored.
     */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        if (headers.getHeaderString(dev.mentorship.runtime.http.Preconditions.IF_MATCH) != null) {
            // the request was conditional: another change with the same version committed first
            return respond(Problem.of(ProblemType.PRECONDITION_FAILED, dev.mentorship.runtime.http.Preconditions.stale().getMessage(),
                    instance(uri)));
        }
        return respond(Problem.of(ProblemType.CONCURRENT_CHANGE,
                "Someone changed this at the same moment; nothing of your request was stored. Read it again and retry.", instance(uri)));
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
            return respond(Problem.of(ProblemType.CONFLICT,
                    "This conflicts with something that exists already (it may have been created by a request sent at the same moment).",
                    instance(uri)));
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseFailures.unavailable(e)) {
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.getMessage());
            return Response.status(503).header(HttpHeaders.RETRY_AFTER, "5").type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(ProblemType.UNAVAILABLE,
                            "The database is unavailable for a moment. Retry in a few seconds.", instance(uri)))
                    .build();
        }
        if (DatabaseFailures.unstorableText(e)) {
            return respond(Problem.of(ProblemType.UNSTORABLE_TEXT,
                    "A text in the request contains a character that cannot be stored or searched for (such as U+0000, NUL).",
                    instance(uri)));
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(Problem.of(ProblemType.SERVER_ERROR,
                "Something went wrong on our side; it has been logged.", instance(uri)));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The request's path as the problem's instance; any path a client can send (quoted where it must be), or none. */
    private static URI instance(UriInfo uri) {
        try {
            return new URI(null, null, uri.getPath(), null);
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code size} for a query parameter, {@code email} or {@code tracks[0].kind} for a field of a request body
     * or of a bean of parameters: an object parameter's own name is left out, its fields stand alone.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new java.util.ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                case PARAMETER -> {
                    parameter = node.getName();
                    continue;
                }
                default -> { }
            }
            // the validator puts an element's index on the node after the collection: tracks[0].milestones
            if (node.isInIterable() && !parts.isEmpty()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + at + "]");
            }
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                parts.add(node.getName());
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "" : parameter;
        }
        return String.join(".", parts);
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
