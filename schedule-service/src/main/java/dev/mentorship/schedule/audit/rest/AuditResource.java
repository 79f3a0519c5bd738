package dev.mentorship.schedule.audit.rest;

import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import dev.mentorship.schedule.audit.AuditEntry;
import dev.mentorship.schedule.audit.service.AuditLog;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Path("/programs/{programId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Audit log", description = "Every organizer and admin command, every read of confidential data or conduct "
        + "reports and every export, from every service: append-only, for the program's organizers")
public class AuditResource {

    /** One entry: who did what, when, in which service, to what, and before and after where it changed something. */
    public record AuditEntryView(UUID id, Instant occurredAt,
                                 @Schema(description = "The person's account id, or pseudonym:… once they erased their data") String actorId,
                                 String actorName, String service, String action, String subject, String before, String after) {
        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id, e.occurredAt, e.actorId, e.actorName, e.service, e.action, e.subject, e.before, e.after);
        }
    }

    /** The filters of the log. */
    public static class Filters {
        @QueryParam("action")
        @Size(max = 100)
        @Pattern(regexp = "[A-Z_]+", message = "must be an action's name, e.g. PROGRAM_PUBLISHED")
        @Parameter(description = "Only this action, e.g. PROGRAM_PUBLISHED, REGISTRATIONS_EXPORTED")
        public String action;
        @QueryParam("actor")
        @Size(max = 100)
        @Parameter(description = "Only this person's actions (their account id or pseudonym)")
        public String actor;
        @QueryParam("from")
        @Parameter(description = "From this instant on (ISO-8601)")
        public Instant from;
        @QueryParam("to")
        @Parameter(description = "Before this instant (ISO-8601)")
        public Instant to;
    }

    private final AuditLog log;
    private final ProgramAuthority authority;

    public AuditResource(AuditLog log, ProgramAuthority authority) {
        this.log = log;
        this.authority = authority;
    }

    @GET
    @Operation(summary = "The program's audit log, newest first (the program's organizers)")
    @APIResponse(responseCode = "200", description = "One page of entries")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<AuditEntryView>> listAudit(@PathParam("programId") UUID programId, @Valid @BeanParam Filters filters,
                                               @Valid @BeanParam PageParams paging) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> log.list(programId, filters.action, filters.actor, filters.from, filters.to, paging.page, paging.size))
                .map(page -> page.map(AuditEntryView::of));
    }
}
