package dev.mentorship.participant.registration.rest;

import dev.mentorship.participant.registration.Registration;
import dev.mentorship.participant.registration.service.RegistrationService;
import dev.mentorship.participant.rest.Page;
import dev.mentorship.participant.rest.PageParams;
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

@Path("/programs/{programId}/tracks/{trackId}/registrations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("organizer")
@Tag(name = "Track registrations (organizers)")
public class TrackRegistrationsResource {

    private final RegistrationService registrations;

    public TrackRegistrationsResource(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @GET
    @Operation(summary = "A track's registrations in the order they came in, optionally of one role")
    public Uni<Page<RegistrationView>> list(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                            @QueryParam("role") Registration.Role role,
                                            @Valid @BeanParam PageParams paging) {
        return registrations.listOfTrack(programId, trackId, role, paging.page, paging.size)
                .map(page -> page.map(RegistrationView::of));
    }
}
