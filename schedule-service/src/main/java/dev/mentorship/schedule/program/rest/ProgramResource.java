package dev.mentorship.schedule.program.rest;

import dev.mentorship.schedule.program.ProgramCalendar;
import dev.mentorship.schedule.program.ProgramDefinition;
import dev.mentorship.schedule.program.service.ProgramService;
import dev.mentorship.schedule.program.service.StaffService;
import dev.mentorship.runtime.audit.Audit;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.idempotency.Idempotency;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.mentorship.runtime.http.IfMatch;
import dev.mentorship.runtime.http.Preconditions;
import dev.mentorship.schedule.program.event.ProgramPublished;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "Programs as data: tracks, milestones (AoE), extensions, publishing, the public calendar")
public class ProgramResource {

    private final ProgramService programs;
    private final CurrentUser user;
    private final ProgramAuthority authority;
    private final Audit audit;
    private final Clock clock;
    private final Idempotency idempotency;

    public ProgramResource(ProgramService programs, CurrentUser user, ProgramAuthority authority, Audit audit, Clock clock,
                           Idempotency idempotency) {
        this.programs = programs;
        this.user = user;
        this.authority = authority;
        this.audit = audit;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed("participant")
    @Operation(summary = "Programs, newest first: published ones, and the drafts of the programs the caller is on the staff of")
    @APIResponse(responseCode = "200", description = "One page of programs")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ProgramView>> listPrograms(@Valid @BeanParam PageParams paging) {
        return programs.list(viewer(), paging.page, paging.size).map(page -> page.map(ProgramView::of));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create a draft program from its definition (e.g. a shipped program file such as ML4H 2025); admins only. "
            + "The creator becomes its first organizer, with every grant")
    @APIResponse(responseCode = "201", description = "Created as a draft; Location names the program",
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramDetail.class)))
    @APIResponse(responseCode = "400", description = "Invalid: each bad field is listed (header.Idempotency-Key too)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A program of that name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = Idempotency.REUSED_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createProgram(@Valid @NotNull ProgramDefinition body,
                                       @HeaderParam(Idempotency.HEADER) @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER,
                                               description = Idempotency.HEADER_DESCRIPTION,
                                               schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Idempotency.MAX_KEY_LENGTH))
                                       String idempotencyKey) {
        // the stored answer joins the command's transaction: the program, its audit record and the key commit together
        return idempotency.once(idempotencyKey, body, () -> audit.command(() -> programs.create(body,
                                new StaffService.Appointment(me(), user.name(), user.email(), EnumSet.allOf(Grant.class))),
                        created -> new Audit.Entry(created.program().id, "PROGRAM_CREATED", created.program().id, null,
                                Map.of("name", created.program().name, "conference", created.program().conference)))
                .map(created -> Response
                .created(URI.create("/programs/" + created.program().id))
                .entity(ProgramDetail.of(created)).build()));
    }

    @GET
    @Path("/{programId}")
    @RolesAllowed("participant")
    @Operation(summary = "A program: tracks, milestones with their exact instants, and the history of changes")
    @APIResponse(responseCode = "200", description = "The program",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramDetail.class)))
    @APIResponse(responseCode = "404", description = "No such program (or a draft, to anyone but its staff and admins)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProgramDetail> getProgram(@PathParam("programId") UUID programId) {
        return programs.get(programId, viewer()).map(ProgramDetail::of);
    }

    @POST
    @Path("/{programId}/publish")
    @RolesAllowed("participant")
    @Operation(summary = "Publish a draft (the program's organizers): opens registration, plans reminders, announces ProgramPublished")
    @APIResponse(responseCode = "200", description = "The published program",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramDetail.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Published already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProgramDetail> publish(@PathParam("programId") UUID programId) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> audit.command(() -> programs.publish(programId),
                        published -> Audit.Entry.of(programId, "PROGRAM_PUBLISHED", programId)))
                .map(ProgramDetail::of);
    }

    @GET
    @Path("/{programId}/tracks/{trackId}/milestones/{milestoneId}")
    @RolesAllowed("participant")
    @Operation(summary = "One milestone of a program's track, with its ETag (the If-Match of a move)")
    @APIResponse(responseCode = "200", description = "The milestone",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramPublished.MilestoneData.class)))
    @APIResponse(responseCode = "404", description = "No such program (or a draft, to anyone but its staff and admins), track or milestone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ProgramPublished.MilestoneData>> getMilestone(@PathParam("programId") UUID programId,
                                                                         @PathParam("trackId") UUID trackId,
                                                                         @PathParam("milestoneId") UUID milestoneId) {
        return programs.milestone(programId, trackId, milestoneId, viewer())
                .map(m -> Preconditions.ok(ProgramPublished.MilestoneData.of(m), m.version));
    }

    @PATCH
    @Path("/{programId}/tracks/{trackId}/milestones/{milestoneId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("participant")
    @Operation(summary = "Move a milestone (the program's organizers) (extend a deadline) with a reason; reminders follow, MilestoneRescheduled is announced")
    @APIResponse(responseCode = "200", description = "The change, as kept in the milestone's history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramDetail.Change.class)))
    @APIResponse(responseCode = "400", description = "Invalid move: each bad field is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes, track or milestone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ProgramDetail.Change>> moveMilestone(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                                                 @PathParam("milestoneId") UUID milestoneId, @Valid @NotNull MilestoneMove body,
                                                                 @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> audit.command(() -> programs.reschedule(programId, trackId, milestoneId, body.date(), body.endDate(),
                                body.time(), body.reason(), me(), IfMatch.of(ifMatch)),
                        moved -> new Audit.Entry(programId, "MILESTONE_MOVED", milestoneId,
                                Map.of("dueAt", String.valueOf(moved.change().oldDueAt)),
                                Map.of("dueAt", String.valueOf(moved.change().newDueAt), "reason", String.valueOf(moved.change().reason)))))
                // once committed, the milestone carries its new version
                .map(moved -> Preconditions.ok(ProgramDetail.Change.of(moved.change()), moved.milestone().version));
    }

    @GET
    @Path("/{programId}/calendar.ics")
    @Produces("text/calendar")
    @PermitAll
    @SecurityRequirementsSet
    @Operation(summary = "A published program's timeline as an iCalendar feed (RFC 5545) to subscribe to; no token needed")
    @APIResponse(responseCode = "200", description = "The program's iCalendar feed",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such published program",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> calendar(@PathParam("programId") UUID programId) {
        return programs.getPublished(programId).map(aggregate -> {
            Map<UUID, Integer> moves = aggregate.changes().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
            String ics = ProgramCalendar.of(aggregate.program(), aggregate.tracks(), aggregate.milestones(), moves,
                    clock.instant());
            return Response.ok(ics, "text/calendar; charset=utf-8")
                    .header("Content-Disposition", "inline; filename=\"program-" + programId + ".ics\"").build();
        });
    }

    private ProgramService.Viewer viewer() {
        return new ProgramService.Viewer(user.id(), user.isAdmin());
    }

    private UUID me() {
        return user.id();
    }
}
