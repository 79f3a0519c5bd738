-- Issue 20, the program report. The track's key in the program data (ProgramPublished's tracks[].key, e.g. "author"),
-- by which a report lines up two editions of a conference; null for tracks published before this version (their
-- kind is used until they are published again).
ALTER TABLE track ADD COLUMN track_key varchar(64);

-- A report reads one program's rows through these, never a whole table: the program's tracks; its pairings per
-- track (grouped by mentee, the first pairing first, for the time to match; status and score for the counts and
-- bands, without visiting the rows); its registrations per track and role (the mentees' registration times, the
-- mentors' capacity).
CREATE INDEX track_by_program ON track (program_id);
CREATE INDEX pairing_report ON pairing (track_id, mentee_registration_id, created_at) INCLUDE (status, score, mentor_registration_id);
CREATE INDEX registration_report ON registration (track_id, role, registration_id) INCLUDE (registered_at, capacity);
