-- Who last set a track's policy: null once that organizer erased their data (the audit log keeps their pseudonym)
ALTER TABLE track_policy ALTER COLUMN updated_by DROP NOT NULL;
