-- Waitlist priority comes from the internal topic mentorship.confidential (WaitlistPriorityChanged), apart from the
-- registration, which the public topic carries without it
CREATE TABLE mentee_priority (
    registration_id uuid PRIMARY KEY,
    priority        boolean     NOT NULL,
    changed_at      timestamptz NOT NULL
);
