package dev.mentorship.runtime.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * A request body over {@code quarkus.http.limits.max-body-size} is refused before it is read, with a 413 that is
 * problem+json like every other error (Vert.x would answer it with an empty body). Requests without a
 * Content-Length (chunked) are still cut off at the limit by Vert.x itself.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long limit;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length)) {
                Problem problem = Problem.of(ProblemType.TOO_LARGE, "The request body is larger than "
                        + limit / 1024 + " KiB, the most this service accepts.", URI.create(context.request().path()));
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Json.encode(problem));
                return;
            }
            context.next();
        });
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
