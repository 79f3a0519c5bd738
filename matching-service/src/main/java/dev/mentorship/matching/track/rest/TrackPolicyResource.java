package dev.mentorship.matching.track.rest;

import dev.mentorship.matching.track.service.TrackPolicyService;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.audit.Audit;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.matching.track.PolicySettings;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import dev.mentorship.matching.track.TrackPolicy;
import dev.mentorship.runtime.http.IfMatch;
import dev.mentorship.runtime.http.Preconditions;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.util.UUID;

@Path("/programs/{programId}/tracks/{trackId}/matching-policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Matching policy (organizers)", description = "How a track's mentees and mentors are scored and paired: "
        + "the program's organizers only (any other caller gets 404)")
public class TrackPolicyResource {

    private final TrackPolicyService policies;
    private final CurrentUser user;
    private final ProgramAuthority authority;
    private final Audit audit;

    public TrackPolicyResource(TrackPolicyService policies, CurrentUser user, ProgramAuthority authority, Audit audit) {
        this.policies = policies;
        this.user = user;
        this.authority = authority;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "The track's matching policy (defaults by track kind until set)")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "404", description = "Unknown track",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PolicyView>> getPolicy(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId) {
        return authority.require(programId, Grant.ORGANIZER).chain(() -> policies.policy(programId, trackId))
                .map(current -> Preconditions.ok(PolicyView.of(current.settings()), current.version()));
    }

    @PUT
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
    public Uni<RestResponse<PolicyView>> setPolicy(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                                   @NotNull @Valid PolicyView input,
                                                   @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        record Change(PolicySettings before, TrackPolicy after) {
        }
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> audit.command(() -> policies.policy(programId, trackId).chain(before -> policies
                                .setPolicy(programId, trackId, input.settings(), user.id(), IfMatch.of(ifMatch))
                                .map(after -> new Change(before.settings(), after))),
                        change -> new Audit.Entry(programId, "MATCHING_POLICY_SET", trackId, PolicyView.of(change.before()),
                                PolicyView.of(PolicySettings.of(change.after())))))
                // once committed, the policy carries its new version
                .map(change -> Preconditions.ok(PolicyView.of(PolicySettings.of(change.after())), change.after().version));
    }
}
