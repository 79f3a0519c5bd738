package dev.mentorship.schedule.program.service;

import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.repository.ProgramRepository;
import dev.mentorship.schedule.rest.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProgramService {

    private final ProgramRepository programs;

    public ProgramService(ProgramRepository programs) {
        this.programs = programs;
    }

    /** Organizers see drafts too; everyone else sees published programs only. */
    @WithSession
    public Uni<Page<Program>> list(boolean includeDrafts, int page, int size) {
        return Page.of(includeDrafts ? programs.findAllNewestFirst() : programs.findByStatus(Program.Status.PUBLISHED),
                page, size);
    }
}
