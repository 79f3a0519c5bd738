-- The tracks, as schedule-service announced them (ProgramPublished); the row also serialises the work on a track:
-- runs claim it with a lease, rolling matching and publishing lock it (SELECT ... FOR UPDATE).
CREATE TABLE track (
    track_id               uuid         PRIMARY KEY,
    program_id             uuid         NOT NULL,
    kind                   varchar(16)  NOT NULL CHECK (kind IN ('AUTHOR', 'REVIEWER', 'CAREER')),
    name                   varchar(200) NOT NULL,
    program_name           varchar(200) NOT NULL,
    mentees_per_mentor_min integer,
    mentees_per_mentor_max integer,
    published_run_id       uuid,
    run_lease_id           uuid,
    run_lease_until        timestamptz,
    updated_at             timestamptz  NOT NULL
);

-- A track's matching policy, set by organizers (defaults by track kind until then).
CREATE TABLE track_policy (
    track_id                 uuid             PRIMARY KEY,
    weight_keywords          double precision NOT NULL,
    weight_text              double precision NOT NULL,
    weight_topics            double precision NOT NULL,
    weight_hours             double precision NOT NULL,
    exclude_same_affiliation boolean          NOT NULL,
    minimum_score            double precision NOT NULL,
    minimum_shared_hours     double precision NOT NULL,
    minimum_load             integer          NOT NULL,
    rolling                  varchar(16)      NOT NULL CHECK (rolling IN ('AUTOMATIC', 'PROPOSE')),
    priority_first           boolean          NOT NULL,
    updated_at               timestamptz      NOT NULL,
    updated_by               uuid             NOT NULL
);

-- Registrations, as participant-service announced them: what matching needs, and contacts for /me/pairings.
CREATE TABLE registration (
    registration_id  uuid         PRIMARY KEY,
    participant_id   uuid         NOT NULL,
    program_id       uuid         NOT NULL,
    track_id         uuid         NOT NULL,
    track_kind       varchar(16)  NOT NULL,
    role             varchar(16)  NOT NULL CHECK (role IN ('MENTOR', 'MENTEE')),
    status           varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    late             boolean      NOT NULL,
    priority         boolean      NOT NULL,
    capacity         integer,
    name             varchar(200) NOT NULL,
    email            varchar(320) NOT NULL,
    affiliation      varchar(200) NOT NULL,
    time_zone        varchar(64)  NOT NULL,
    keywords         text         NOT NULL DEFAULT '[]',
    free_text        text         NOT NULL DEFAULT '',
    topics           text         NOT NULL DEFAULT '[]',
    availability_utc text         NOT NULL DEFAULT '[]',
    registered_at    timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL
);

CREATE INDEX registration_by_track ON registration (track_id, role, status);
CREATE INDEX registration_by_participant ON registration (participant_id);

-- Pairs an organizer pinned (kept by every run) or forbade (never proposed).
CREATE TABLE pair_constraint (
    id                      uuid        PRIMARY KEY,
    track_id                uuid        NOT NULL,
    kind                    varchar(8)  NOT NULL CHECK (kind IN ('PIN', 'FORBID')),
    mentee_registration_id  uuid        NOT NULL,
    mentor_registration_id  uuid        NOT NULL,
    created_by              uuid,
    created_at              timestamptz NOT NULL,
    CONSTRAINT pair_constraint_once UNIQUE (track_id, mentee_registration_id, mentor_registration_id)
);

-- A matching run: a proposal (DRAFT) an organizer may publish; rolling proposals under the PROPOSE policy too.
CREATE TABLE matching_run (
    id               uuid             PRIMARY KEY,
    track_id         uuid             NOT NULL,
    program_id       uuid             NOT NULL,
    kind             varchar(16)      NOT NULL CHECK (kind IN ('FULL', 'ROLLING')),
    status           varchar(16)      NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    policy           text             NOT NULL,
    method           varchar(300)     NOT NULL,
    matched          integer          NOT NULL,
    unmatched        integer          NOT NULL,
    total_score      double precision NOT NULL,
    lowest_score     double precision,
    solver_millis    bigint           NOT NULL,
    mentor_load      text             NOT NULL,
    created_by       uuid,
    created_at       timestamptz      NOT NULL,
    published_at     timestamptz
);

CREATE INDEX matching_run_by_track ON matching_run (track_id, created_at DESC);

CREATE TABLE run_proposal (
    run_id                  uuid             NOT NULL REFERENCES matching_run (id) ON DELETE CASCADE,
    mentee_registration_id  uuid             NOT NULL,
    mentor_registration_id  uuid             NOT NULL,
    score                   double precision NOT NULL,
    explanation             text             NOT NULL,
    pinned                  boolean          NOT NULL,
    PRIMARY KEY (run_id, mentee_registration_id)
);

CREATE TABLE run_unmatched (
    run_id                  uuid        NOT NULL REFERENCES matching_run (id) ON DELETE CASCADE,
    mentee_registration_id  uuid        NOT NULL,
    reason                  varchar(32) NOT NULL,
    PRIMARY KEY (run_id, mentee_registration_id)
);

-- Pairings know the registrations they join, the run or rolling step that made them, why they ended.
ALTER TABLE pairing
    ADD COLUMN mentor_registration_id uuid,
    ADD COLUMN mentee_registration_id uuid,
    ADD COLUMN run_id                 uuid,
    ADD COLUMN source                 varchar(16),
    ADD COLUMN dissolved_reason       varchar(32),
    ADD COLUMN dissolved_note         varchar(1000);
UPDATE pairing SET mentor_registration_id = mentor_id, mentee_registration_id = mentee_id, source = 'RUN';
ALTER TABLE pairing
    ALTER COLUMN mentor_registration_id SET NOT NULL,
    ALTER COLUMN mentee_registration_id SET NOT NULL,
    ALTER COLUMN source SET NOT NULL;
CREATE INDEX pairing_by_mentor_registration ON pairing (mentor_registration_id) WHERE status = 'ACTIVE';

-- Mentees waiting for a mentor, in the order they are served (priority first where the policy says so).
CREATE TABLE waitlist_entry (
    mentee_registration_id uuid        PRIMARY KEY,
    track_id               uuid        NOT NULL,
    participant_id         uuid        NOT NULL,
    priority               boolean     NOT NULL,
    reason                 varchar(32) NOT NULL,
    waitlisted_at          timestamptz NOT NULL,
    registered_at          timestamptz NOT NULL
);

CREATE INDEX waitlist_by_track ON waitlist_entry (track_id, waitlisted_at, registered_at);

CREATE TABLE processed_event (
    event_id     varchar(200) PRIMARY KEY,
    type         varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL
);

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
    ephemeral    boolean      NOT NULL DEFAULT false
);

CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_by_key ON outbox_event (event_key);
