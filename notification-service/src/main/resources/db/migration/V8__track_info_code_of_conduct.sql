-- A program's code of conduct as its mails name it (ProgramPublished's codeOfConduct), kept with each of its tracks:
-- the registration confirmation names it and where violations are reported, and conduct reports also reach the
-- program's own report contact (an address, e.g. info@ml4h.cc; none: the program names none).
ALTER TABLE track_info
    ADD COLUMN code_of_conduct_title   varchar(200),
    ADD COLUMN code_of_conduct_version varchar(64),
    ADD COLUMN code_of_conduct_url     varchar(500),
    ADD COLUMN conduct_report_contact  varchar(320);
