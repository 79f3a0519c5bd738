package dev.mentorship.participant.registration.rest;

import dev.mentorship.participant.registration.service.RegistrationService;
import dev.mentorship.participant.rest.Page;
import dev.mentorship.participant.rest.PageParams;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/me/registrations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "My registrations")
public class MyRegistrationsResource {

    private final RegistrationService registrations;
    private final SecurityIdentity identity;

    public MyRegistrationsResource(RegistrationService registrations, SecurityIdentity identity) {
        this.registrations = registrations;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The tracks I registered for, newest first")
    public Uni<Page<RegistrationView>> list(@Valid @BeanParam PageParams paging) {
        UUID me = UUID.fromString(identity.getPrincipal().getName());
        return registrations.listOf(me, paging.page, paging.size).map(page -> page.map(RegistrationView::of));
    }
}
