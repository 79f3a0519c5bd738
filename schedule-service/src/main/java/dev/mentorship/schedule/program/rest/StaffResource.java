package dev.mentorship.schedule.program.rest;

import dev.mentorship.runtime.audit.Audit;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import dev.mentorship.runtime.staff.StaffMember;
import dev.mentorship.runtime.text.SingleLine;
import dev.mentorship.schedule.program.service.StaffService;
import dev.mentorship.runtime.http.IfMatch;
import dev.mentorship.runtime.http.Preconditions;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Path("/programs/{programId}/staff")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Staff", description = "Who runs a program: organizers, conduct contacts, who may read confidential fields. "
        + "Admins and the program's organizers appoint; every service checks these grants")
public class StaffResource {

    /** A person's place on a program's staff. */
    public record StaffView(UUID personId, String name, String email, List<Grant> grants) {
        static StaffView of(StaffMember m) {
            return new StaffView(m.personId, m.name, m.email, m.grants.stream().map(Grant::valueOf).sorted().toList());
        }
    }

    /** An appointment: the person's account id is the path's; their name and email as notices should address them. */
    public record StaffAppointment(
            @NotBlank @Size(max = 200) @SingleLine @Schema(description = "How notices address the person") String name,
            @NotBlank @Email @Size(max = 320) @Schema(description = "Where the program's notices to its staff go") String email,
            @NotNull @NotEmpty @Schema(description = "ORGANIZER runs the program; CONDUCT_CONTACT reads conduct reports; "
                    + "CONFIDENTIAL (with ORGANIZER) reads self-identification") Set<@NotNull Grant> grants) {
    }

    private final StaffService staff;
    private final ProgramAuthority authority;
    private final Audit audit;

    public StaffResource(StaffService staff, ProgramAuthority authority, Audit audit) {
        this.staff = staff;
        this.authority = authority;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "The program's staff (admins and the program's organizers)")
    @APIResponse(responseCode = "200", description = "Everyone on the staff, by name")
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<List<StaffView>>> listStaff(@PathParam("programId") UUID programId) {
        return authority.requireOrAdmin(programId, Grant.ORGANIZER).chain(() -> staff.list(programId))
                .map(found -> Preconditions.ok(found.members().stream().map(StaffView::of).toList(), found.revision()));
    }

    @PUT
    @Path("/{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Appoint a person (their account id) or change their grants (admins and the program's organizers)")
    @APIResponse(responseCode = "200", description = "The person's place on the staff",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "400", description = "Invalid: each bad field is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It would leave the program without an organizer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<StaffView>> appoint(@PathParam("programId") UUID programId, @PathParam("personId") UUID personId,
                                                @Valid @NotNull StaffAppointment body,
                                                @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return authority.requireOrAdmin(programId, Grant.ORGANIZER)
                .chain(() -> audit.command(() -> staff.appoint(programId,
                                new StaffService.Appointment(personId, body.name(), body.email(), body.grants()), IfMatch.of(ifMatch)),
                        appointed -> new Audit.Entry(programId, "STAFF_APPOINTED", personId, null,
                                Map.of("grants", appointed.member().grants))))
                .map(appointed -> Preconditions.ok(StaffView.of(appointed.member()), appointed.revision()));
    }

    @DELETE
    @Path("/{personId}")
    @Operation(summary = "Remove a person from the staff (admins and the program's organizers)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes, or the person is not on its staff",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The person is the program's last organizer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> remove(@PathParam("programId") UUID programId, @PathParam("personId") UUID personId,
                                @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return authority.requireOrAdmin(programId, Grant.ORGANIZER)
                .chain(() -> audit.command(() -> staff.remove(programId, personId, IfMatch.of(ifMatch)),
                        removed -> Audit.Entry.of(programId, "STAFF_REMOVED", personId)))
                .replaceWith(Response.noContent().build());
    }
}
