ALTER TABLE program
    ADD COLUMN description             text,
    ADD COLUMN time_zone               varchar(64)  NOT NULL DEFAULT 'AoE',
    ADD COLUMN code_of_conduct_title   varchar(200) NOT NULL DEFAULT 'Code of Conduct',
    ADD COLUMN code_of_conduct_version varchar(64)  NOT NULL DEFAULT '1',
    ADD COLUMN code_of_conduct_url     varchar(500),
    ADD COLUMN conduct_contact         varchar(320),
    ADD COLUMN created_by              uuid;

-- A program's tracks: AUTHOR, REVIEWER or CAREER mentorship, each with its own registration window.
CREATE TABLE track (
    id                     uuid         PRIMARY KEY,
    program_id             uuid         NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    key                    varchar(64)  NOT NULL,
    kind                   varchar(16)  NOT NULL CHECK (kind IN ('AUTHOR', 'REVIEWER', 'CAREER')),
    name                   varchar(200) NOT NULL,
    description            text,
    rolling                boolean      NOT NULL,
    registration_closes_on date,
    topics                 text         NOT NULL DEFAULT '[]',
    mentees_per_mentor_min integer,
    mentees_per_mentor_max integer,
    position               integer      NOT NULL,
    CONSTRAINT track_key_unique UNIQUE (program_id, key)
);

-- Deadlines (points) and periods (windows) of a track, each a date in a time zone (AoE by default).
-- due_at: the instant of a point, or the start of a window; ends_at: the end of a window.
CREATE TABLE milestone (
    id          uuid         PRIMARY KEY,
    program_id  uuid         NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    track_id    uuid         NOT NULL REFERENCES track (id) ON DELETE CASCADE,
    key         varchar(64)  NOT NULL,
    name        varchar(200) NOT NULL,
    type        varchar(32)  NOT NULL,
    on_date     date         NOT NULL,
    end_date    date,
    at_time     time,
    time_zone   varchar(64)  NOT NULL,
    due_at      timestamptz  NOT NULL,
    ends_at     timestamptz,
    audience    text         NOT NULL,
    reminders   text         NOT NULL DEFAULT '[]',
    description text,
    position    integer      NOT NULL,
    version     bigint       NOT NULL DEFAULT 0,
    CONSTRAINT milestone_key_unique UNIQUE (track_id, key),
    CONSTRAINT milestone_name_unique UNIQUE (track_id, name),
    CONSTRAINT milestone_window_in_order CHECK (end_date IS NULL OR end_date >= on_date)
);

CREATE INDEX milestone_by_program ON milestone (program_id, track_id, position);

-- Every move of a milestone, with its reason: "extended from August 30 to September 1".
CREATE TABLE milestone_change (
    id           uuid         PRIMARY KEY,
    milestone_id uuid         NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    changed_at   timestamptz  NOT NULL,
    changed_by   uuid,
    old_date     date         NOT NULL,
    old_end_date date,
    old_time     time,
    old_due_at   timestamptz  NOT NULL,
    new_date     date         NOT NULL,
    new_end_date date,
    new_time     time,
    new_due_at   timestamptz  NOT NULL,
    reason       text         NOT NULL
);

CREATE INDEX milestone_change_by_milestone ON milestone_change (milestone_id, changed_at);

-- One reminder per milestone and lead time of a published program. Claimed with FOR UPDATE SKIP LOCKED so that
-- each fires once however many replicas run; never fires once its deadline has passed.
CREATE TABLE reminder (
    id           uuid        PRIMARY KEY,
    milestone_id uuid        NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    lead         varchar(32) NOT NULL,
    fire_at      timestamptz NOT NULL,
    due_at       timestamptz NOT NULL,
    status       varchar(16) NOT NULL CHECK (status IN ('PENDING', 'SENT', 'CANCELLED', 'SKIPPED', 'EXPIRED')),
    settled_at   timestamptz
);

CREATE INDEX reminder_pending ON reminder (fire_at) WHERE status = 'PENDING';
CREATE INDEX reminder_by_milestone ON reminder (milestone_id);

-- Transactional outbox: events are written in the transaction of the change that causes them; the relay
-- publishes them to Kafka in order and marks them published.
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
    published_at timestamptz
);

CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
