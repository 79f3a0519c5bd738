-- The code of conduct as GET /tracks shows it: where it is published, and where the program has violations
-- reported (ProgramPublished's codeOfConduct.url and .reportContact; both optional, so a program published before
-- this version keeps them empty until it is published again).
ALTER TABLE track_offer
    ADD COLUMN code_of_conduct_url    varchar(500),
    ADD COLUMN conduct_report_contact varchar(320);
