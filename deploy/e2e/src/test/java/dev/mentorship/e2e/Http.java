package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON over HTTP, as the frontend calls the services. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String contentType, String body, String etag) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    private Http() {
    }

    static Response get(String url, String token) {
        return send(request(url, token).GET());
    }

    static Response post(String url, String token, Object body) {
        return send(request(url, token).POST(publisher(body)).header("Content-Type", "application/json"));
    }

    /** A PUT as a client makes it: with the ETag of its last read as If-Match where the resource exists. */
    static Response put(String url, String token, Object body) {
        return send(conditional(request(url, token).PUT(publisher(body)).header("Content-Type", "application/json"), url, token));
    }

    static Response patch(String url, String token, Object body) {
        return send(conditional(request(url, token).method("PATCH", publisher(body)).header("Content-Type", "application/json"), url, token));
    }

    /**
     * Reads the resource's ETag (a staff member's is the staff list's) and sends it as If-Match; nothing where there
     * is nothing to read yet (a first PUT creates).
     */
    private static HttpRequest.Builder conditional(HttpRequest.Builder builder, String url, String token) {
        String path = URI.create(url).getPath();
        String readable = path.matches(".*/staff/[^/]+") ? url.substring(0, url.lastIndexOf('/')) : url;
        Response read = get(readable, token);
        return read.status() == 200 && read.etag() != null ? builder.header("If-Match", read.etag()) : builder;
    }

    static Response delete(String url, String token) {
        return send(request(url, token).DELETE());
    }

    /** Any method, any headers, any bytes: for requests no well-behaved client would send. */
    static Response raw(String method, String url, Map<String, String> headers, byte[] body) {
        return rawFull(method, url, headers, body).response();
    }

    static Response form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An answer with every header it came with (Retry-After, Location, ...). */
    record Full(Response response, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** {@link #raw}, answered with all its headers. */
    static Full rawFull(String method, String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return sendFull(builder);
    }

    private static Response send(HttpRequest.Builder builder) {
        return sendFull(builder).response();
    }

    private static Full sendFull(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Full(new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().firstValue("ETag").orElse(null)), response.headers());
        } catch (IOException e) {
            throw new AssertionError("HTTP failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
