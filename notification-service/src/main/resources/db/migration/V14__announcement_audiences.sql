-- Issue 20, review: an announcement's MATCHED audience is everyone paired and not dissolved, so that the members of a
-- pairing that ended with its track's part of the season (PairingEnded) can still be written to (e.g. the feedback
-- form). The partial indexes of V11 covered only pairings on; these cover both states the audience reads (a pairing
-- on, as WAITLISTED reads it, is one of them).
DROP INDEX member_pairing_mentor;
DROP INDEX member_pairing_mentee;
CREATE INDEX member_pairing_mentor ON member_pairing (track_id, mentor_id) WHERE status IN ('ACTIVE', 'ENDED');
CREATE INDEX member_pairing_mentee ON member_pairing (track_id, mentee_id) WHERE status IN ('ACTIVE', 'ENDED');

-- Statuses (late, matched, waitlisted) are learnt from events read since V11. Where this service had read events
-- before (an upgrade mid-season), whoever was registered late, paired or waitlisted before then is unknown to it: the
-- preview says so (README, "Upgrading"). One row, written once, here.
CREATE TABLE status_knowledge (
    since         timestamptz NOT NULL,
    events_before boolean     NOT NULL
);
INSERT INTO status_knowledge (since, events_before)
SELECT coalesce((SELECT installed_on::timestamptz FROM flyway_schema_history WHERE version = '11'), now()),
       exists (SELECT 1 FROM processed_event p
               WHERE p.processed_at < coalesce((SELECT installed_on::timestamptz FROM flyway_schema_history WHERE version = '11'), now()));
