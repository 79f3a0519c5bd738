package dev.mentorship.schedule.survey.rest;

import dev.mentorship.runtime.http.IfMatch;
import dev.mentorship.runtime.http.Preconditions;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import dev.mentorship.schedule.survey.service.SurveyService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A track's surveys for its people: list them (whether I answered), read one's questions, answer while it is open and
 * change the answers until it closes. Answering is not audited (it is no organizer's command).
 */
@Path("/programs/{programId}/tracks/{trackId}/surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Surveys", description = "A track's surveys (ML4H's reviewer survey, the feedback forms): answer them while "
        + "open; anonymous ones keep who answered apart from what")
public class SurveyResource {

    private final SurveyService surveys;
    private final ProgramAuthority authority;
    private final CurrentUser user;

    public SurveyResource(SurveyService surveys, ProgramAuthority authority, CurrentUser user) {
        this.surveys = surveys;
        this.authority = authority;
        this.user = user;
    }

    @GET
    @Operation(summary = "The track's surveys for my roles, whether I answered each, and whether each is open "
            + "(the people registered in the track; its program's organizers see all of them)")
    @APIResponse(responseCode = "200", description = "The surveys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyViews.Summary.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such published program and track that the caller is registered in (or organizes)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<SurveyViews.Summary>> listSurveys(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId) {
        return authority.holds(programId, Grant.ORGANIZER)
                .chain(organizer -> surveys.list(programId, trackId, user.id(), organizer))
                .map(list -> list.stream().map(SurveyViews.Summary::of).toList());
    }

    @GET
    @Path("/{surveyId}")
    @Operation(summary = "A survey with its questions")
    @APIResponse(responseCode = "200", description = "The survey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyViews.Detail.class)))
    @APIResponse(responseCode = "404", description = "No such survey for the caller's roles in a track they are registered in (or organize)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SurveyViews.Detail> getSurvey(@PathParam("programId") UUID programId, @PathParam("trackId") UUID trackId,
                                             @PathParam("surveyId") UUID surveyId) {
        return authority.holds(programId, Grant.ORGANIZER)
                .chain(organizer -> surveys.get(programId, trackId, surveyId, user.id(), organizer))
                .map(SurveyViews.Detail::of);
    }

    @GET
    @Path("/{surveyId}/answers")
    @Operation(summary = "My answers to a survey that is not anonymous, with their ETag (an anonymous survey's answers are "
            + "kept without who gave them: 404)")
    @APIResponse(responseCode = "200", description = "My answers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyViews.Answered.class)))
    @APIResponse(responseCode = "404", description = "Not answered yet, anonymous, or no such survey for the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SurveyViews.Answered>> myAnswers(@PathParam("programId") UUID programId,
                                                             @PathParam("trackId") UUID trackId,
                                                             @PathParam("surveyId") UUID surveyId) {
        return surveys.mine(programId, trackId, surveyId, user.id())
                .map(a -> Preconditions.ok(SurveyViews.Answered.of(a), a.version()));
    }

    @PUT
    @Path("/{surveyId}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a survey while it is open, or change my answers until it closes (an active registration in "
            + "the track with a role it asks). Not anonymous: the first answer needs no If-Match, a change needs the ETag of "
            + "GET …/answers. Anonymous: the first answer returns a receipt (shown once); a change must send it as "
            + "\"receipt\", without it 409")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyViews.Answered.class)))
    @APIResponse(responseCode = "201", description = "Answered (anonymous: with its receipt)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyViews.Answered.class)))
    @APIResponse(responseCode = "400", description = "Invalid: each bad answer named (answers.<question>): a rating 1 to 5, "
            + "options of the question, required questions answered, text up to 4000 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey for the caller's roles in a track they are registered in",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not open (not yet, or closed), or a second anonymous answer without its receipt",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "A change of a non-anonymous answer without If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SurveyViews.Answered>> answer(@PathParam("programId") UUID programId,
                                                          @PathParam("trackId") UUID trackId,
                                                          @PathParam("surveyId") UUID surveyId,
                                                          @Valid @NotNull SurveyViews.AnswersBody body,
                                                          @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        // an anonymous answer has no ETag: its receipt stands in for If-Match
        return surveys.answer(programId, trackId, surveyId, user.id(), body.answers(), body.receipt(), IfMatch.of(ifMatch))
                .map(a -> a.created()
                        ? a.version() == null
                        ? RestResponse.ResponseBuilder.<SurveyViews.Answered>created(uri(programId, trackId, surveyId))
                        .entity(SurveyViews.Answered.of(a)).build()
                        : Preconditions.created(uri(programId, trackId, surveyId), SurveyViews.Answered.of(a), a.version())
                        : Preconditions.ok(SurveyViews.Answered.of(a), a.version()));
    }

    private static URI uri(UUID programId, UUID trackId, UUID surveyId) {
        return URI.create("/programs/" + programId + "/tracks/" + trackId + "/surveys/" + surveyId + "/answers");
    }
}
