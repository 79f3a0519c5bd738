package dev.mentorship.matching.pairing.rest;

import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.pairing.service.PairingService;
import dev.mentorship.matching.track.service.TrackDirectory;
import dev.mentorship.runtime.audit.Audit;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import dev.mentorship.runtime.text.SingleLine;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Track pairings (organizers)", description = "A track's pairings and waitlist; dissolving a pairing: "
        + "the program's organizers only (any other caller gets 404)")
public class TrackPairingsResource {

    private final PairingService pairings;
    private final TrackDirectory tracks;
    private final CurrentUser user;
    private final ProgramAuthority authority;
    private final Audit audit;

    public TrackPairingsResource(PairingService pairings, TrackDirectory tracks, CurrentUser user, ProgramAuthority authority,
                                 Audit audit) {
        this.pairings = pairings;
        this.tracks = tracks;
        this.user = user;
        this.authority = authority;
        this.audit = audit;
    }

    /** Why an organizer dissolves a pairing. */
    public record Dissolution(@Size(max = 1000) @SingleLine String note) {
    }

    @GET
    @Path("programs/{programId}/tracks/{trackId}/pairings")
    @Operation(summary = "A track's pairings, newest first, optionally of one status")
    @APIResponse(responseCode = "200", description = "One page of the track's pairings")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<PairingView>> listTrackPairings(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                                    @QueryParam("status") Pairing.Status status, @Valid @BeanParam PageParams paging) {
        return authority.require(programId, Grant.ORGANIZER).chain(() -> tracks.inProgram(programId, trackId)).chain(() -> pairings.listOfTrack(trackId, status, paging.page, paging.size))
                .map(found -> found.page().map(p -> PairingView.of(p, found.people())));
    }

    @GET
    @Path("programs/{programId}/tracks/{trackId}/waitlist")
    @Operation(summary = "The track's waitlist in the order it is served (priority shown only with the confidential grant)")
    @APIResponse(responseCode = "200", description = "The waitlist, first served first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WaitlistView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "Unknown track",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<WaitlistView>> waitlist(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId) {
        return authority.require(programId, Grant.ORGANIZER).chain(() -> tracks.inProgram(programId, trackId))
                .chain(() -> authority.holds(programId, Grant.CONFIDENTIAL))
                .chain(confidential -> pairings.waitlist(trackId)
                        .call(() -> confidential ? audit.read(programId, "CONFIDENTIAL_WAITLIST_READ", trackId) : Uni.createFrom().voidItem())
                        .map(waitlist -> WaitlistView.of(waitlist, confidential)));
    }

    @POST
    @Path("pairings/{pairingId}/dissolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dissolve a pairing (PairingDissolved); the mentee goes back to matching, never with this mentor")
    @APIResponse(responseCode = "200", description = "The dissolved pairing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid note (too long, or unreadable JSON)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown pairing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Dissolved already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PairingView> dissolve(@PathParam("pairingId") UUID pairingId, @Valid Dissolution dissolution) {
        return authority.requireFor(pairings.programOf(pairingId), Grant.ORGANIZER, "There is no pairing " + pairingId + ".")
                .chain(() -> audit.command(() -> pairings.dissolve(pairingId, dissolution == null ? null : dissolution.note(), user.id()),
                        found -> new Audit.Entry(found.page().items().get(0).programId, "PAIRING_DISSOLVED", pairingId,
                                Map.of("status", "ACTIVE"), Map.of("status", "DISSOLVED"))))
                .map(found -> PairingView.of(found.page().items().get(0), found.people()));
    }
}
