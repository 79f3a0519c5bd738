package dev.mentorship.runtime.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Creating POSTs sent with an {@code Idempotency-Key} create once: the first request with a key runs and its answer is
 * stored with the key, in the same transaction as the creation (the resource's {@code Audit.command} and the service
 * method join it), so that a crash leaves both or neither. The same caller sending the same key to the same operation
 * again gets that answer again, with {@code Idempotent-Replayed: true}, and nothing runs; with another body, 422
 * ({@link ProblemType#IDEMPOTENCY_KEY_REUSED}). Two first requests with one key at the same moment run one after the
 * other (a transaction-scoped advisory lock on the key, taken first): the second waits and is answered the first's
 * answer. Only successful answers are kept: a request that failed may be sent again with the same key. Without the
 * header a request runs as it always did. Keys are kept {@code mentorship.idempotency.retention} (24 h).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 200;

    /** For the operations' OpenAPI declarations. */
    public static final String HEADER_DESCRIPTION = "Makes the creation safe to retry: 1 to 200 printable ASCII characters, "
            + "a new one (e.g. a UUID) per thing to create. The same key with the same body within 24 hours answers the first "
            + "response again (Idempotent-Replayed: true) and creates nothing; with another body, 422.";
    public static final String REPLAYED_DESCRIPTION = "true when this is the stored answer to an earlier request with the "
            + "same Idempotency-Key and body (nothing was created this time)";
    public static final String REUSED_DESCRIPTION = "The Idempotency-Key was used for this operation with another body";

    private static final Logger LOG = Logger.getLogger(Idempotency.class);
    /** The advisory locks' namespace ("IDMP"), the first key of the two-key form, apart from every other lock. */
    private static final int LOCK_NAMESPACE = 0x49444d50;
    private static final String FIELD = "header." + HEADER;

    private final ObjectMapper json;
    private final ObjectMapper canonical;
    private final SecurityIdentity identity;
    private final UriInfo uri;
    private final Request request;
    private final HttpHeaders headers;
    private final Clock clock;
    private final IdempotencyConfig config;

    public Idempotency(ObjectMapper json, SecurityIdentity identity, UriInfo uri, Request request, HttpHeaders headers,
                       Clock clock, IdempotencyConfig config) {
        this.json = json;
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(SerializationFeature.INDENT_OUTPUT, false);
        this.identity = identity;
        this.uri = uri;
        this.request = request;
        this.headers = headers;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Runs {@code create} once per key: {@code key} is the request's {@code Idempotency-Key} (null: none, it simply
     * runs), {@code input} the request body as the resource read it (null for none), hashed as canonical JSON so that
     * the order of fields and the spacing do not matter. {@code create} builds the whole answer; it may open
     * transactions of its own, which join this one. Check who may call first: a replay answers without running it.
     */
    public Uni<Response> once(String key, Object input, Supplier<Uni<Response>> create) {
        if (key == null && sentEmpty()) {
            // an empty header reads as none: it is not a key either
            key = "";
        }
        if (key == null) {
            return create.get();
        }
        Call call;
        try {
            call = new Call(caller(), valid(key), request.getMethod() + " " + uri.getPath(), hash(input));
        } catch (RuntimeException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return Panache.withTransaction(() -> lock(call)
                .chain(() -> IdempotentRequest.expire(call.caller, call.key, call.request, clock.instant().minus(config.retention())))
                .chain(() -> IdempotentRequest.of(call.caller, call.key, call.request))
                .chain(stored -> stored != null ? Uni.createFrom().item(() -> replay(stored, call))
                        : create.get().call(response -> store(call, response))));
    }

    /** Deletes the keys older than the retention, hourly, on every replica (deleting twice is harmless). */
    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1m")
    Uni<Void> housekeeping() {
        return purgeExpired()
                .onFailure().invoke(e -> LOG.warnf("Idempotency housekeeping will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes the keys older than the retention; returns how many. */
    public Uni<Long> purgeExpired() {
        return Panache.withTransaction(() -> IdempotentRequest.delete("createdAt < ?1", clock.instant().minus(config.retention())));
    }

    private record Call(UUID caller, String key, String request, String hash) {
    }

    /** Serializes the requests of one caller, key and operation, until this transaction ends. */
    private static Uni<Void> lock(Call call) {
        int key = (call.caller + "\n" + call.key + "\n" + call.request).hashCode();
        return Panache.getSession().chain(session -> session
                        .createSelectionQuery("select function('pg_advisory_xact_lock', :ns, :key)", Object.class)
                        .setParameter("ns", LOCK_NAMESPACE)
                        .setParameter("key", key)
                        .getSingleResult())
                .replaceWithVoid();
    }

    private Response replay(IdempotentRequest stored, Call call) {
        if (!stored.requestHash.equals(call.hash)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key \"" + call.key
                    + "\" was used for " + call.request + " with another body at " + stored.createdAt
                    + ". Nothing of this request was stored: send it with a new key, or the first request unchanged.");
        }
        Response.ResponseBuilder answer = Response.status(stored.status).header(REPLAYED, "true");
        if (stored.location != null) {
            answer.location(URI.create(stored.location));
        }
        if (stored.etag != null) {
            answer.header(HttpHeaders.ETAG, stored.etag);
        }
        if (stored.body != null) {
            answer.entity(stored.body.getBytes(StandardCharsets.UTF_8)).type(stored.contentType);
        }
        return answer.build();
    }

    private Uni<Void> store(Call call, Response response) {
        if (response.getStatus() < 200 || response.getStatus() >= 300) {
            return Uni.createFrom().voidItem();
        }
        IdempotentRequest row = new IdempotentRequest();
        row.id = UUID.randomUUID();
        row.caller = call.caller;
        row.idempotencyKey = call.key;
        row.request = call.request;
        row.requestHash = call.hash;
        row.status = response.getStatus();
        row.location = response.getLocation() == null ? null : response.getLocation().toString();
        row.etag = response.getHeaderString(HttpHeaders.ETAG);
        if (response.hasEntity()) {
            row.body = response.getEntity() instanceof String text ? text : write(json, response.getEntity());
            row.contentType = response.getMediaType() == null ? MediaType.APPLICATION_JSON : response.getMediaType().toString();
        }
        row.createdAt = clock.instant();
        return row.persist().replaceWithVoid();
    }

    private boolean sentEmpty() {
        List<String> sent = headers == null ? null : headers.getRequestHeader(HEADER);
        return sent != null && !sent.isEmpty();
    }

    private UUID caller() {
        return identity == null || identity.isAnonymous() ? null : UUID.fromString(identity.getPrincipal().getName());
    }

    /** 1 to 200 printable ASCII characters (space to tilde), else 400 naming the header. */
    static String valid(String key) {
        boolean printable = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (!printable) {
            throw new InvalidRequestException(List.of(new Problem.FieldError(FIELD,
                    "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters")));
        }
        return key;
    }

    /** SHA-256 of the input as canonical JSON: every object's fields in the order of their names, no spacing. */
    String hash(Object input) {
        try {
            Object tree = canonical.readValue(canonical.writeValueAsBytes(input), Object.class);
            byte[] bytes = canonical.writeValueAsBytes(tree);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.io.IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("The request body cannot be hashed", e);
        }
    }

    private static String write(ObjectMapper json, Object entity) {
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The answer cannot be stored as JSON", e);
        }
    }
}
