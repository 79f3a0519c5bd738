-- Issue 20: a track's surveys, as its program file declares them. A survey opens at the start of its opening
-- milestone's (first) date and closes at its closing milestone's instant (a deadline, AoE like the others); both move
-- with their milestones. SCHEDULED -> OPEN -> CLOSED, claimed with FOR UPDATE SKIP LOCKED by every replica.
CREATE TABLE survey (
    id                  uuid         PRIMARY KEY,
    program_id          uuid         NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    track_id            uuid         NOT NULL REFERENCES track (id) ON DELETE CASCADE,
    key                 varchar(64)  NOT NULL,
    title               varchar(200) NOT NULL,
    description         text,
    anonymous           boolean      NOT NULL,
    audience            text         NOT NULL,
    opens_milestone_id  uuid         NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    closes_milestone_id uuid         NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    opens_at            timestamptz  NOT NULL,
    closes_at           timestamptz  NOT NULL,
    questions           text         NOT NULL,
    status              varchar(16)  NOT NULL CHECK (status IN ('SCHEDULED', 'OPEN', 'CLOSED')),
    opened_at           timestamptz,
    closed_at           timestamptz,
    position            integer      NOT NULL,
    version             bigint       NOT NULL DEFAULT 0,
    CONSTRAINT survey_key_unique UNIQUE (track_id, key)
);

CREATE INDEX survey_by_program ON survey (program_id, track_id, position);
CREATE INDEX survey_by_closing_milestone ON survey (closes_milestone_id);
CREATE INDEX survey_by_opening_milestone ON survey (opens_milestone_id);
CREATE INDEX survey_to_open ON survey (opens_at) WHERE status = 'SCHEDULED';
CREATE INDEX survey_to_close ON survey (closes_at) WHERE status = 'OPEN';

-- Who has answered (both kinds of survey): what reminders and response rates read. Never what they answered.
CREATE TABLE survey_respondent (
    survey_id      uuid        NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    participant_id uuid        NOT NULL,
    answered_at    timestamptz NOT NULL,
    PRIMARY KEY (survey_id, participant_id)
);

CREATE INDEX survey_respondent_by_participant ON survey_respondent (participant_id);

-- A non-anonymous survey's answers, with the person (erased with them).
CREATE TABLE survey_answer (
    survey_id      uuid        NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    participant_id uuid        NOT NULL,
    answers        text        NOT NULL,
    answered_at    timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (survey_id, participant_id)
);

CREATE INDEX survey_answer_by_participant ON survey_answer (participant_id);

-- An anonymous survey's answers: a random id, no person, no time. receipt_hash: the SHA-256 (hex) of the receipt its
-- answerer was given to change it while the survey is open; cleared when the survey closes and its responses are
-- rewritten in random order under new ids.
CREATE TABLE survey_response (
    id           uuid        PRIMARY KEY,
    survey_id    uuid        NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    answers      text        NOT NULL,
    receipt_hash varchar(64)
);

CREATE INDEX survey_response_by_survey ON survey_response (survey_id);
CREATE UNIQUE INDEX survey_response_by_receipt ON survey_response (survey_id, receipt_hash) WHERE receipt_hash IS NOT NULL;

-- The results as frozen when the survey closed (what organizers read from then on).
CREATE TABLE survey_result (
    survey_id uuid        PRIMARY KEY REFERENCES survey (id) ON DELETE CASCADE,
    results   text        NOT NULL,
    frozen_at timestamptz NOT NULL
);

-- SURVEY reminders: to the survey's audience that has not answered, with its closing milestone's lead times (that
-- milestone's own DEADLINE reminders are not planned: they would remind those who have answered).
ALTER TABLE reminder
    ADD COLUMN survey_id uuid REFERENCES survey (id) ON DELETE CASCADE,
    DROP CONSTRAINT reminder_kind_check,
    ADD CONSTRAINT reminder_kind_check CHECK (kind IN ('DEADLINE', 'MEETING', 'DRAFT', 'SESSION', 'SESSION_CHOICE', 'SURVEY')),
    DROP CONSTRAINT reminder_of_something,
    ADD CONSTRAINT reminder_of_something CHECK (milestone_id IS NOT NULL OR meeting_id IS NOT NULL
        OR group_session_id IS NOT NULL OR survey_id IS NOT NULL);

CREATE INDEX reminder_by_survey ON reminder (survey_id);
