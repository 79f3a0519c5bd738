package dev.mentorship.matching.pairing.rest;

import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.pairing.service.PairingService;
import dev.mentorship.matching.rest.Page;
import dev.mentorship.matching.rest.PageParams;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/tracks/{trackId}/pairings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("organizer")
@Tag(name = "Track pairings (organizers)")
public class TrackPairingsResource {

    private final PairingService pairings;

    public TrackPairingsResource(PairingService pairings) {
        this.pairings = pairings;
    }

    @GET
    @Operation(summary = "A track's pairings, newest first, optionally of one status")
    public Uni<Page<PairingView>> list(@PathParam("trackId") UUID trackId, @QueryParam("status") Pairing.Status status,
                                       @Valid @BeanParam PageParams paging) {
        return pairings.listOfTrack(trackId, status, paging.page, paging.size).map(page -> page.map(PairingView::of));
    }
}
