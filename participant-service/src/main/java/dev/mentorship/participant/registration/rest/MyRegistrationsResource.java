package dev.mentorship.participant.registration.rest;

import dev.mentorship.participant.registration.service.RegistrationService;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.http.IfMatch;
import dev.mentorship.runtime.http.Preconditions;
import dev.mentorship.runtime.limits.ActionLimits;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

@Path("/me/registrations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "My registrations", description = "The tracks I registered for: read, change my answers, withdraw")
public class MyRegistrationsResource {

    private final RegistrationService registrations;
    private final CurrentUser user;
    private final ActionLimits limits;

    /**
     * A withdrawal tells the partner their pairing ended: limited per person (mentorship.limits.withdrawal), which also
     * bounds a withdraw-and-register loop (each round needs one), while registering itself is never refused for it.
     */
    static final String WITHDRAWAL = "withdrawal";

    public MyRegistrationsResource(RegistrationService registrations, CurrentUser user, ActionLimits limits) {
        this.registrations = registrations;
        this.user = user;
        this.limits = limits;
    }

    @GET
    @Operation(summary = "The tracks I registered for, newest first")
    @APIResponse(responseCode = "200", description = "One page of my registrations")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<RegistrationView>> listMyRegistrations(@Valid @BeanParam PageParams paging) {
        return registrations.listOf(user.id(), paging.page, paging.size).map(page -> page.map(RegistrationView::of));
    }

    @GET
    @Path("/{registrationId}")
    @Operation(summary = "One of my registrations")
    @APIResponse(responseCode = "200", description = "The registration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "404", description = "Not one of mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<RegistrationView>> getMyRegistration(@PathParam("registrationId") UUID registrationId) {
        return registrations.get(user.id(), registrationId).map(r -> Preconditions.ok(RegistrationView.of(r), r.version));
    }

    @PUT
    @Path("/{registrationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace my answers (ParticipantUpdated tells matching and scheduling)")
    @APIResponse(responseCode = "200", description = "The registration with its new answers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid answers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not one of mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many withdrawals by this person in a short time (each tells a partner); Retry-After says when to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<RegistrationView>> updateAnswers(@PathParam("registrationId") UUID registrationId,
                                                             @NotNull @Valid RegistrationUpdate update,
                                                             @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return registrations.updateAnswers(user.id(), registrationId, update.answers(), IfMatch.of(ifMatch))
                .map(r -> Preconditions.ok(RegistrationView.of(r), r.version));
    }

    @POST
    @Path("/{registrationId}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw from the track (ParticipantWithdrawn); doing it twice changes nothing")
    @APIResponse(responseCode = "200", description = "The withdrawn registration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid withdrawal (reason too long, or unreadable JSON)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not one of mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<RegistrationView>> withdraw(@PathParam("registrationId") UUID registrationId,
                                                        @Valid Withdrawal withdrawal) {
        return limits.take(user.id(), WITHDRAWAL)
                .chain(() -> registrations.withdraw(user.id(), registrationId, withdrawal == null ? null : withdrawal.reason()))
                .map(r -> Preconditions.ok(RegistrationView.of(r), r.version));
    }
}
