package dev.mentorship.runtime.report;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * The one bean per service that counts its part of a program report. Called inside a Panache session, after the
 * caller's grant was checked. Every query reads the program's rows through an index (by program or by track), never a
 * whole table: a report answers in milliseconds however many programs a service holds. Fails with the service's 404
 * problem when it knows no such program.
 */
public interface ProgramReporter {

    /** The service's short name, as the report's {@code service} and the gauges' tag. */
    String service();

    Uni<ProgramReport> report(UUID programId);
}
