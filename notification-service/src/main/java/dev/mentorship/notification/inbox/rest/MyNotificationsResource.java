package dev.mentorship.notification.inbox.rest;

import dev.mentorship.notification.inbox.service.InboxService;
import dev.mentorship.notification.inbox.service.LiveNotifications;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.UUID;

@Path("/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "My inbox", description = "My in-app notifications: read, mark, and follow live")
public class MyNotificationsResource {

    private final InboxService inbox;
    private final LiveNotifications live;
    private final CurrentUser user;

    public MyNotificationsResource(InboxService inbox, LiveNotifications live, CurrentUser user) {
        this.inbox = inbox;
        this.live = live;
        this.user = user;
    }

    /** How many messages I have not read. */
    public record Unread(long unread) {
    }

    @GET
    @Operation(summary = "My inbox, newest first; ?unread=true for unread messages only")
    @APIResponse(responseCode = "200", description = "One page of my messages")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<NotificationView>> listMyNotifications(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
                                                           @Valid @BeanParam PageParams paging) {
        return inbox.inboxOf(user.id(), unreadOnly, paging.page, paging.size).map(page -> page.map(NotificationView::of));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many messages I have not read")
    public Uni<Unread> unread() {
        return inbox.unread(user.id()).map(Unread::new);
    }

    @POST
    @Path("/{notificationId}/read")
    @Operation(summary = "Mark a message read")
    @APIResponse(responseCode = "200", description = "The message, read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "404", description = "Not a message of mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<NotificationView> read(@PathParam("notificationId") UUID id) {
        return inbox.mark(user.id(), id, true).map(NotificationView::of);
    }

    @POST
    @Path("/{notificationId}/unread")
    @Operation(summary = "Mark a message unread")
    @APIResponse(responseCode = "200", description = "The message, unread",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "404", description = "Not a message of mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<NotificationView> unreadOne(@PathParam("notificationId") UUID id) {
        return inbox.mark(user.id(), id, false).map(NotificationView::of);
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark every message read")
    public Uni<Unread> readAll() {
        return inbox.readAll(user.id()).map(n -> new Unread(0));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "My new notifications as they arrive (server-sent events); only mine")
    public Multi<NotificationView> stream() {
        UUID me = user.id();
        return live.stream(me).map(NotificationView::of);
    }
}
