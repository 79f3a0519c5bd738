-- A mentor and a mentee paired in one track.
CREATE TABLE pairing (
    id           uuid             PRIMARY KEY,
    program_id   uuid             NOT NULL,
    track_id     uuid             NOT NULL,
    mentor_id    uuid             NOT NULL,
    mentee_id    uuid             NOT NULL,
    status       varchar(16)      NOT NULL CHECK (status IN ('ACTIVE', 'DISSOLVED')),
    score        double precision NOT NULL,
    explanation  text             NOT NULL,
    created_at   timestamptz      NOT NULL,
    dissolved_at timestamptz,
    version      bigint           NOT NULL DEFAULT 0,
    CONSTRAINT pairing_not_with_oneself CHECK (mentor_id <> mentee_id)
);

-- A mentee has at most one active mentor per track.
CREATE UNIQUE INDEX pairing_one_active_mentor_per_mentee ON pairing (track_id, mentee_id) WHERE status = 'ACTIVE';
CREATE INDEX pairing_by_mentor ON pairing (mentor_id);
CREATE INDEX pairing_by_mentee ON pairing (mentee_id);
