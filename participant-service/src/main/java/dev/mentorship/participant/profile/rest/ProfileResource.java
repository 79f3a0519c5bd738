package dev.mentorship.participant.profile.rest;

import dev.mentorship.participant.profile.ProfileInput;
import dev.mentorship.participant.profile.SelfIdentificationInput;
import dev.mentorship.participant.profile.service.PrivacyService;
import dev.mentorship.participant.profile.service.ProfileService;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.http.IfMatch;
import dev.mentorship.runtime.http.Preconditions;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Me", description = "My profile, my self-identification, a copy of my data, erasure")
public class ProfileResource {

    private final ProfileService profiles;
    private final PrivacyService privacy;
    private final CurrentUser user;

    public ProfileResource(ProfileService profiles, PrivacyService privacy, CurrentUser user) {
        this.profiles = profiles;
        this.privacy = privacy;
        this.user = user;
    }

    @GET
    @Operation(summary = "My profile")
    @APIResponse(responseCode = "200", description = "My profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "404", description = "No profile yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ProfileView>> getProfile() {
        return profiles.get(user.id()).map(p -> Preconditions.ok(ProfileView.of(p), p.version));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace my profile (my email comes from my account)")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names it (/me)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "400", description = "Invalid profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ProfileView>> saveProfile(@NotNull @Valid ProfileInput input,
                                                     @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return profiles.save(user.id(), user.name(), user.email(), input, IfMatch.of(ifMatch))
                .map(saved -> saved.created()
                        ? Preconditions.created(URI.create("/me"), ProfileView.of(saved.participant()), saved.participant().version)
                        : Preconditions.ok(ProfileView.of(saved.participant()), saved.participant().version));
    }

    @DELETE
    @Operation(summary = "Erase me: my data here is deleted and every other service is told to forget me")
    @APIResponse(responseCode = "204", description = "Erased (or there was nothing to erase)")
    public Uni<Response> erase() {
        return privacy.erase(user.id()).map(any -> Response.noContent().build());
    }

    @GET
    @Path("/export")
    @Operation(summary = "Everything this service holds about me, as JSON")
    public Uni<MyData> export() {
        return privacy.export(user.id()).map(MyData::of);
    }

    @GET
    @Path("/self-identification")
    @Operation(summary = "What I confided about myself (organizers alone see it)")
    @APIResponse(responseCode = "200", description = "What I confided",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SelfIdentificationView.class)))
    @APIResponse(responseCode = "404", description = "Nothing confided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SelfIdentificationView>> selfIdentification() {
        return profiles.selfIdentification(user.id()).map(s -> Preconditions.ok(SelfIdentificationView.of(s), s.version));
    }

    @PUT
    @Path("/self-identification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confide, optionally, that I belong to an underrepresented group; "
            + "a track may then give me priority on its waitlist (only that flag leaves this service)")
    @APIResponse(responseCode = "200", description = "What I confided, as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SelfIdentificationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid self-identification",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No profile yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SelfIdentificationView>> selfIdentify(@NotNull @Valid SelfIdentificationInput input,
                                                                 @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return profiles.selfIdentify(user.id(), input, IfMatch.of(ifMatch))
                .map(s -> Preconditions.ok(SelfIdentificationView.of(s), s.version));
    }

    @DELETE
    @Path("/self-identification")
    @Operation(summary = "Take back what I confided")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> withdrawSelfIdentification() {
        return profiles.withdrawSelfIdentification(user.id()).map(v -> Response.noContent().build());
    }
}
