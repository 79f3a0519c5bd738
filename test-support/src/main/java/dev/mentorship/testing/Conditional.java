package dev.mentorship.testing;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Conditional writes as a client makes them: read the ETag, send it back as If-Match. */
public final class Conditional {

    private Conditional() {
    }

    /** The ETag a GET of {@code path} answers (asserting there is one). */
    public static String etag(RequestSpecification request, String path) {
        Response read = request.get(path);
        assertThat(read.statusCode()).as(read.asString()).isEqualTo(200);
        String etag = read.header("ETag");
        assertThat(etag).as("ETag of " + path).isNotNull().matches("\"\\d+\"");
        return etag;
    }

    /**
     * A PUT or PATCH of {@code path} with the ETag a fresh GET answers (the request specifications come from
     * {@code as}, one per request, as REST Assured's are not reusable once sent).
     */
    public static Response write(Supplier<RequestSpecification> as, String method, String path, Object body) {
        return as.get().header("If-Match", etag(as.get(), path)).body(body).request(method, path);
    }
}
