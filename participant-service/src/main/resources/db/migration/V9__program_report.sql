-- Issue 20, the program report. The program's time zone (ProgramPublished's timeZone: "AoE" or an IANA name), for
-- the days of the registrations' time series; null for programs published before this version (counted in UTC until
-- they are published again). The report reads a program's registrations through registration_by_track (V1), its
-- tracks through track_offer_by_program (V2): no new index.
ALTER TABLE track_offer ADD COLUMN time_zone varchar(64);
