package dev.mentorship.schedule.survey.rest;

import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import dev.mentorship.schedule.survey.service.SurveyResults;
import dev.mentorship.schedule.survey.service.SurveyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

/** A survey's results, for its program's organizers. */
@Path("/programs/{programId}/surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Surveys")
public class SurveyResultsResource {

    private final SurveyService surveys;
    private final ProgramAuthority authority;

    public SurveyResultsResource(SurveyService surveys, ProgramAuthority authority) {
        this.surveys = surveys;
        this.authority = authority;
    }

    @GET
    @Path("/{surveyId}/results")
    @Operation(summary = "A survey's results (the program's organizers): invited, responded, response rate, per question the "
            + "counts (rating: per value and mean; choices: per option; text: the answers). Not anonymous: live while open, "
            + "frozen at close. Anonymous: only once closed, every group under five hidden (a question fewer answered: "
            + "suppressed; a count under five: null and hidden, with a second one hidden where one alone could be "
            + "subtracted from the total), texts shuffled")
    @APIResponse(responseCode = "200", description = "The results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyResults.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes, or no such survey in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An anonymous survey that has not closed yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SurveyResults> surveyResults(@PathParam("programId") UUID programId, @PathParam("surveyId") UUID surveyId) {
        return authority.require(programId, Grant.ORGANIZER).chain(() -> surveys.results(programId, surveyId));
    }
}
