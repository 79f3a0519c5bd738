package dev.mentorship.notification.delivery.rest;

import dev.mentorship.notification.delivery.EmailDelivery;
import dev.mentorship.notification.delivery.service.DeliveryService;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.UUID;

@Path("/programs/{programId}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Email deliveries (organizers)", description = "The log of emails sent and failed")
public class DeliveryResource {

    private final DeliveryService deliveries;
    private final ProgramAuthority authority;

    public DeliveryResource(DeliveryService deliveries, ProgramAuthority authority) {
        this.deliveries = deliveries;
        this.authority = authority;
    }

    @GET
    @Operation(summary = "The program's mails: what was sent and what failed, newest first; ?status=FAILED for the failures "
            + "(the program's organizers)")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<DeliveryView>> listDeliveries(@PathParam("programId") UUID programId,
                                                  @QueryParam("status") EmailDelivery.Status status,
                                                  @Valid @BeanParam PageParams paging) {
        return authority.require(programId, Grant.ORGANIZER).chain(() -> deliveries.list(programId, status, paging.page, paging.size))
                .map(page -> page.map(DeliveryView::of));
    }
}
