package dev.mentorship.schedule.survey.rest;

import dev.mentorship.runtime.audit.Audit;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import dev.mentorship.schedule.survey.service.SurveyResults;
import dev.mentorship.schedule.survey.service.SurveyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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

/**
 * A survey's results, and a non-anonymous survey's answers one by one with who gave them (a read of personal data,
 * audited as {@code SURVEY_ANSWERS_READ}), for its program's organizers.
 */
@Path("/programs/{programId}/surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Surveys")
public class SurveyResultsResource {

    private final SurveyService surveys;
    private final ProgramAuthority authority;
    private final Audit audit;

    public SurveyResultsResource(SurveyService surveys, ProgramAuthority authority, Audit audit) {
        this.surveys = surveys;
        this.authority = authority;
        this.audit = audit;
    }

    @GET
    @Path("/{surveyId}/results")
    @Operation(summary = "A survey's results (the program's organizers): invited, responded, response rate, per question the "
            + "counts (rating: per value and mean; choices: per option; text: the answers). Not anonymous: live while open, "
            + "frozen at close. Anonymous: only once closed, every group under five hidden (a question fewer answered: "
            + "suppressed; a count under five: null and hidden, with more hidden until the hidden ones do not add up to one "
            + "to four either; a MULTIPLE option also where one to four did not choose it; a rating's mean only where it "
            + "pins no hidden count). Texts shuffled; the response rate capped at 1")
    @APIResponse(responseCode = "200", description = "The results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyResults.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes, or no such survey in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An anonymous survey that has not closed yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SurveyResults> surveyResults(@PathParam("programId") UUID programId, @PathParam("surveyId") UUID surveyId) {
        return authority.require(programId, Grant.ORGANIZER).chain(() -> surveys.results(programId, surveyId));
    }

    @GET
    @Path("/{surveyId}/answers")
    @Operation(summary = "A survey's answers one by one, with who gave each (the program's organizers; surveys that are not "
            + "anonymous only, as their description tells those who answer): participant, name, role, answers, when first "
            + "given and last changed, in the order first given. Recorded in the audit log (SURVEY_ANSWERS_READ)")
    @APIResponse(responseCode = "200", description = "One page of the answers")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes, or no such survey in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An anonymous survey: its answers are never shown one by one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<SurveyViews.NamedAnswer>> surveyAnswers(@PathParam("programId") UUID programId,
                                                            @PathParam("surveyId") UUID surveyId,
                                                            @Valid @BeanParam PageParams paging) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> surveys.answers(programId, surveyId, paging.page, paging.size))
                .call(page -> audit.read(programId, "SURVEY_ANSWERS_READ", surveyId))
                .map(page -> page.map(SurveyViews.NamedAnswer::of));
    }
}
