-- Conditional writes (ETag / If-Match) of a track's matching policy
ALTER TABLE track_policy ADD COLUMN version bigint NOT NULL DEFAULT 0;
