package dev.mentorship.notification.inbox.rest;

import dev.mentorship.notification.inbox.service.InboxService;
import dev.mentorship.notification.rest.Page;
import dev.mentorship.notification.rest.PageParams;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "My inbox")
public class MyNotificationsResource {

    private final InboxService inbox;
    private final SecurityIdentity identity;

    public MyNotificationsResource(InboxService inbox, SecurityIdentity identity) {
        this.inbox = inbox;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "My inbox, newest first; ?unread=true for unread messages only")
    public Uni<Page<NotificationView>> list(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
                                            @Valid @BeanParam PageParams paging) {
        UUID me = UUID.fromString(identity.getPrincipal().getName());
        return inbox.inboxOf(me, unreadOnly, paging.page, paging.size).map(page -> page.map(NotificationView::of));
    }
}
