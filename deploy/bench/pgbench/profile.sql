-- pgbench: GET /me as participant-service performs it (ProfileService.get → Participant.findById, no transaction).
-- Variables (pgbench -D): participants (synthetic rows made by schema-copy.sql).
\set p random(1, :participants)
SELECT id, affiliation, availability, career_stage, created_at, email, interests, interests_text, name, time_zone,
       updated_at, version
  FROM participant WHERE id = md5('loadbench-participant-' || :p)::uuid;
