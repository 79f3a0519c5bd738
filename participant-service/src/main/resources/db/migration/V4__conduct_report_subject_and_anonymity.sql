-- A report may name the person it is about (never shown to them) and keep the reporter anonymous to the organizers
ALTER TABLE conduct_report ADD COLUMN about_person_id uuid;
ALTER TABLE conduct_report ADD COLUMN anonymous boolean NOT NULL DEFAULT false;
CREATE INDEX conduct_report_program ON conduct_report (program_id, filed_at DESC);
