package dev.mentorship.schedule.program.rest;

import dev.mentorship.schedule.program.Program;

import java.time.Instant;
import java.util.UUID;

/** A program as the API shows it. */
public record ProgramView(UUID id, String conference, String name, Program.Status status, Instant createdAt,
                          Instant publishedAt) {

    public static ProgramView of(Program p) {
        return new ProgramView(p.id, p.conference, p.name, p.status, p.createdAt, p.publishedAt);
    }
}
