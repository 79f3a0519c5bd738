-- Each mail is filed under the program it is about, so that a program's organizers read its delivery log only
ALTER TABLE email_delivery ADD COLUMN program_id uuid;
CREATE INDEX email_delivery_program ON email_delivery (program_id, created_at DESC);

-- Organizers are a program's staff now (program_staff, from schedule-service), no longer whoever called with a role
DROP TABLE organizer;
