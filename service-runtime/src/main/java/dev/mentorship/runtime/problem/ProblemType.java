package dev.mentorship.runtime.problem;

import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;

/**
 * The kinds of problem a service answers with. Each has a stable {@code type} URI, {@code /problems/<slug>} by default
 * (a relative reference, resolved against the service that answered), which {@link ProblemDocsResource} serves as the
 * kind's section of docs/problems.md: a client tells kinds apart by the type, a person reads what to do about it there.
 * {@code mentorship.problems.base-url} points them elsewhere (e.g. to the published docs).
 */
public enum ProblemType {

    VALIDATION("validation", 400, "Invalid request"),
    UNREADABLE_BODY("unreadable-body", 400, "Unreadable request body"),
    UNSTORABLE_TEXT("unstorable-text", 400, "Text that cannot be stored"),
    BAD_REQUEST("bad-request", 400, "Bad Request"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not Found"),
    UNSUPPORTED_REQUEST("unsupported-request", 405, "Unsupported request"),
    CONFLICT("conflict", 409, "Conflict"),
    CONCURRENT_CHANGE("concurrent-change", 409, "Changed at the same moment"),
    REGISTRATION_CLOSED("registration-closed", 409, "Registration is not open"),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition Failed"),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition Required"),
    TOO_LARGE("too-large", 413, "Content Too Large"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused"),
    RATE_LIMITED("rate-limited", 429, "Too Many Requests"),
    SERVER_ERROR("server-error", 500, "Internal Server Error"),
    UNAVAILABLE("unavailable", 503, "Service Unavailable");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    /** The status this kind is usually answered with. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BaseUrl.VALUE + slug);
    }

    /** The kind a plain HTTP status stands for, where a resource or Quarkus itself answered with only a status. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404, 410 -> NOT_FOUND;
            case 405, 406, 415 -> UNSUPPORTED_REQUEST;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 428 -> PRECONDITION_REQUIRED;
            case 413, 414, 431 -> TOO_LARGE;
            case 429 -> RATE_LIMITED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? SERVER_ERROR : BAD_REQUEST;
        };
    }

    /** Read once, on first use: the type URIs are part of the API and do not change while a service runs. */
    private static final class BaseUrl {
        static final String VALUE = read();

        private static String read() {
            try {
                String base = ConfigProvider.getConfig().getOptionalValue("mentorship.problems.base-url", String.class)
                        .orElse("/problems/");
                return base.endsWith("/") ? base : base + "/";
            } catch (IllegalStateException noConfig) {
                return "/problems/";
            }
        }
    }
}
