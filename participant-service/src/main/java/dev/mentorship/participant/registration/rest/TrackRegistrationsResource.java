package dev.mentorship.participant.registration.rest;

import dev.mentorship.participant.registration.RegistrationInput;
import dev.mentorship.participant.registration.Registration;
import dev.mentorship.participant.registration.TrackFilter;
import dev.mentorship.participant.registration.rest.RegistrationCsv;
import dev.mentorship.participant.registration.service.RegistrationService;
import dev.mentorship.runtime.audit.Audit;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.idempotency.Idempotency;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import dev.mentorship.runtime.http.IfMatch;
import dev.mentorship.runtime.http.Preconditions;
import io.smallrye.mutiny.Uni;
import dev.mentorship.participant.registration.TrackRegistration;
import java.util.List;
import org.jboss.resteasy.reactive.RestMulti;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.HeaderParam;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

@Path("/programs/{programId}/tracks/{trackId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Track registrations", description = "Registering for a track; organizers list, export and set the track's policy")
public class TrackRegistrationsResource {

    private final RegistrationService registrations;
    private final CurrentUser user;
    private final ProgramAuthority authority;
    private final Audit audit;
    private final Idempotency idempotency;

    public TrackRegistrationsResource(RegistrationService registrations, CurrentUser user, ProgramAuthority authority, Audit audit,
                                      Idempotency idempotency) {
        this.registrations = registrations;
        this.user = user;
        this.authority = authority;
        this.audit = audit;
        this.idempotency = idempotency;
    }

    /** The filters organizers may apply to a track's registrations. */
    public static class Filters {
        @QueryParam("role")
        public Registration.Role role;
        @QueryParam("status")
        public Registration.Status status;
        @QueryParam("late")
        public Boolean late;
        @QueryParam("priority")
        @Parameter(description = "Confidential (derived from self-identification): only with the program's confidential grant")
        public Boolean priority;
        @QueryParam("q")
        @Size(max = 200)
        public String text;

        TrackFilter filter() {
            return new TrackFilter(role, status, late, priority, text);
        }
    }

