-- Issue 15: what a message needs to say the right thing about a track: its milestones (the survey, the group
-- session, the periods), its registration window (open or closed, rolling) and when its pairings end.
ALTER TABLE track_info ADD COLUMN milestones text;
ALTER TABLE track_info ADD COLUMN application_deadline timestamptz;
ALTER TABLE track_info ADD COLUMN registration_closes_at timestamptz;
ALTER TABLE track_info ADD COLUMN rolling boolean;
ALTER TABLE track_info ADD COLUMN pairings_end_at timestamptz;
