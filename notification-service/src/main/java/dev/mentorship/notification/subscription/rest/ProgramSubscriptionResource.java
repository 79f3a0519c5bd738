package dev.mentorship.notification.subscription.rest;

import dev.mentorship.notification.subscription.service.SubscriptionService;
import dev.mentorship.notification.subscription.service.SubscriptionService.TokenContact;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * "Tell me about this program": the programs I follow. A follower gets the program's application-deadline reminders
 * (unless they turned program news off, or registered for the track in that role already). A subscription has no
 * fields to change: a PUT on an existing one changes nothing, so it needs no If-Match and has no ETag.
 */
@Path("/me/program-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Programs I follow", description = "Follow a program to hear when it takes applications")
public class ProgramSubscriptionResource {

    private final SubscriptionService subscriptions;
    private final CurrentUser user;

    public ProgramSubscriptionResource(SubscriptionService subscriptions, CurrentUser user) {
        this.subscriptions = subscriptions;
        this.user = user;
    }

    @GET
    @Operation(summary = "The programs I follow, the latest followed first")
    @APIResponse(responseCode = "200", description = "One page of the programs I follow")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<SubscriptionView>> listMyProgramSubscriptions(@Valid @BeanParam PageParams paging) {
        return subscriptions.of(user.id(), paging.page, paging.size).map(page -> page.map(SubscriptionView::of));
    }

    @GET
    @Path("/{programId}")
    @Operation(summary = "Whether I follow this program")
    @APIResponse(responseCode = "200", description = "I follow it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "I do not follow it (or there is no such program)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubscriptionView> getMyProgramSubscription(@PathParam("programId") UUID programId) {
        return subscriptions.get(user.id(), programId).map(SubscriptionView::of);
    }

    @PUT
    @Path("/{programId}")
    @Operation(summary = "Follow a program: its application-deadline reminders reach me; doing it again changes nothing")
    @APIResponse(responseCode = "201", description = "I follow it now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "200", description = "I followed it already",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such program (notification-service knows the published ones)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> follow(@PathParam("programId") UUID programId, @Context UriInfo uri) {
        // the token's address and name, for a person this service has no contact of yet (no registration so far)
        TokenContact contact = new TokenContact(user.name(), user.email());
        return subscriptions.follow(user.id(), programId, contact).map(followed -> {
            SubscriptionView view = SubscriptionView.of(followed.subscription());
            return followed.created() ? Response.created(uri.getAbsolutePath()).entity(view).build() : Response.ok(view).build();
        });
    }

    @DELETE
    @Path("/{programId}")
    @Operation(summary = "Stop following a program; doing it again changes nothing")
    @APIResponse(responseCode = "204", description = "I do not follow it (any more)")
    @APIResponse(responseCode = "404", description = "No such program",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> unfollow(@PathParam("programId") UUID programId) {
        return subscriptions.unfollow(user.id(), programId).replaceWith(Response.noContent().build());
    }
}
