-- Issue 20, the program report: a program's tracks, mails and people who turned mail off are counted through these
-- indexes, never by reading the whole tables (which hold every program's).
-- The track's key in the program data (ProgramPublished's tracks[].key, e.g. "author"): editions line up by it. Tracks
-- published before this version have none until their program is published again (the report then lines them up by kind).
ALTER TABLE track_info ADD COLUMN track_key varchar(64);
CREATE INDEX track_info_by_program ON track_info (program_id);
-- A program's mails by status and kind (category), counted from the index alone.
CREATE INDEX email_delivery_by_program_status ON email_delivery (program_id, status, kind);
-- A program's active members per track: the report reads them from the index alone.
CREATE INDEX membership_by_program_track ON membership (program_id, track_id, participant_id) WHERE status = 'ACTIVE';
-- The few people who turned an optional kind of mail off (most never do): the report joins them to the program's members.
CREATE INDEX preference_opted_out ON preference (participant_id)
    WHERE NOT (deadlines AND meetings AND inactivity AND program_news AND announcements);