    @POST
    @Path("/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("participant")
    @Operation(summary = "Register for the track as mentor or mentee (ParticipantRegistered); "
            + "registering again for the same role answers with the registration you have")
    @APIResponse(responseCode = "201", description = "Registered; Location names the registration",
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "200", description = "Already registered for this track and role; Location names the registration",
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid registration: each broken rule names its field (header.Idempotency-Key too)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such published track",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Registration is not open (yet, or any more)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = Idempotency.REUSED_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> register(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                  @NotNull @Valid RegistrationInput input,
                                  @HeaderParam(Idempotency.HEADER) @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER,
                                          description = Idempotency.HEADER_DESCRIPTION,
                                          schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Idempotency.MAX_KEY_LENGTH))
                                  String idempotencyKey) {
        RegistrationService.Person person = new RegistrationService.Person(user.id(), user.name(), user.email());
        // with a key, the registration's transaction (the person's lock) joins the key's, which reads no registration
        // data before that lock: what the lock serializes stays serialized
        return idempotency.once(idempotencyKey, input, () -> registrations.register(person, programId, trackId, input).map(result -> {
            RegistrationView view = RegistrationView.of(result.registration());
            return (result.created()
                    ? Response.created(URI.create("/me/registrations/" + view.id()))
                    : Response.ok().location(URI.create("/me/registrations/" + view.id()))).entity(view).build();
        }));
    }

    @GET
    @Path("/registrations")
    @RolesAllowed("participant")
    @Operation(summary = "The track's registrations in the order they came in, with profiles (the program's organizers; "
            + "self-identification and priority only with the confidential grant)")
    @APIResponse(responseCode = "200", description = "One page of the track's registrations")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Filtered by priority without the confidential grant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<TrackRegistrationView>> listTrackRegistrations(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                                                   @Valid @BeanParam Filters filters, @Valid @BeanParam PageParams paging) {
        return confidentialGrant(programId, filters.priority != null)
                .chain(confidential -> registrations.listOfTrack(programId, trackId, filters.filter(), paging.page, paging.size)
                        .call(() -> confidential ? audit.read(programId, "CONFIDENTIAL_REGISTRATIONS_READ", trackId)
                                : Uni.createFrom().voidItem())
                        .map(page -> page.map(row -> TrackRegistrationView.of(row, confidential))));
    }

    @GET
    @Path("/registrations.csv")
    @Produces("text/csv")
    @RolesAllowed("participant")
    @Operation(summary = "The track's registrations as CSV, with the same filters (the program's organizers); the "
            + "confidential columns only when a holder of the confidential grant asks for them (confidential=true)")
    @APIResponse(responseCode = "200", description = "The registrations as a CSV attachment",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Confidential columns or a priority filter without the confidential grant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestMulti<String> registrationsCsv(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                              @Valid @BeanParam Filters filters,
                                              @QueryParam("confidential") @Parameter(description = "Include the confidential columns (priority, self-identification)")
                                              boolean confidential) {
        TrackFilter filter = filters.filter();
        // who may export is settled (and the export audited) before the first byte: a refusal is still problem+json;
        // then the file streams, mentorship.registrations.csv-page registrations at a time, never the whole track in memory
        boolean confidentialRead = confidential || filters.priority != null;
        // who may export is settled, the export audited and the first page read before the first byte, so that a
        // refusal or a bad filter is still problem+json; then the file streams mentorship.registrations.csv-page registrations at a time,
        // never the whole track in memory
        Uni<Page<TrackRegistration>> first = confidentialGrant(programId, confidentialRead)
                .call(granted -> audit.read(programId, confidentialRead
                        ? "CONFIDENTIAL_REGISTRATIONS_EXPORTED" : "REGISTRATIONS_EXPORTED", trackId))
                .chain(granted -> registrations.listOfTrack(programId, trackId, filter, 0, csvPage));
        return RestMulti.fromUniResponse(first, page -> {
            Multi<Page<TrackRegistration>> rest = page.items().size() < csvPage ? Multi.createFrom().empty()
                    : Multi.createBy().repeating()
                    .uni(() -> new int[]{1}, next -> registrations.listOfTrack(programId, trackId, filter, next[0]++, csvPage))
                    .whilst(more -> more.items().size() == csvPage);
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(page), rest)
                    .filter(p -> !p.items().isEmpty())
                    .map(p -> RegistrationCsv.rows(p.items().stream().map(row -> TrackRegistrationView.of(row, confidential)).toList(),
                            confidential))
                    .plug(rows -> Multi.createBy().concatenating().streams(Multi.createFrom().item(RegistrationCsv.header(confidential)), rows));
        }, page -> Map.of("Content-Type", List.of("text/csv; charset=UTF-8"),
                "Content-Disposition", List.of("attachment; filename=\"registrations-" + trackId + ".csv\"")));
    }

    /** Registrations per page of the CSV export (tests make pages small, so that every export spans several). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mentorship.registrations.csv-page", defaultValue = "500")
    int csvPage;

    @GET
    @Path("/registration-policy")
    @RolesAllowed("participant")
    @Operation(summary = "The track's registration policy (the program's organizers)")
    @APIResponse(responseCode = "200", description = "The policy (the default one where none was set)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrackPolicyView.class)))
    public Uni<RestResponse<TrackPolicyView>> policy(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> registrations.policy(programId, trackId)).map(p -> Preconditions.ok(TrackPolicyView.of(p), p.version));
    }

    @PUT
    @Path("/registration-policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("participant")
    @Operation(summary = "Set the track's policy: self-identified underrepresented mentees get waitlist priority (the program's organizers)")
    @APIResponse(responseCode = "200", description = "The policy as set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrackPolicyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid policy",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such published track in a program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<TrackPolicyView>> setPolicy(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                                        @NotNull @Valid TrackPolicyView.Input input,
                                                        @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> audit.command(() -> registrations.setPolicy(programId, trackId, input.prioritiseSelfIdentified(), user.id(),
                                IfMatch.of(ifMatch)),
                        policy -> new Audit.Entry(programId, "REGISTRATION_POLICY_SET", trackId, null,
                                Map.of("prioritiseSelfIdentified", policy.prioritiseSelfIdentified))))
                .map(p -> Preconditions.ok(TrackPolicyView.of(p), p.version));
    }

    /**
     * Continues for an organizer of the program, answering whether they hold its confidential grant; fails with 403
     * where the request needs that grant ({@code needed}) and they do not hold it.
     */
    private Uni<Boolean> confidentialGrant(UUID programId, boolean needed) {
        return authority.require(programId, Grant.ORGANIZER).chain(() -> authority.holds(programId, Grant.CONFIDENTIAL))
                .invoke(granted -> {
                    if (needed && !granted) {
                        throw new ForbiddenException("What people confide (self-identification and the priority derived "
                                + "from it) is shown only to organizers who hold the program's confidential grant.");
                    }
                });
    }
}
