-- The runtime's own tables, in every service's database (Flyway location db/runtime, after the service's own
-- versioned migrations). Repeatable: every statement must be safe to run again (IF NOT EXISTS).

-- A program's staff: schedule-service owns it, the other services keep a replica (ProgramStaffChanged, revision)
CREATE TABLE IF NOT EXISTS staffed_program (
    program_id uuid PRIMARY KEY,
    revision   bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS program_staff (
    id         uuid PRIMARY KEY,
    program_id uuid NOT NULL,
    person_id  uuid NOT NULL,
    name       text NOT NULL,
    email      text NOT NULL,
    grants     text NOT NULL,
    UNIQUE (program_id, person_id)
);
CREATE INDEX IF NOT EXISTS program_staff_person ON program_staff (person_id);
