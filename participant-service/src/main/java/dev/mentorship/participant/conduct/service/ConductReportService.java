package dev.mentorship.participant.conduct.service;

import dev.mentorship.participant.conduct.ConductReport;
import dev.mentorship.participant.conduct.ConductReportInput;
import dev.mentorship.participant.event.ParticipantEvents;
import dev.mentorship.participant.registration.service.RegistrationService.Person;
import dev.mentorship.participant.track.TrackOffer;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.problem.Problem.FieldError;
import dev.mentorship.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConductReportService {

    private final ParticipantEvents events;
    private final Clock clock;

    public ConductReportService(ParticipantEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Files a report about a program this service knows (published): its conduct contacts are told. */
    @WithTransaction
    public Uni<ConductReport> file(Person reporter, ConductReportInput input) {
        return TrackOffer.count("programId", input.programId()).chain(tracks -> tracks == 0
                ? Uni.createFrom().failure(new InvalidRequestException(List.of(new FieldError("programId",
                        "is no published program: report about the program it happened in"))))
                : persist(reporter, input));
    }

    private Uni<ConductReport> persist(Person reporter, ConductReportInput input) {
        ConductReport report = new ConductReport();
        report.id = UUID.randomUUID();
        report.programId = input.programId();
        report.reporterId = reporter.id();
        report.anonymous = input.anonymous();
        report.reporterName = input.anonymous() ? null : reporter.name();
        report.reporterEmail = input.anonymous() ? null : reporter.email();
        report.aboutPersonId = input.aboutPersonId();
        report.about = input.about().strip();
        report.description = input.description().strip();
        report.occurredOn = input.occurredOn();
        report.location = input.location() == null || input.location().isBlank() ? null : input.location().strip();
        report.filedAt = clock.instant();
        return report.<ConductReport>persist().call(() -> events.conductReportFiled(report.id, report.programId));
    }

    /** A program's reports, newest first, except those that name the reader. */
    @WithSession
    public Uni<Page<ConductReport>> list(UUID programId, UUID reader, int page, int size) {
        Sort newest = Sort.by("filedAt").descending().and("id");
        return Page.of(ConductReport.find("programId = ?1 and (aboutPersonId is null or aboutPersonId <> ?2)", newest,
                programId, reader), page, size);
    }

    /** A report, with the program it belongs to (whose conduct contacts may read it); never one that names the reader. */
    @WithSession
    public Uni<ConductReport> get(UUID id, UUID reader) {
        return ConductReport.<ConductReport>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("There is no conduct report " + id + "."))
                .invoke(report -> {
                    if (reader.equals(report.aboutPersonId)) {
                        throw ProblemException.notFound("There is no conduct report " + id + ".");
                    }
                });
    }
}
