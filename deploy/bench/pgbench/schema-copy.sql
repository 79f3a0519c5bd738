-- psql: a copy of participant-service's tables in the schema "loadbench" (same columns, defaults, checks, indexes
-- and unique keys; LIKE ... INCLUDING ALL), filled with today's rows so that tables and indexes start as large as
-- the service's, plus synthetic participants and tracks with ids pgbench can compute (md5 of a number).
-- pgbench then writes there: the outbox relay never sees its events, and DROP SCHEMA removes everything.
-- Variables (psql -v): participants, tracks.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS loadbench CASCADE;
CREATE SCHEMA loadbench;
CREATE TABLE loadbench.track_offer  (LIKE public.track_offer  INCLUDING ALL);
CREATE TABLE loadbench.track_policy (LIKE public.track_policy INCLUDING ALL);
CREATE TABLE loadbench.participant  (LIKE public.participant  INCLUDING ALL);
CREATE TABLE loadbench.registration (LIKE public.registration INCLUDING ALL);
CREATE TABLE loadbench.outbox_event (LIKE public.outbox_event INCLUDING ALL);
-- LIKE copies the serial default, which still names public's sequence: give the copy its own
CREATE SEQUENCE loadbench.outbox_event_seq OWNED BY loadbench.outbox_event.seq;
ALTER TABLE loadbench.outbox_event ALTER COLUMN seq SET DEFAULT nextval('loadbench.outbox_event_seq');

INSERT INTO loadbench.track_offer  SELECT * FROM public.track_offer;
INSERT INTO loadbench.track_policy SELECT * FROM public.track_policy;
INSERT INTO loadbench.participant  SELECT * FROM public.participant;
INSERT INTO loadbench.registration SELECT * FROM public.registration;
INSERT INTO loadbench.outbox_event SELECT * FROM public.outbox_event;
SELECT setval('loadbench.outbox_event_seq', coalesce(max(seq), 0) + 1) FROM loadbench.outbox_event;

-- synthetic rows: copies of a benchmark user's profile and of an author track, under computable ids
INSERT INTO loadbench.participant
SELECT (jsonb_populate_record(NULL::loadbench.participant,
        to_jsonb(p) || jsonb_build_object('id', md5('loadbench-participant-' || g)::uuid))).*
  FROM generate_series(1, :participants) g,
       (SELECT * FROM public.participant ORDER BY (email LIKE 'loadbench-%') DESC, updated_at DESC LIMIT 1) p;
INSERT INTO loadbench.track_offer
SELECT (jsonb_populate_record(NULL::loadbench.track_offer,
        to_jsonb(t) || jsonb_build_object('track_id', md5('loadbench-track-' || g)::uuid))).*
  FROM generate_series(1, :tracks) g,
       (SELECT * FROM public.track_offer ORDER BY (kind = 'AUTHOR') DESC, updated_at DESC LIMIT 1) t;

ANALYZE loadbench.track_offer, loadbench.track_policy, loadbench.participant, loadbench.registration, loadbench.outbox_event;
SELECT (SELECT count(*) FROM loadbench.participant) AS participants, (SELECT count(*) FROM loadbench.track_offer) AS tracks;
