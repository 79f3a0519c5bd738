package dev.mentorship.schedule.program.rest;

import dev.mentorship.schedule.program.MilestoneChange;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.event.Changes;
import dev.mentorship.schedule.program.event.ProgramPublished;
import dev.mentorship.schedule.program.service.ProgramService.ProgramAggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A program with its tracks, milestones (dates, zones, exact instants) and the history of their changes. */
public record ProgramDetail(UUID id, Program.Status status, Instant createdAt, Instant publishedAt, String conference,
                            String name, String description, String timeZone, String frontendUrl,
                            ProgramPublished.CodeOfConduct codeOfConduct, List<ProgramPublished.Track> tracks,
                            List<Change> changes) {

    /** One move of a milestone: "extended from August 30 to September 1", with its reason. */
    public record Change(UUID milestoneId, Instant changedAt, String summary, String reason, LocalDate oldDate,
                         LocalDate newDate, Instant oldDueAt, Instant newDueAt) {

        public static Change of(MilestoneChange c) {
            return new Change(c.milestoneId, c.changedAt, Changes.summary(c), c.reason, c.oldDate, c.newDate, c.oldDueAt,
                    c.newDueAt);
        }
    }

    public static ProgramDetail of(ProgramAggregate aggregate) {
        Program p = aggregate.program();
        ProgramPublished content = ProgramPublished.of(p, aggregate.tracks(), aggregate.milestones(), aggregate.sessions());
        List<Change> changes = aggregate.changes().values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing((MilestoneChange c) -> c.changedAt).thenComparing(c -> c.newDueAt))
                .map(Change::of)
                .toList();
        return new ProgramDetail(p.id, p.status, p.createdAt, p.publishedAt, p.conference, p.name, p.description,
                p.timeZone, p.frontendUrl, content.codeOfConduct(), content.tracks(), changes);
    }
}
