package dev.mentorship.matching.pairing.rest;

import dev.mentorship.matching.pairing.service.PairingService;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/me/pairings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "My pairings", description = "The pairings I am in, as mentor or mentee")
public class MyPairingsResource {

    private final PairingService pairings;
    private final SecurityIdentity identity;

    public MyPairingsResource(PairingService pairings, SecurityIdentity identity) {
        this.pairings = pairings;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The pairings I am in, as mentor or mentee, newest first")
    @APIResponse(responseCode = "200", description = "One page of my pairings")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<MyPairingView>> listMyPairings(@Valid @BeanParam PageParams paging) {
        UUID me = UUID.fromString(identity.getPrincipal().getName());
        return pairings.listOfMember(me, paging.page, paging.size)
                .map(found -> found.page().map(p -> MyPairingView.of(p, me, found.people())));
    }
}
