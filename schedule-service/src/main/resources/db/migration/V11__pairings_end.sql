-- Issue 15: a track's pairings end when its part of the program ends (matching-service announces PairingEnded).
ALTER TABLE pairing DROP CONSTRAINT pairing_status_check;
ALTER TABLE pairing ADD CONSTRAINT pairing_status_check CHECK (status IN ('ACTIVE', 'DISSOLVED', 'ENDED'));
ALTER TABLE pairing ADD COLUMN ended_at timestamptz;
