package dev.mentorship.matching.run.rest;

import dev.mentorship.runtime.audit.Audit;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.idempotency.Idempotency;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.mentorship.matching.track.service.TrackDirectory;
import dev.mentorship.matching.run.PairConstraint;
import dev.mentorship.matching.run.service.MatchingService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Matching runs (organizers)", description = "Dry runs, pins and forbids, publishing: the program's organizers only "
        + "(any other caller gets 404)")
public class MatchingRunResource {

    private final MatchingService runs;
    private final TrackDirectory tracks;
    private final CurrentUser user;
    private final ProgramAuthority authority;
    private final Audit audit;
    private final Idempotency idempotency;

    public MatchingRunResource(MatchingService runs, TrackDirectory tracks, CurrentUser user, ProgramAuthority authority,
                               Audit audit, Idempotency idempotency) {
        this.runs = runs;
        this.tracks = tracks;
        this.user = user;
        this.authority = authority;
        this.audit = audit;
        this.idempotency = idempotency;
    }

    @POST
    @Path("programs/{programId}/tracks/{trackId}/matching-runs")
    @Operation(summary = "Dry run: the optimal proposal for the track's mentees still without a mentor, with a report")
    @APIResponse(responseCode = "201", description = "The proposal (a draft); Location names the run",
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", description = "Invalid Idempotency-Key (errors name header.Idempotency-Key)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown track",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A run of this track is in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = Idempotency.REUSED_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> run(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                             @HeaderParam(Idempotency.HEADER) @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER,
                                     description = Idempotency.HEADER_DESCRIPTION,
                                     schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Idempotency.MAX_KEY_LENGTH))
                             String idempotencyKey) {
        // organizers only, before any replay; the run, its audit record and the stored answer commit together
        return organizes(programId, trackId)
                .chain(() -> idempotency.once(idempotencyKey, null, () -> audit.command(() -> runs.dryRun(trackId, user.id()),
                                detail -> Audit.Entry.of(programId, "MATCHING_RUN", detail.run().id))
                        .chain(this::view)
                        .map(view -> Response.created(URI.create("/matching-runs/" + view.id())).entity(view).build())));
    }

    @GET
    @Path("programs/{programId}/tracks/{trackId}/matching-runs")
    @Operation(summary = "The track's runs, newest first, without their pairs")
    @APIResponse(responseCode = "200", description = "The runs, without their pairs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class, type = SchemaType.ARRAY)))
    public Uni<List<RunView>> listRuns(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId) {
        return organizes(programId, trackId).chain(() -> runs.runsOf(trackId)).map(list -> list.stream().map(RunView::summary).toList());
    }

    @GET
    @Path("matching-runs/{runId}")
    @Operation(summary = "A run with its pairs, their scores and explanations, and who is left and why")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "Unknown run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RunView> getRun(@PathParam("runId") UUID runId) {
        return organizesRun(runId).chain(() -> runs.get(runId)).chain(this::view);
    }

    @POST
    @Path("matching-runs/{runId}/publish")
    @Operation(summary = "Publish a draft: PairingCreated per pair, MenteeWaitlisted per mentee left, then MatchingRunPublished")
    @APIResponse(responseCode = "200", description = "The published run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "Unknown run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not the latest draft, or the track changed since: run again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RunView> publish(@PathParam("runId") UUID runId) {
        return organizesRun(runId)
                .chain(() -> audit.command(() -> runs.publish(runId),
                        detail -> Audit.Entry.of(detail.run().programId, "MATCHING_RUN_PUBLISHED", runId)))
                .chain(this::view);
    }

    @POST
    @Path("matching-runs/{runId}/pins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pin a pair: every following run of the track keeps it")
    @APIResponse(responseCode = "201", description = "Pinned; Location names the pin (remove it with DELETE)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConstraintInput.View.class)))
    @APIResponse(responseCode = "400", description = "Invalid pair: each id must be a mentee or mentor registration of the run's track",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> pin(@PathParam("runId") UUID runId, @NotNull @Valid ConstraintInput input) {
        return constrain(runId, PairConstraint.Kind.PIN, input);
    }

    @POST
    @Path("matching-runs/{runId}/forbids")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Forbid a pair: no following run of the track proposes it")
    @APIResponse(responseCode = "201", description = "Forbidden; Location names the forbid (remove it with DELETE)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConstraintInput.View.class)))
    @APIResponse(responseCode = "400", description = "Invalid pair: each id must be a mentee or mentor registration of the run's track",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> forbid(@PathParam("runId") UUID runId, @NotNull @Valid ConstraintInput input) {
        return constrain(runId, PairConstraint.Kind.FORBID, input);
    }

    @GET
    @Path("programs/{programId}/tracks/{trackId}/constraints")
    @Operation(summary = "The track's pinned and forbidden pairs")
    @APIResponse(responseCode = "200", description = "The pins and forbids, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConstraintInput.View.class, type = SchemaType.ARRAY)))
    public Uni<List<ConstraintInput.View>> constraints(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId) {
        return organizes(programId, trackId).chain(() -> runs.constraints(trackId)).map(list -> list.stream().map(ConstraintInput.View::of).toList());
    }

    @DELETE
    @Path("programs/{programId}/tracks/{trackId}/constraints/{constraintId}")
    @Operation(summary = "Remove a pin or a forbid")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The track has no such pin or forbid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> removeConstraint(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                          @PathParam("constraintId") UUID constraintId) {
        return organizes(programId, trackId)
                .chain(() -> audit.command(() -> runs.removeConstraint(trackId, constraintId).invoke(removed -> {
                            if (!removed) {
                                // fails the command's transaction: nothing removed, nothing recorded
                                throw new NotFoundException("The track has no pin or forbid " + constraintId + ".");
                            }
                        }),
                        removed -> Audit.Entry.of(programId, "CONSTRAINT_REMOVED", constraintId)))
                .replaceWith(Response.noContent().build());
    }

    private Uni<Response> constrain(UUID runId, PairConstraint.Kind kind, ConstraintInput input) {
        return organizesRun(runId)
                .chain(() -> audit.command(() -> runs.constrain(runId, kind, input.menteeRegistrationId(), input.mentorRegistrationId(), user.id()),
                        done -> new Audit.Entry(done.programId(), kind == PairConstraint.Kind.PIN ? "PAIR_PINNED" : "PAIR_FORBIDDEN",
                                done.constraint().id, null, Map.of("mentee", String.valueOf(input.menteeRegistrationId()),
                                "mentor", String.valueOf(input.mentorRegistrationId()), "run", runId.toString()))))
                .map(done -> Response.created(URI.create("/programs/" + done.programId() + "/tracks/" + done.constraint().trackId
                                + "/constraints/" + done.constraint().id))
                        .entity(ConstraintInput.View.of(done.constraint())).build());
    }

    /** The program's organizers only; and the track must be of that program. */
    private Uni<Void> organizes(UUID programId, UUID trackId) {
        return authority.require(programId, Grant.ORGANIZER).chain(() -> tracks.inProgram(programId, trackId)).replaceWithVoid();
    }

    /** The run as the caller may see it: priorities only with the program's confidential grant. */
    private Uni<RunView> view(MatchingService.RunDetail detail) {
        return authority.holds(detail.run().programId, Grant.CONFIDENTIAL).map(confidential -> RunView.of(detail, confidential));
    }

    private Uni<Void> organizesRun(UUID runId) {
        return authority.requireFor(runs.programOf(runId), Grant.ORGANIZER, "There is no matching run " + runId + ".");
    }
}
