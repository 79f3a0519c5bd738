package dev.mentorship.schedule.groupsession.rest;

import dev.mentorship.runtime.audit.Audit;
import dev.mentorship.runtime.http.IfMatch;
import dev.mentorship.runtime.http.Preconditions;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import dev.mentorship.schedule.groupsession.service.GroupSessionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A track's group sessions: the people registered in it (and its program's organizers) list them with the seats left
 * and read each one's calendar file; organizers add, change and remove sessions (audited).
 */
@Path("/programs/{programId}/tracks/{trackId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Group sessions", description = "A group-session milestone's sessions (the career track's online group workshop): "
        + "each person of the track joins one or more; calendar files; organizers set them")
public class GroupSessionResource {

    private static final String ICS = "text/calendar";

    private final GroupSessionService sessions;
    private final ProgramAuthority authority;
    private final CurrentUser user;
    private final Audit audit;

    public GroupSessionResource(GroupSessionService sessions, ProgramAuthority authority, CurrentUser user, Audit audit) {
        this.sessions = sessions;
        this.authority = authority;
        this.user = user;
        this.audit = audit;
    }

    @GET
    @Path("/group-sessions")
    @Operation(summary = "The track's group sessions, soonest first, with the seats left and whether I joined each "
            + "(the people registered in the track, and its program's organizers)")
    @APIResponse(responseCode = "200", description = "The sessions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupSessionViews.Offer.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such published program and track that the caller is registered in (or organizes)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<GroupSessionViews.Offer>> listGroupSessions(@PathParam("programId") UUID programId,
                                                                @PathParam("trackId") UUID trackId) {
        return authority.holds(programId, Grant.ORGANIZER)
                .chain(organizer -> sessions.offers(programId, trackId, user.id(), organizer))
                .map(list -> list.stream().map(GroupSessionViews.Offer::of).toList());
    }

    @GET
    @Path("/group-sessions/{sessionId}.ics")
    @Produces(ICS)
    @Operation(summary = "A group session as an iCalendar file: start, end, the online link as URL and LOCATION")
    @APIResponse(responseCode = "200", description = "The session's calendar file, as an attachment",
            content = @Content(mediaType = ICS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such session in a track the caller is registered in (or organizes)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> groupSessionIcs(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                         @PathParam("sessionId") UUID sessionId) {
        return authority.holds(programId, Grant.ORGANIZER)
                .chain(organizer -> sessions.ics(programId, trackId, sessionId, user.id(), organizer))
                .map(ics -> Response.ok(ics, ICS + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"group-session-" + sessionId + ".ics\"").build());
    }

    @GET
    @Path("/milestones/{milestoneId}/sessions/{key}")
    @Operation(summary = "A session of a group-session milestone, with its ETag (the program's organizers)")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupSessionViews.Session.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes, milestone or session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The milestone is not a GROUP_SESSION",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<GroupSessionViews.Session>> getSession(@PathParam("programId") UUID programId,
                                                                   @PathParam("trackId") UUID trackId,
                                                                   @PathParam("milestoneId") UUID milestoneId,
                                                                   @PathParam("key") String key) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> sessions.session(programId, trackId, milestoneId, key))
                .map(s -> Preconditions.ok(GroupSessionViews.Session.of(s), s.version));
    }

    @PUT
    @Path("/milestones/{milestoneId}/sessions/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add or change a session of a group-session milestone (the program's organizers), e.g. when a "
            + "\"date TBA\" is announced: If-Match with its ETag to change it, none to add it; a published program's reminders "
            + "follow, and a change of time, length or link raises its calendar SEQUENCE (GROUP_SESSION_SET)")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupSessionViews.Session.class)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupSessionViews.Session.class)))
    @APIResponse(responseCode = "400", description = "Invalid: each bad field is listed (the start must fall within the milestone's day, the link be https)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes, or milestone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a GROUP_SESSION milestone, or a capacity below the seats taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<GroupSessionViews.Session>> setSession(@PathParam("programId") UUID programId,
                                                                   @PathParam("trackId") UUID trackId,
                                                                   @PathParam("milestoneId") UUID milestoneId,
                                                                   @PathParam("key") @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
                                                                           message = "must be lower-case letters, digits and dashes") String key,
                                                                   @Valid @NotNull GroupSessionViews.Change body,
                                                                   @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> audit.command(() -> sessions.set(programId, trackId, milestoneId, key, body.startsAt(),
                                body.durationMinutes(), body.onlineUrl(), body.capacity(), IfMatch.of(ifMatch)),
                        changed -> new Audit.Entry(programId, "GROUP_SESSION_SET", changed.session().id, changed.before(),
                                GroupSessionService.describe(changed.session()))))
                .map(changed -> changed.before() == null
                        ? Preconditions.created(URI.create("/programs/" + programId + "/tracks/" + trackId + "/milestones/"
                        + milestoneId + "/sessions/" + key), GroupSessionViews.Session.of(changed.session()), changed.session().version)
                        : Preconditions.ok(GroupSessionViews.Session.of(changed.session()), changed.session().version));
    }

    @DELETE
    @Path("/milestones/{milestoneId}/sessions/{key}")
    @Operation(summary = "Remove a session nobody joined (the program's organizers) (GROUP_SESSION_REMOVED)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes, milestone or session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Seats are taken in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> removeSession(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                       @PathParam("milestoneId") UUID milestoneId, @PathParam("key") String key) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> audit.command(() -> sessions.remove(programId, trackId, milestoneId, key),
                        removed -> new Audit.Entry(programId, "GROUP_SESSION_REMOVED", removed.session().id, removed.before(),
                                Map.of())))
                .replaceWith(Response.noContent().build());
    }
}
