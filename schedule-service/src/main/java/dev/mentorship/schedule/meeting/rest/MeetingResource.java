package dev.mentorship.schedule.meeting.rest;

import dev.mentorship.schedule.meeting.service.CalendarFeeds;
import dev.mentorship.schedule.meeting.service.MeetingService;
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
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
// bearer is the scheme of quarkus.smallrye-openapi.security-scheme (which replaces this declaration); it is named here,
// first, because auto-add-security gives @RolesAllowed endpoints the first scheme it finds
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "Authentication"),
        @SecurityScheme(securitySchemeName = "calendarLink", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.QUERY,
                apiKeyName = "token", description = "The secret of a personal calendar feed's link (POST /me/calendar-feed), "
                        + "for calendar apps, which cannot send bearer tokens")})
@Tag(name = "Meetings", description = "A pairing's meetings, for its members and organizers; personal calendar feeds")
public class MeetingResource {

    private static final String ICS = "text/calendar";

    private final MeetingService meetings;
    private final CalendarFeeds feeds;
    private final CurrentUser user;
    private final ActionLimits limits;

    /** Confirming, moving and cancelling mail the partner: limited per person (mentorship.limits.meeting-change). */
    static final String MEETING_CHANGE = "meeting-change";

    public MeetingResource(MeetingService meetings, CalendarFeeds feeds, CurrentUser user, ActionLimits limits) {
        this.meetings = meetings;
        this.feeds = feeds;
        this.user = user;
        this.limits = limits;
    }

    private MeetingService.Caller caller() {
        return new MeetingService.Caller(user.id());
    }

    @GET
    @Path("me/meetings")
    @Operation(summary = "My meetings, soonest first")
    @APIResponse(responseCode = "200", description = "One page of my meetings")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<MeetingViews.View>> listMyMeetings(@Valid @BeanParam PageParams paging) {
        return meetings.mine(caller(), paging.page, paging.size).map(page -> page.map(MeetingResource::view));
    }

    @GET
    @Path("pairings/{pairingId}/meetings")
    @Operation(summary = "A pairing's meetings (its members and organizers)")
    @APIResponse(responseCode = "200", description = "The pairing's meetings, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.View.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "Not a pairing of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<MeetingViews.View>> listPairingMeetings(@PathParam("pairingId") UUID pairingId) {
        return meetings.ofPairing(pairingId, caller()).map(list -> list.stream().map(MeetingResource::view).toList());
    }

    @GET
    @Path("pairings/{pairingId}/place")
    @Operation(summary = "Where a pairing meets unless a meeting says otherwise (its members); ETag once set")
    @APIResponse(responseCode = "200", description = "The pairing's place (location and videoUrl null: none set yet, no ETag)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.PairingPlaceView.class)))
    @APIResponse(responseCode = "404", description = "Not a pairing of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<MeetingViews.PairingPlaceView>> getPairingPlace(@PathParam("pairingId") UUID pairingId) {
        return meetings.pairingPlace(pairingId, caller()).map(MeetingResource::tagged);
    }

    @PUT
    @Path("pairings/{pairingId}/place")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set where a pairing meets (either member): a location, an https video link, or both. The meetings "
            + "without a place of their own take it (SEQUENCE raised; a confirmed one ahead: MeetingRescheduled at the same time)")
    @APIResponse(responseCode = "200", description = "The pairing's place",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.PairingPlaceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid place (too long, not one line, a video link that is not an absolute https URL)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a pairing of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The pairing has ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many meeting changes by this person in a short time (they mail the partner); Retry-After says when to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<MeetingViews.PairingPlaceView>> setPairingPlace(@PathParam("pairingId") UUID pairingId,
                                                                           @NotNull @Valid MeetingViews.PlaceChange place,
                                                                           @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return limits.take(user.id(), MEETING_CHANGE)
                .chain(() -> meetings.setPairingPlace(pairingId, caller(), place.location(), place.videoUrl(), IfMatch.of(ifMatch)))
                .map(MeetingResource::tagged);
    }

    @GET
    @Path("meetings/{meetingId}")
    @Operation(summary = "One meeting")
    @APIResponse(responseCode = "200", description = "The meeting",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.View.class)))
    @APIResponse(responseCode = "404", description = "Not a meeting of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<MeetingViews.View>> getMeeting(@PathParam("meetingId") UUID meetingId) {
        return meetings.get(meetingId, caller()).map(MeetingResource::tagged);
    }

