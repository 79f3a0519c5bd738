package dev.mentorship.participant.track.rest;

import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.participant.track.service.TrackCatalog;
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

import java.time.Clock;
import java.util.UUID;

@Path("/tracks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Tracks", description = "The tracks of published programs one may register for")
public class TrackResource {

    private final TrackCatalog catalog;
    private final Clock clock;

    public TrackResource(TrackCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The tracks of published programs and whether registering now is open, late or closed")
    @APIResponse(responseCode = "200", description = "One page of tracks")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<TrackView>> listTracks(@QueryParam("programId") UUID programId, @Valid @BeanParam PageParams paging) {
        return catalog.list(programId, paging.page, paging.size)
                .map(page -> page.map(track -> TrackView.of(track, clock.instant())));
    }
}
