-- People, as participant-service announced them: contact, time zone, weekly availability (local times).
CREATE TABLE person (
    participant_id uuid         PRIMARY KEY,
    name           varchar(200) NOT NULL,
    email          varchar(320) NOT NULL,
    time_zone      varchar(64)  NOT NULL,
    availability   text         NOT NULL DEFAULT '[]',
    updated_at     timestamptz  NOT NULL
);

-- Their registrations: which deadlines concern them (track and role), their one-on-one-week availability (UTC).
CREATE TABLE person_registration (
    registration_id   uuid        PRIMARY KEY,
    participant_id    uuid        NOT NULL,
    program_id        uuid        NOT NULL,
    track_id          uuid        NOT NULL,
    role              varchar(16) NOT NULL CHECK (role IN ('MENTOR', 'MENTEE')),
    status            varchar(16) NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    one_on_one_utc    text        NOT NULL DEFAULT '[]',
    updated_at        timestamptz NOT NULL
);

CREATE INDEX person_registration_by_participant ON person_registration (participant_id);

-- Pairings, as matching-service announced them.
CREATE TABLE pairing (
    pairing_id             uuid        PRIMARY KEY,
    program_id             uuid        NOT NULL,
    track_id               uuid        NOT NULL,
    track_kind             varchar(16) NOT NULL,
    mentor_id              uuid        NOT NULL,
    mentee_id              uuid        NOT NULL,
    status                 varchar(16) NOT NULL CHECK (status IN ('ACTIVE', 'DISSOLVED')),
    created_at             timestamptz NOT NULL,
    last_activity_at       timestamptz NOT NULL,
    inactive_notified_at   timestamptz,
    dissolved_at           timestamptz
);

CREATE INDEX pairing_by_member ON pairing (mentor_id, mentee_id);
CREATE INDEX pairing_active_by_activity ON pairing (last_activity_at) WHERE status = 'ACTIVE';

-- Meetings of a pairing: proposed from the track's rules, then confirmed, moved, cancelled or held by its members.
CREATE TABLE meeting (
    id               uuid         PRIMARY KEY,
    pairing_id       uuid         NOT NULL REFERENCES pairing (pairing_id) ON DELETE CASCADE,
    program_id       uuid         NOT NULL,
    track_id         uuid         NOT NULL,
    kind             varchar(16)  NOT NULL CHECK (kind IN ('MENTORING', 'FEEDBACK', 'ONE_ON_ONE')),
    number           integer      NOT NULL,
    status           varchar(16)  NOT NULL CHECK (status IN ('PROPOSED', 'UNSCHEDULED', 'CONFIRMED', 'CANCELLED', 'HELD')),
    starts_at        timestamptz,
    duration_minutes integer      NOT NULL,
    window_start     timestamptz  NOT NULL,
    window_end       timestamptz  NOT NULL,
    note             varchar(1000),
    sequence         integer      NOT NULL DEFAULT 0,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    updated_by       uuid,
    held_at          timestamptz,
    CONSTRAINT meeting_once_per_number UNIQUE (pairing_id, number)
);

CREATE INDEX meeting_by_pairing ON meeting (pairing_id, number);

-- Reminders of meetings too: before each meeting (both members), before each author meeting (the draft, mentee).
ALTER TABLE reminder
    ALTER COLUMN milestone_id DROP NOT NULL,
    ADD COLUMN meeting_id uuid REFERENCES meeting (id) ON DELETE CASCADE,
    ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'DEADLINE' CHECK (kind IN ('DEADLINE', 'MEETING', 'DRAFT')),
    ADD CONSTRAINT reminder_of_something CHECK (milestone_id IS NOT NULL OR meeting_id IS NOT NULL);

CREATE INDEX reminder_by_meeting ON reminder (meeting_id);

-- A person's secret calendar feed: calendar apps cannot send bearer tokens. Only a hash of the secret is kept.
CREATE TABLE calendar_feed (
    participant_id uuid         PRIMARY KEY,
    token_hash     varchar(64)  NOT NULL UNIQUE,
    created_at     timestamptz  NOT NULL
);

CREATE TABLE processed_event (
    event_id     varchar(200) PRIMARY KEY,
    type         varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL
);

ALTER TABLE outbox_event ADD COLUMN ephemeral boolean NOT NULL DEFAULT false;
