package dev.mentorship.runtime.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The first answer to a creating request sent with an {@code Idempotency-Key}: who sent it (null: anonymous), the key,
 * the request ({@code POST /programs}), the SHA-256 of its canonical body, and the answer (status, Location, ETag,
 * body).
 * Written in the creation's transaction by {@link Idempotency}, so that there is never one without the other; kept for
 * {@code mentorship.idempotency.retention}. Its answers may name other people (a matching run lists mentees): an
 * erasure forgets every row that names the person ({@link #forget}).
 */
@Entity
@Table(name = "idempotent_request")
public class IdempotentRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID caller;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    /** The method and path, {@code POST /programs}: a key is one caller's, for one operation. */
    @Column(nullable = false)
    public String request;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public int status;

    public String location;

    /** The answer's ETag, where it had one (the version of what it created, for a following If-Match). */
    public String etag;

    @Column(name = "content_type")
    public String contentType;

    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Uni<IdempotentRequest> of(UUID caller, String key, String request) {
        return caller == null
                ? find("caller is null and idempotencyKey = ?1 and request = ?2", key, request).firstResult()
                : find("caller = ?1 and idempotencyKey = ?2 and request = ?3", caller, key, request).firstResult();
    }

    /** Deletes this caller's row for the key and request if it is older than {@code cutoff}: the key is free again. */
    static Uni<Long> expire(UUID caller, String key, String request, Instant cutoff) {
        return caller == null
                ? delete("caller is null and idempotencyKey = ?1 and request = ?2 and createdAt < ?3", key, request, cutoff)
                : delete("caller = ?1 and idempotencyKey = ?2 and request = ?3 and createdAt < ?4", caller, key, request, cutoff);
    }

    /**
     * A person erased their data: the answers they were sent, and every stored answer that names them (by their id),
     * go. Call it in the erasure's transaction.
     */
    public static Uni<Long> forget(UUID personId) {
        return delete("caller = ?1 or body like ?2", personId, "%" + personId + "%");
    }
}
