-- Each program's audit log: every organizer and admin command, every read of confidential data or conduct reports,
-- every export, from all services (AuditRecorded on mentorship.audit). Append-only: no code path deletes or rewrites
-- an entry, and the database refuses it too; the only change allowed is erasure's, which replaces a person's id with
-- a stable pseudonym (and drops their name) without touching what was done, when, where.
CREATE TABLE audit_entry (
    id          uuid PRIMARY KEY,
    -- the order entries arrived in: breaks ties of occurred_at
    seq         bigint GENERATED ALWAYS AS IDENTITY,
    program_id  uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor_id    text        NOT NULL,
    actor_name  text,
    service     text        NOT NULL,
    action      text        NOT NULL,
    subject     text,
    before      text,
    after       text
);
CREATE INDEX audit_entry_program ON audit_entry (program_id, occurred_at DESC, seq DESC);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the audit log is append-only: entries are never deleted';
    END IF;
    IF NEW.id <> OLD.id OR NEW.seq <> OLD.seq OR NEW.program_id <> OLD.program_id OR NEW.occurred_at <> OLD.occurred_at
       OR NEW.service <> OLD.service OR NEW.action <> OLD.action
       OR (NEW.actor_id <> OLD.actor_id AND NEW.actor_id NOT LIKE 'pseudonym:%')
       OR (NEW.actor_name IS DISTINCT FROM OLD.actor_name AND NEW.actor_name IS NOT NULL)
       OR (NEW.subject IS DISTINCT FROM OLD.subject AND NEW.subject NOT LIKE 'pseudonym:%')
       OR (NEW.before IS DISTINCT FROM OLD.before AND NEW.before NOT LIKE '%pseudonym:%')
       OR (NEW.after IS DISTINCT FROM OLD.after AND NEW.after NOT LIKE '%pseudonym:%') THEN
        RAISE EXCEPTION 'the audit log is append-only: only erasure may pseudonymise a person in it';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
