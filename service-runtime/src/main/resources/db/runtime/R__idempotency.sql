-- The runtime's idempotency keys, in every service's database (Flyway location db/runtime, after the service's own
-- versioned migrations). Repeatable: every statement must be safe to run again (IF NOT EXISTS).

-- The first answer to each creating POST sent with an Idempotency-Key, stored in the creation's own transaction
-- (runtime/idempotency/Idempotency): a retry with the same key and body is answered from here, another body is refused.
-- One row per caller (null: anonymous), key and request ("POST /programs"); kept mentorship.idempotency.retention (24 h).
CREATE TABLE IF NOT EXISTS idempotent_request (
    id              uuid PRIMARY KEY,
    caller          uuid,
    idempotency_key text        NOT NULL,
    request         text        NOT NULL,
    request_hash    text        NOT NULL,
    status          int         NOT NULL,
    location        text,
    etag            text,
    content_type    text,
    body            text,
    created_at      timestamptz NOT NULL,
    CONSTRAINT idempotent_request_once UNIQUE NULLS NOT DISTINCT (caller, idempotency_key, request)
);
CREATE INDEX IF NOT EXISTS idempotent_request_created ON idempotent_request (created_at);
