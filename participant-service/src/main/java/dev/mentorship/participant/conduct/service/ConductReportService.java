package dev.mentorship.participant.conduct.service;

import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.participant.conduct.ConductReport;
import dev.mentorship.participant.conduct.ConductReportInput;
import dev.mentorship.participant.event.ParticipantEvents;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.participant.registration.service.RegistrationService.Person;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class ConductReportService {

    private final ParticipantEvents events;
    private final Clock clock;

    public ConductReportService(ParticipantEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ConductReport> file(Person reporter, ConductReportInput input) {
        ConductReport report = new ConductReport();
        report.id = UUID.randomUUID();
        report.programId = input.programId();
        report.reporterId = reporter.id();
        report.reporterName = reporter.name();
        report.reporterEmail = reporter.email();
        report.about = input.about().strip();
        report.description = input.description().strip();
        report.occurredOn = input.occurredOn();
        report.location = input.location() == null || input.location().isBlank() ? null : input.location().strip();
        report.filedAt = clock.instant();
        return report.<ConductReport>persist().call(() -> events.conductReportFiled(report.id));
    }

    @WithSession
    public Uni<Page<ConductReport>> list(UUID programId, int page, int size) {
        Sort newest = Sort.by("filedAt").descending().and("id");
        return Page.of(programId == null ? ConductReport.findAll(newest) : ConductReport.find("programId", newest, programId),
                page, size);
    }

    @WithSession
    public Uni<ConductReport> get(UUID id) {
        return ConductReport.<ConductReport>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("There is no conduct report " + id + "."));
    }
}
