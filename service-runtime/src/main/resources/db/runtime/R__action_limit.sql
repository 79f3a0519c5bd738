-- The runtime's per-person limits (dev.mentorship.runtime.limits.ActionLimits): how often each person did each
-- limited action in each fixed window, shared by every replica of the service. Repeatable: IF NOT EXISTS only.
CREATE TABLE IF NOT EXISTS action_limit (
    person_id    uuid        NOT NULL,
    action       text        NOT NULL,
    window_start timestamptz NOT NULL,
    taken        integer     NOT NULL,
    PRIMARY KEY (person_id, action, window_start)
);
CREATE INDEX IF NOT EXISTS action_limit_window ON action_limit (window_start);
