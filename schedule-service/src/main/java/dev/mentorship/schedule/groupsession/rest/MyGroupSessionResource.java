package dev.mentorship.schedule.groupsession.rest;

import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.schedule.groupsession.service.GroupSessionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The group sessions I chose. A seat is a fact, not a document: joining again is answered as it stands (no If-Match),
 * and a person may hold seats in several sessions of one milestone (the seeds: "welcome to join both sessions").
 */
@Path("/me/group-sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Group sessions")
public class MyGroupSessionResource {

    private final GroupSessionService sessions;
    private final CurrentUser user;

    public MyGroupSessionResource(GroupSessionService sessions, CurrentUser user) {
        this.sessions = sessions;
        this.user = user;
    }

    @GET
    @Operation(summary = "The group sessions I joined, soonest first")
    @APIResponse(responseCode = "200", description = "My sessions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupSessionViews.Offer.class, type = SchemaType.ARRAY)))
    public Uni<List<GroupSessionViews.Offer>> listMyGroupSessions() {
        return sessions.mine(user.id()).map(list -> list.stream().map(GroupSessionViews.Offer::of).toList());
    }

    @PUT
    @Path("/{sessionId}")
    @Operation(summary = "Join a group session of a track I am registered in (with a role of its audience); idempotent. "
            + "Its reminders (a day and an hour before its start) and my calendar feed follow")
    @APIResponse(responseCode = "201", description = "Joined: a seat is mine",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupSessionViews.Offer.class)))
    @APIResponse(responseCode = "200", description = "I had joined it already",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupSessionViews.Offer.class)))
    @APIResponse(responseCode = "404", description = "No such session in a published program's track I am registered in",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session is full, or has started",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> joinGroupSession(@PathParam("sessionId") UUID sessionId) {
        return sessions.join(sessionId, user.id()).map(joined -> {
            GroupSessionViews.Offer view = GroupSessionViews.Offer.of(joined.offer());
            return joined.created() ? Response.created(URI.create("/me/group-sessions/" + sessionId)).entity(view).build()
                    : Response.ok(view).build();
        });
    }

    @DELETE
    @Path("/{sessionId}")
    @Operation(summary = "Leave a group session (my seat goes back)")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "404", description = "I hold no seat in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> leaveGroupSession(@PathParam("sessionId") UUID sessionId) {
        return sessions.leave(sessionId, user.id()).replaceWith(Response.noContent().build());
    }
}
