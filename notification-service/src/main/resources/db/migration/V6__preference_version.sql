-- Conditional writes (ETag / If-Match) of a person's email choices; an unsubscribe link bumps it too
ALTER TABLE preference ADD COLUMN version bigint NOT NULL DEFAULT 0;
