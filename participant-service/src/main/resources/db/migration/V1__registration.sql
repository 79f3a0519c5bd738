-- A person's registration for one track of a program, as mentor or mentee.
CREATE TABLE registration (
    id             uuid        PRIMARY KEY,
    participant_id uuid        NOT NULL,
    program_id     uuid        NOT NULL,
    track_id       uuid        NOT NULL,
    role           varchar(16) NOT NULL CHECK (role IN ('MENTOR', 'MENTEE')),
    status         varchar(16) NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    registered_at  timestamptz NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT registration_once_per_track_and_role UNIQUE (participant_id, track_id, role)
);

CREATE INDEX registration_by_participant ON registration (participant_id, registered_at DESC);
CREATE INDEX registration_by_track ON registration (track_id, role, status);
