package dev.mentorship.participant.conduct.rest;

import dev.mentorship.participant.conduct.ConductReport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A report as organizers read it (reporter null once the reporter erased their data). */
public record ConductReportView(UUID id, UUID programId, Reporter reporter, String about, String description,
                                LocalDate occurredOn, String location, Instant filedAt) {

    public record Reporter(UUID id, String name, String email) {
    }

    public static ConductReportView of(ConductReport r) {
        Reporter reporter = r.reporterId == null ? null : new Reporter(r.reporterId, r.reporterName, r.reporterEmail);
        return new ConductReportView(r.id, r.programId, reporter, r.about, r.description, r.occurredOn, r.location, r.filedAt);
    }
}
