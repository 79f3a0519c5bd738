package dev.mentorship.notification.preference.rest;

import dev.mentorship.notification.preference.EmailChoices;
import dev.mentorship.notification.preference.Preference;
import dev.mentorship.notification.preference.service.PreferenceService;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.http.IfMatch;
import dev.mentorship.runtime.http.Preconditions;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/me/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "My notification preferences", description = "Which notices come by email, and the daily digest")
public class PreferenceResource {

    private final PreferenceService preferences;
    private final CurrentUser user;

    public PreferenceResource(PreferenceService preferences, CurrentUser user) {
        this.preferences = preferences;
        this.user = user;
    }

    /** Which notices come by email. Registration, pairing and conduct notices always do. */
    public record Preferences(
            @NotNull @Schema(description = "deadline reminders and moved deadlines") Boolean deadlines,
            @NotNull @Schema(description = "meeting confirmations, changes and reminders, draft reminders") Boolean meetings,
            @NotNull @Schema(description = "reminders when a pairing has not met for a while") Boolean inactivity,
            @NotNull @Schema(description = "the optional notices above in one email a day instead") Boolean dailyDigest,
            @Schema(description = "the application deadlines of programs I follow and of new editions of programs I took part "
                    + "in (off: none of these, not even in the inbox); absent: unchanged") Boolean programNews,
            @Schema(description = "announcements of the organizers of my programs (they stay in the inbox; an announcement "
                    + "the organizers mark essential is mailed anyway); absent: unchanged") Boolean announcements,
            @Schema(description = "always true: pairing and waitlist notices cannot be turned off") Boolean pairing,
            @Schema(description = "always true: conduct notices cannot be turned off") Boolean conduct) {

        @AssertTrue(message = "cannot be turned off")
        @Schema(hidden = true)
        public boolean isPairingOn() {
            return pairing == null || pairing;
        }

        @AssertTrue(message = "cannot be turned off")
        @Schema(hidden = true)
        public boolean isConductOn() {
            return conduct == null || conduct;
        }

        static Preferences of(Preference p) {
            return new Preferences(p.deadlines, p.meetings, p.inactivity, p.dailyDigest, p.programNews, p.announcements, true, true);
        }
    }

    @GET
    @Operation(summary = "My choices (defaults: everything by email, no digest)")
    public Uni<RestResponse<Preferences>> getPreferences() {
        return preferences.of(user.id()).map(p -> Preconditions.ok(Preferences.of(p), p.version));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose which notices come by email, and the daily digest")
    @APIResponse(responseCode = "200", description = "My choices as saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Preferences.class)))
    @APIResponse(responseCode = "400", description = "Invalid choices (a missing choice, or turning off pairing or conduct notices)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Preferences>> setPreferences(@NotNull @Valid Preferences input,
                                                         @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        EmailChoices choices = new EmailChoices(input.deadlines(), input.meetings(), input.inactivity(), input.dailyDigest(),
                input.programNews(), input.announcements());
        return preferences.choose(user.id(), choices, IfMatch.of(ifMatch)).map(p -> Preconditions.ok(Preferences.of(p), p.version));
    }
}
