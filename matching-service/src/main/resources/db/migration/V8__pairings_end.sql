-- Issue 15: a track's pairings end when its part of the program ends (ProgramPublished's pairingsEnd); PairingEnded.
ALTER TABLE track ADD COLUMN pairings_end_milestone_id uuid;
ALTER TABLE track ADD COLUMN pairings_end_at timestamptz;
ALTER TABLE pairing DROP CONSTRAINT pairing_status_check;
ALTER TABLE pairing ADD CONSTRAINT pairing_status_check CHECK (status IN ('ACTIVE', 'DISSOLVED', 'ENDED'));
ALTER TABLE pairing ADD COLUMN ended_at timestamptz;
CREATE INDEX track_pairings_end ON track (pairings_end_at) WHERE pairings_end_at IS NOT NULL;
