-- A person's profile: one per Keycloak subject, shared by all their registrations. Lists are JSON in text columns.
CREATE TABLE participant (
    id             uuid         PRIMARY KEY,
    name           varchar(200) NOT NULL,
    email          varchar(320) NOT NULL,
    affiliation    varchar(200) NOT NULL,
    career_stage   varchar(32)  NOT NULL,
    time_zone      varchar(64)  NOT NULL,
    interests      text         NOT NULL DEFAULT '[]',
    interests_text varchar(2000),
    availability   text         NOT NULL DEFAULT '[]',
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL DEFAULT 0
);

-- Optional, sensitive self-identification: kept apart, read by organizers only, never in an event.
CREATE TABLE self_identification (
    participant_id   uuid          PRIMARY KEY REFERENCES participant (id) ON DELETE CASCADE,
    underrepresented boolean       NOT NULL,
    description      varchar(1000),
    recorded_at      timestamptz   NOT NULL
);

-- What a registration answered for its track and role, and how it stands.
ALTER TABLE registration
    ADD COLUMN answers                    text        NOT NULL DEFAULT '{}',
    ADD COLUMN capacity                   integer,
    ADD COLUMN late                       boolean     NOT NULL DEFAULT false,
    ADD COLUMN priority                   boolean     NOT NULL DEFAULT false,
    ADD COLUMN code_of_conduct_version    varchar(64) NOT NULL DEFAULT '',
    ADD COLUMN code_of_conduct_accepted_at timestamptz,
    ADD COLUMN updated_at                 timestamptz,
    ADD COLUMN withdrawn_at               timestamptz,
    ADD COLUMN withdrawal_reason          varchar(1000);
ALTER TABLE registration ADD COLUMN track_kind varchar(16) CHECK (track_kind IN ('AUTHOR', 'REVIEWER', 'CAREER'));
UPDATE registration r SET updated_at = r.registered_at, code_of_conduct_accepted_at = r.registered_at,
    track_kind = (SELECT t.kind FROM track_offer t WHERE t.track_id = r.track_id);
ALTER TABLE registration
    ALTER COLUMN track_kind SET NOT NULL,
    ALTER COLUMN updated_at SET NOT NULL,
    ALTER COLUMN code_of_conduct_accepted_at SET NOT NULL;

-- A track's registration policy, set by organizers.
CREATE TABLE track_policy (
    track_id                  uuid        PRIMARY KEY,
    program_id                uuid        NOT NULL,
    prioritise_self_identified boolean    NOT NULL,
    updated_at                timestamptz NOT NULL,
    updated_by                uuid        NOT NULL
);

-- The one-on-one week of a career track, to check the availability mentees give for it.
ALTER TABLE track_offer
    ADD COLUMN one_on_one_starts_at timestamptz,
    ADD COLUMN one_on_one_ends_at   timestamptz;

-- Confidential reports of code-of-conduct violations; organizers alone read them.
CREATE TABLE conduct_report (
    id             uuid          PRIMARY KEY,
    program_id     uuid,
    reporter_id    uuid,
    reporter_name  varchar(200),
    reporter_email varchar(320),
    about          varchar(500)  NOT NULL,
    description    varchar(10000) NOT NULL,
    occurred_on    date          NOT NULL,
    location       varchar(500),
    filed_at       timestamptz   NOT NULL
);

CREATE INDEX conduct_report_by_date ON conduct_report (filed_at DESC);
CREATE INDEX conduct_report_by_reporter ON conduct_report (reporter_id);

-- Transactional outbox: events are written in the transaction of the change that causes them; the relay
-- publishes them to Kafka in order and marks them published; published ones are deleted after a while.
CREATE TABLE outbox_event (
    seq          bigserial    PRIMARY KEY,
    id           uuid         NOT NULL UNIQUE,
    topic        varchar(200) NOT NULL,
    event_key    varchar(200) NOT NULL,
    type         varchar(100) NOT NULL,
    subject      varchar(200),
    data_schema  varchar(500) NOT NULL,
    payload      text         NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    published_at timestamptz,
    -- deleted as soon as it is published: an erasure must not leave the erased id behind
    ephemeral    boolean      NOT NULL DEFAULT false
);

CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_by_key ON outbox_event (event_key);
