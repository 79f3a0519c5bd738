package dev.mentorship.participant.conduct.rest;

import dev.mentorship.participant.conduct.ConductReport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A report as conduct contacts read it (reporter null when anonymous or once the reporter erased their data). */
public record ConductReportView(UUID id, UUID programId, Reporter reporter, boolean anonymous, String about,
                                UUID aboutPersonId, String description, LocalDate occurredOn, String location,
                                Instant filedAt) {

    public record Reporter(UUID id, String name, String email) {
    }

    public static ConductReportView of(ConductReport r) {
        Reporter reporter = r.reporterId == null || r.anonymous ? null
                : new Reporter(r.reporterId, r.reporterName, r.reporterEmail);
        return new ConductReportView(r.id, r.programId, reporter, r.anonymous, r.about, r.aboutPersonId, r.description,
                r.occurredOn, r.location, r.filedAt);
    }
}
