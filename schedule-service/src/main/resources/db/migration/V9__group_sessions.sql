-- A group-session milestone's sessions (the career track's online group workshop: several one-hour sessions on its
-- day, each person joins one or more): start, duration, online link, capacity. seats_taken counts
-- group_session_seat's rows and is only ever changed by a conditional update (seats_taken < capacity), so that two
-- people taking the last seat at once cannot both get it.
CREATE TABLE group_session (
    id               uuid         PRIMARY KEY,
    program_id       uuid         NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    track_id         uuid         NOT NULL REFERENCES track (id) ON DELETE CASCADE,
    milestone_id     uuid         NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    key              varchar(64)  NOT NULL,
    starts_at        timestamptz  NOT NULL,
    duration_minutes integer      NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    online_url       varchar(500),
    capacity         integer      NOT NULL CHECK (capacity >= 1),
    seats_taken      integer      NOT NULL DEFAULT 0,
    position         integer      NOT NULL,
    sequence         integer      NOT NULL DEFAULT 0,
    version          bigint       NOT NULL DEFAULT 0,
    CONSTRAINT group_session_key_unique UNIQUE (milestone_id, key),
    CONSTRAINT group_session_not_overbooked CHECK (seats_taken >= 0 AND seats_taken <= capacity)
);

CREATE INDEX group_session_by_track ON group_session (track_id, starts_at);

-- Who joined which session (a person may join several).
CREATE TABLE group_session_seat (
    session_id     uuid        NOT NULL REFERENCES group_session (id) ON DELETE CASCADE,
    participant_id uuid        NOT NULL,
    chosen_at      timestamptz NOT NULL,
    PRIMARY KEY (session_id, participant_id)
);

CREATE INDEX group_session_seat_by_participant ON group_session_seat (participant_id);

-- Reminders before a session's start (SESSION, to those who joined it) and, once per milestone, to choose one
-- (SESSION_CHOICE, to its audience that has not chosen, before the first session).
ALTER TABLE reminder
    ADD COLUMN group_session_id uuid REFERENCES group_session (id) ON DELETE CASCADE,
    DROP CONSTRAINT reminder_kind_check,
    ADD CONSTRAINT reminder_kind_check CHECK (kind IN ('DEADLINE', 'MEETING', 'DRAFT', 'SESSION', 'SESSION_CHOICE')),
    DROP CONSTRAINT reminder_of_something,
    ADD CONSTRAINT reminder_of_something CHECK (milestone_id IS NOT NULL OR meeting_id IS NOT NULL OR group_session_id IS NOT NULL);

CREATE INDEX reminder_by_group_session ON reminder (group_session_id);
