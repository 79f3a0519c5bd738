package dev.mentorship.notification.delivery.rest;

import dev.mentorship.notification.contact.service.OrganizerSeen;
import dev.mentorship.notification.delivery.EmailDelivery;
import dev.mentorship.notification.delivery.service.DeliveryService;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("organizer")
@Tag(name = "Email deliveries (organizers)", description = "The log of emails sent and failed")
public class DeliveryResource {

    private final DeliveryService deliveries;
    private final OrganizerSeen organizers;
    private final CurrentUser user;

    public DeliveryResource(DeliveryService deliveries, OrganizerSeen organizers, CurrentUser user) {
        this.deliveries = deliveries;
        this.organizers = organizers;
        this.user = user;
    }

    @GET
    @Operation(summary = "What was sent and what failed, newest first; ?status=FAILED for the failures")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<DeliveryView>> listDeliveries(@QueryParam("status") EmailDelivery.Status status,
                                                  @Valid @BeanParam PageParams paging) {
        return organizers.remember(user).chain(() -> deliveries.list(status, paging.page, paging.size))
                .map(page -> page.map(DeliveryView::of));
    }
}
