-- Issue 20, the program report: a program's meetings and its pairings told inactive are counted per track through
-- these indexes, never by reading the whole tables (which hold every program's). The meetings' index covers what the
-- count reads (status, start, duration), so it is answered from the index alone.
CREATE INDEX meeting_by_program ON meeting (program_id, track_id, status) INCLUDE (starts_at, duration_minutes);
CREATE INDEX pairing_told_inactive ON pairing (program_id, track_id) WHERE inactive_notified_at IS NOT NULL;
-- The report's survey figures count who could answer (a track's active registrations in the survey's roles): through
-- this index, not by reading every program's registrations.
CREATE INDEX person_registration_by_track ON person_registration (track_id, role, participant_id) WHERE status = 'ACTIVE';
