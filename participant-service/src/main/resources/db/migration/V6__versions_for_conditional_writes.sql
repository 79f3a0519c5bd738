-- Conditional writes (ETag / If-Match): every resource a person or an organizer replaces carries a version
ALTER TABLE self_identification ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE track_policy ADD COLUMN version bigint NOT NULL DEFAULT 0;
