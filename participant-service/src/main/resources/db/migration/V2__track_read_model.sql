-- The tracks people can register for, as schedule-service announced them (ProgramPublished,
-- MilestoneRescheduled): this service's read model, never written through the API.
CREATE TABLE track_offer (
    track_id                uuid         PRIMARY KEY,
    program_id              uuid         NOT NULL,
    program_name            varchar(200) NOT NULL,
    conference              varchar(100) NOT NULL,
    track_key               varchar(64)  NOT NULL,
    kind                    varchar(16)  NOT NULL CHECK (kind IN ('AUTHOR', 'REVIEWER', 'CAREER')),
    name                    varchar(200) NOT NULL,
    topics                  text         NOT NULL DEFAULT '[]',
    opens_at                timestamptz  NOT NULL,
    application_deadline    timestamptz  NOT NULL,
    closes_at               timestamptz  NOT NULL,
    rolling                 boolean      NOT NULL,
    code_of_conduct_title   varchar(200) NOT NULL,
    code_of_conduct_version varchar(64)  NOT NULL,
    mentees_per_mentor_min  integer,
    mentees_per_mentor_max  integer,
    updated_at              timestamptz  NOT NULL
);

CREATE INDEX track_offer_by_program ON track_offer (program_id);

-- Events this service has handled, by CloudEvent id: a redelivered event is skipped.
CREATE TABLE processed_event (
    event_id     varchar(200) PRIMARY KEY,
    type         varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL
);
