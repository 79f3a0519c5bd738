package dev.mentorship.schedule.program.rest;

import dev.mentorship.schedule.program.service.ProgramService;
import dev.mentorship.schedule.rest.Page;
import dev.mentorship.schedule.rest.PageParams;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/programs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Programs")
public class ProgramResource {

    private final ProgramService programs;
    private final SecurityIdentity identity;

    public ProgramResource(ProgramService programs, SecurityIdentity identity) {
        this.programs = programs;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Programs, newest first: published ones, and drafts too for organizers")
    public Uni<Page<ProgramView>> list(@Valid @BeanParam PageParams paging) {
        return programs.list(identity.hasRole("organizer"), paging.page, paging.size)
                .map(page -> page.map(ProgramView::of));
    }
}
