-- pgbench: one registration as participant-service performs it, in one transaction
-- (RegistrationService.register → registerOnce, a person who already has a profile and sends it unchanged).
-- Runs in the schema copy that schema-copy.sql makes (search_path=loadbench): the service's own tables,
-- indexes and constraints, without the outbox relay picking the events up.
-- Variables (pgbench -D): participants, tracks (synthetic rows made by schema-copy.sql), clients (pgbench -c);
-- payload, data_schema, mentor_answers, mentee_answers: the values the service binds (pgbench substitutes variables
-- even inside string literals, so JSON and URLs come in as variables, bound parameters as in the service).
-- A participant p is a mentor when p % 8 = 0, a mentee otherwise, as load.sh's API plan.
-- Each client has its own participants (p = client_id + 1 + k * clients), as in load.sh's API plan where the requests
-- in flight are all of different people: no two transactions wait for each other's person lock (unless there are
-- more clients than participants, as in the API run then).
\set c mod(:client_id, :participants)
\set p 1 + :c + :clients * random(0, greatest(0, (:participants - 1 - :c) / :clients))
\set t random(1, :tracks)
-- the fresh track id of the registration row: unique per transaction, so no insert ever hits the unique key
\set r random(1, 9000000000000000000)
BEGIN;
-- PersonLock.lock(person): a transaction-scoped advisory lock ("PART", the person id's hashCode)
SELECT count(*) FROM (SELECT pg_advisory_xact_lock(1346458196, :p)) l;
-- TrackOffer.findById(trackId)
SELECT track_id, application_deadline, closes_at, code_of_conduct_title, code_of_conduct_version, conference, kind,
       mentees_per_mentor_max, mentees_per_mentor_min, name, one_on_one_ends_at, one_on_one_starts_at, opens_at,
       program_id, program_name, rolling, topics, track_key, updated_at
  FROM track_offer WHERE track_id = md5('loadbench-track-' || :t)::uuid;
-- RegistrationRepository.findOne(participant, track, role): nothing yet (a first registration for the track)
SELECT id, answers, capacity, code_of_conduct_accepted_at, code_of_conduct_version, late, participant_id, priority,
       program_id, registered_at, role, status, track_id, track_kind, updated_at, version, withdrawal_reason, withdrawn_at
  FROM registration
 WHERE participant_id = md5('loadbench-participant-' || :p)::uuid AND track_id = md5('loadbench-new-' || :r)::uuid
   AND role = CASE WHEN :p::int % 8 = 0 THEN 'MENTOR' ELSE 'MENTEE' END
 FETCH FIRST 1 ROWS ONLY;
-- ProfileService.saveInTransaction: PersonLock.lock again (held already: granted at once), Participant.findById
-- (an unchanged profile is not written again)
SELECT count(*) FROM (SELECT pg_advisory_xact_lock(1346458196, :p)) l;
SELECT id, affiliation, availability, career_stage, created_at, email, interests, interests_text, name, time_zone,
       updated_at, version
  FROM participant WHERE id = md5('loadbench-participant-' || :p)::uuid;
-- WaitlistPriority.of: a mentee's priority depends on the track's policy (none here, as in the API run)
\if :p % 8 != 0
SELECT track_id, prioritise_self_identified, program_id, updated_at, updated_by
  FROM track_policy WHERE track_id = md5('loadbench-track-' || :t)::uuid;
\endif
-- Registration.persist
INSERT INTO registration (answers, capacity, code_of_conduct_accepted_at, code_of_conduct_version, late, participant_id,
                          priority, program_id, registered_at, role, status, track_id, track_kind, updated_at, version,
                          withdrawal_reason, withdrawn_at, id)
VALUES (CASE WHEN :p::int % 8 = 0 THEN :mentor_answers ELSE :mentee_answers END,
        CASE WHEN :p::int % 8 = 0 THEN 2 END, now(), '2025', false, md5('loadbench-participant-' || :p)::uuid,
        false, md5('loadbench-program')::uuid, now(), CASE WHEN :p::int % 8 = 0 THEN 'MENTOR' ELSE 'MENTEE' END, 'ACTIVE',
        md5('loadbench-new-' || :r)::uuid, 'AUTHOR', now(), 0, NULL, NULL, gen_random_uuid());
-- Outbox.append(ParticipantRegistered): an identity column, so Hibernate inserts at once and reads the key back
INSERT INTO outbox_event (data_schema, ephemeral, id, occurred_at, payload, published_at, subject, topic, type, event_key)
VALUES (:data_schema, false, gen_random_uuid(), now(), :payload, NULL,
        md5('loadbench-participant-' || :p)::uuid::text, 'mentorship.participants', 'ParticipantRegistered',
        md5('loadbench-participant-' || :p)::uuid::text)
RETURNING seq;
END;
