-- Conditional writes (ETag / If-Match) of a meeting: two members moving it at once cannot both win
ALTER TABLE meeting ADD COLUMN version bigint NOT NULL DEFAULT 0;
