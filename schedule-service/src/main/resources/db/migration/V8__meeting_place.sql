-- Where a pairing meets unless a meeting says otherwise (either member sets it): a location, a video link, or both
CREATE TABLE pairing_place (
    pairing_id  uuid         PRIMARY KEY REFERENCES pairing (pairing_id) ON DELETE CASCADE,
    location    varchar(200),
    video_url   varchar(500),
    version     bigint       NOT NULL DEFAULT 0,
    updated_at  timestamptz  NOT NULL,
    updated_by  uuid
);

-- A meeting's own place, where it differs from its pairing's (both null: the pairing's)
ALTER TABLE meeting
    ADD COLUMN location  varchar(200),
    ADD COLUMN video_url varchar(500);
