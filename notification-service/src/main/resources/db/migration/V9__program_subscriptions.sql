-- Each program (edition) this service has seen: its conference and when it starts, so that the people of an earlier
-- edition of the same conference hear when the next one takes applications. From ProgramPublished; a program
-- published before this version is known by its name only (no conference) until it is published again.
CREATE TABLE program_info (
    program_id uuid         PRIMARY KEY,
    name       varchar(200) NOT NULL,
    conference varchar(200),
    starts_at  timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL
);
CREATE INDEX program_info_by_conference ON program_info (conference, starts_at);
INSERT INTO program_info (program_id, name, conference, starts_at, updated_at)
SELECT program_id, min(program_name), NULL, coalesce(min(first_contact_due), min(updated_at)), max(updated_at)
FROM track_info GROUP BY program_id;

-- "Tell me about this program": a person follows a program and gets its application-deadline reminders
CREATE TABLE program_subscription (
    participant_id uuid        NOT NULL,
    program_id     uuid        NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (participant_id, program_id)
);
CREATE INDEX program_subscription_by_program ON program_subscription (program_id);

-- The past participants of a conference: everyone active in one of its earlier programs
CREATE INDEX membership_by_program ON membership (program_id, participant_id) WHERE status = 'ACTIVE';

-- News about programs one follows and future editions of programs one took part in: on unless turned off
ALTER TABLE preference ADD COLUMN program_news boolean NOT NULL DEFAULT true;
