package dev.mentorship.matching.track.rest;

import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.matching.run.service.PolicyView;
import dev.mentorship.matching.track.Track;
import dev.mentorship.matching.track.TrackPolicy;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.UUID;

@Path("/programs/{programId}/tracks/{trackId}/matching-policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("organizer")
@Tag(name = "Matching policy (organizers)", description = "How a track's mentees and mentors are scored and paired")
public class TrackPolicyResource {

    private final CurrentUser user;
    private final Clock clock;

    public TrackPolicyResource(CurrentUser user, Clock clock) {
        this.user = user;
        this.clock = clock;
    }

    @GET
    @WithSession
    @Operation(summary = "The track's matching policy (defaults by track kind until set)")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "404", description = "Unknown track",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PolicyView> getPolicy(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId) {
        return track(programId, trackId).chain(track -> TrackPolicy.<TrackPolicy>findById(trackId)
                .map(p -> PolicyView.of(p != null ? p : TrackPolicy.defaults(track))));
    }

    @PUT
    @WithTransaction
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the weights, exclusions, minimum load and rolling mode; runs from now on use it")
    @APIResponse(responseCode = "200", description = "The policy as set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid policy",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown track",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PolicyView> setPolicy(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                     @NotNull @Valid PolicyView input) {
        return track(programId, trackId).chain(track -> TrackPolicy.<TrackPolicy>findById(trackId).chain(existing -> {
            TrackPolicy p = existing != null ? existing : TrackPolicy.defaults(track);
            input.applyTo(p);
            p.updatedAt = clock.instant();
            p.updatedBy = user.id();
            return (existing != null ? Uni.createFrom().item(p) : p.<TrackPolicy>persist()).map(PolicyView::of);
        }));
    }

    private static Uni<Track> track(UUID programId, UUID trackId) {
        return Track.<Track>findById(trackId).map(track -> {
            if (track == null || !track.programId.equals(programId)) {
                throw new NotFoundException("This service has not seen track " + trackId + " of program " + programId + " published.");
            }
            return track;
        });
    }
}