    @POST
    @Path("meetings/{meetingId}/confirm")
    @Operation(summary = "Confirm a proposed meeting (MeetingScheduled)")
    @APIResponse(responseCode = "200", description = "The confirmed meeting",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.View.class)))
    @APIResponse(responseCode = "404", description = "Not a meeting of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not proposed (no time yet, cancelled, held)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many meeting changes by this person in a short time (they mail the partner); Retry-After says when to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<MeetingViews.View>> confirm(@PathParam("meetingId") UUID meetingId) {
        return limits.take(user.id(), MEETING_CHANGE).chain(() -> meetings.confirm(meetingId, caller())).map(MeetingResource::tagged);
    }

    @PATCH
    @Path("meetings/{meetingId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set or move a meeting's time: confirms a proposed one (MeetingScheduled), moves a confirmed one "
            + "(MeetingRescheduled, SEQUENCE raised)")
    @APIResponse(responseCode = "200", description = "The meeting at its new time, confirmed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.View.class)))
    @APIResponse(responseCode = "400", description = "Invalid time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a meeting of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Cancelled or held",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many meeting changes by this person in a short time (they mail the partner); Retry-After says when to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<MeetingViews.View>> moveMeeting(@PathParam("meetingId") UUID meetingId,
                                                            @NotNull @Valid MeetingViews.Move move,
                                                            @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return limits.take(user.id(), MEETING_CHANGE)
                .chain(() -> meetings.move(meetingId, caller(), move.startsAt(), move.durationMinutes(), IfMatch.of(ifMatch)))
                .map(MeetingResource::tagged);
    }

    @POST
    @Path("meetings/{meetingId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a meeting (MeetingCancelled if it was confirmed)")
    @APIResponse(responseCode = "200", description = "The cancelled meeting",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.View.class)))
    @APIResponse(responseCode = "400", description = "Invalid reason (too long, or unreadable JSON)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a meeting of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Held already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many meeting changes by this person in a short time (they mail the partner); Retry-After says when to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<MeetingViews.View>> cancel(@PathParam("meetingId") UUID meetingId,
                                                       @Valid MeetingViews.Cancellation cancellation) {
        return limits.take(user.id(), MEETING_CHANGE)
                .chain(() -> meetings.cancel(meetingId, caller(), cancellation == null ? null : cancellation.reason()))
                .map(MeetingResource::tagged);
    }

    @POST
    @Path("meetings/{meetingId}/held")
    @Operation(summary = "Mark a meeting held (keeps the pairing active)")
    @APIResponse(responseCode = "200", description = "The meeting, held",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.View.class)))
    @APIResponse(responseCode = "404", description = "Not a meeting of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a confirmed meeting that has started",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<MeetingViews.View>> held(@PathParam("meetingId") UUID meetingId) {
        return meetings.held(meetingId, caller()).map(MeetingResource::tagged);
    }

    @PUT
    @Path("meetings/{meetingId}/place")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a meeting's own place (If-Match: the meeting's ETag); both empty: it takes its pairing's again. "
            + "A confirmed meeting ahead whose place changes: MeetingRescheduled at the same time, SEQUENCE raised")
    @APIResponse(responseCode = "200", description = "The meeting at its place",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.View.class)))
    @APIResponse(responseCode = "400", description = "Invalid place (too long, not one line, a video link that is not an absolute https URL)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a meeting of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Cancelled or held, or the pairing has ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many meeting changes by this person in a short time (they mail the partner); Retry-After says when to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<MeetingViews.View>> setMeetingPlace(@PathParam("meetingId") UUID meetingId,
                                                                @NotNull @Valid MeetingViews.PlaceChange place,
                                                                @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return limits.take(user.id(), MEETING_CHANGE)
                .chain(() -> meetings.setMeetingPlace(meetingId, caller(), place.location(), place.videoUrl(), IfMatch.of(ifMatch)))
                .map(MeetingResource::tagged);
    }

    private static MeetingViews.View view(MeetingService.Found found) {
        return MeetingViews.View.of(found.meeting(), found.pairingPlace());
    }

    /** The meeting with its ETag (answered once the change committed, so the version is the new one). */
    private static RestResponse<MeetingViews.View> tagged(MeetingService.Found found) {
        return Preconditions.ok(view(found), found.meeting().version);
    }

    /** The pairing's place with its ETag once it exists. */
    private static RestResponse<MeetingViews.PairingPlaceView> tagged(MeetingService.PairingPlaceFound found) {
        return Preconditions.ok(MeetingViews.PairingPlaceView.of(found.pairing().pairingId, found.place()),
                found.place() == null ? null : found.place().version);
    }

    @GET
    @Path("meetings/{meetingId}.ics")
    @Produces(ICS)
    @Operation(summary = "The meeting as an iCalendar invitation (METHOD:REQUEST; METHOD:CANCEL once cancelled)")
    @APIResponse(responseCode = "200", description = "The invitation, as an attachment",
            content = @Content(mediaType = ICS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Not a meeting of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The meeting has no time yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> ics(@PathParam("meetingId") UUID meetingId) {
        return meetings.ics(meetingId, caller()).map(ics -> Response.ok(ics, ICS + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"meeting-" + meetingId + ".ics\"").build());
    }

    @POST
    @Path("me/calendar-feed")
    @Operation(summary = "Create my calendar feed's secret link (a new one revokes the old one); shown once")
    @APIResponse(responseCode = "201", description = "The feed's link, also in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.Feed.class)))
    public Uni<Response> createFeed() {
        return feeds.create(user.id()).map(url -> Response.created(URI.create(url)).entity(new MeetingViews.Feed(url)).build());
    }

    @DELETE
    @Path("me/calendar-feed")
    @Operation(summary = "Revoke my calendar feed's link")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Uni<Response> revokeFeed() {
        return feeds.revoke(user.id()).map(any -> Response.noContent().build());
    }

    @GET
    @Path("me/calendar.ics")
    @PermitAll
    @Produces(ICS)
    @SecurityRequirement(name = "calendarLink")
    @Operation(summary = "My calendar feed, for calendar apps: my meetings and the deadlines that concern me (the link's secret, no token)")
    @APIResponse(responseCode = "200", description = "My calendar feed",
            content = @Content(mediaType = ICS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Unknown or revoked link",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> feed(@QueryParam("token") String token) {
        return feeds.feed(token).map(ics -> Response.ok(ics, ICS + "; charset=UTF-8").build());
    }
}
