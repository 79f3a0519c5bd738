package dev.mentorship.schedule.program.repository;

import dev.mentorship.schedule.program.Program;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProgramRepository implements PanacheRepositoryBase<Program, UUID> {

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    public PanacheQuery<Program> findAllNewestFirst() {
        return findAll(NEWEST_FIRST);
    }

    public PanacheQuery<Program> findByStatus(Program.Status status) {
        return find("status", NEWEST_FIRST, status);
    }
}
