package dev.mentorship.notification.announcement.rest;

import dev.mentorship.notification.announcement.Announcement;
import dev.mentorship.notification.announcement.AnnouncementInput;
import dev.mentorship.notification.announcement.service.AnnouncementDispatcher;
import dev.mentorship.notification.announcement.service.AnnouncementService;
import dev.mentorship.notification.announcement.service.AnnouncementService.Preview;
import dev.mentorship.runtime.audit.Audit;
import dev.mentorship.runtime.http.Preconditions;
import dev.mentorship.runtime.idempotency.Idempotency;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A program's announcements, for its organizers (grant ORGANIZER; anyone else, an admin too: 404): write to an audience
 * of the program now or at a set time, preview the mail and the number of recipients, list them, read one with its
 * delivery report, cancel one before it goes out. Writing and cancelling are audited.
 */
@Path("/programs/{programId}/announcements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Announcements (organizers)", description = "Messages of a program's organizers to an audience of it, by mail and inbox")
public class AnnouncementResource {

    private final AnnouncementService announcements;
    private final AnnouncementDispatcher dispatcher;
    private final ProgramAuthority authority;
    private final Audit audit;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public AnnouncementResource(AnnouncementService announcements, AnnouncementDispatcher dispatcher, ProgramAuthority authority, Audit audit,
                                Idempotency idempotency, CurrentUser user) {
        this.announcements = announcements;
        this.dispatcher = dispatcher;
        this.authority = authority;
        this.audit = audit;
        this.idempotency = idempotency;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write to an audience of the program (a track, a role, a status), now or at sendAt; by mail and inbox, "
            + "following each person's choices unless it is essential")
    @APIResponse(responseCode = "201", description = "Scheduled (sent at once when sendAt is absent); Location names it",
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnouncementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid announcement (a subject of more than one line, a body too long or not "
            + "plain text, a track of another program, WAITLISTED with the role MENTOR, a time in the past; each names its field, "
            + "e.g. body, audience.status, sendAt; header.Idempotency-Key too)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = Idempotency.REUSED_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createAnnouncement(@PathParam("programId") UUID programId, @NotNull @Valid AnnouncementInput input,
                                            @HeaderParam(Idempotency.HEADER) @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER,
                                                    description = Idempotency.HEADER_DESCRIPTION,
                                                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Idempotency.MAX_KEY_LENGTH))
                                            String idempotencyKey) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> announcements.check(programId, input))
                .chain(() -> announcements.count(programId, input.audience().audience()))
                // the announcement, its audit record and the stored answer commit together
                .chain(count -> idempotency.once(idempotencyKey, input, () -> audit.command(
                                () -> announcements.create(programId, input, user.id()),
                                a -> new Audit.Entry(programId, "ANNOUNCEMENT_CREATED", a.id, null, summary(a, count)))
                        .map(a -> Response.created(URI.create("/programs/" + programId + "/announcements/" + a.id))
                                .header(Preconditions.ETAG, Preconditions.tag(a.version))
                                .entity(AnnouncementView.of(a, count, null)).build())))
                .invoke(() -> dispatcher.wakeUp());
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The mail an announcement would be, for a sample reader of its audience, and how many people it would "
            + "reach now; nothing is stored or sent")
    @APIResponse(responseCode = "200", description = "The rendered mail and the number of recipients",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Preview.class)))
    @APIResponse(responseCode = "400", description = "Invalid announcement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Preview> previewAnnouncement(@PathParam("programId") UUID programId, @NotNull @Valid AnnouncementInput input) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> announcements.check(programId, input))
                .chain(() -> announcements.preview(programId, input, user.id()));
    }

    @GET
    @Operation(summary = "The program's announcements, newest first, each with its delivery report once sent")
    @APIResponse(responseCode = "200", description = "One page of announcements")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<AnnouncementView>> listAnnouncements(@PathParam("programId") UUID programId, @Valid @BeanParam PageParams paging) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> announcements.list(programId, paging.page, paging.size))
                .chain(page -> views(page.items()).map(views -> new Page<>(views, page.page(), page.size(), page.total())));
    }

    @GET
    @Path("/{announcementId}")
    @Operation(summary = "One announcement with its delivery report: recipients, inbox entries, mails written, sent, failed, "
            + "queued, in a digest, and skipped by preference")
    @APIResponse(responseCode = "200", description = "The announcement; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnouncementView.class)))
    @APIResponse(responseCode = "404", description = "No such announcement of a program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<AnnouncementView>> getAnnouncement(@PathParam("programId") UUID programId,
                                                                @PathParam("announcementId") UUID announcementId) {
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> announcements.get(programId, announcementId))
                .chain(a -> views(List.of(a)).map(views -> Preconditions.ok(views.get(0), a.version)));
    }

    @DELETE
    @Path("/{announcementId}")
    @Operation(summary = "Cancel a scheduled announcement before it goes out (again: nothing changes, nothing is audited)")
    @APIResponse(responseCode = "204", description = "Cancelled; it stays in the list as CANCELLED")
    @APIResponse(responseCode = "404", description = "No such announcement of a program that the caller organizes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is being sent or was sent: too late to cancel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> cancelAnnouncement(@PathParam("programId") UUID programId, @PathParam("announcementId") UUID announcementId) {
        // audited only when this call cancelled it: cancelling a cancelled one again changes nothing and records nothing
        return authority.require(programId, Grant.ORGANIZER)
                .chain(() -> Panache.withTransaction(() -> announcements.cancel(programId, announcementId).chain(c -> !c.changed()
                        ? Uni.createFrom().item(c.announcement())
                        : audit.command(() -> Uni.createFrom().item(c.announcement()), a -> new Audit.Entry(programId, "ANNOUNCEMENT_CANCELLED",
                                a.id, Map.of("status", "SCHEDULED", "sendAt", a.sendAt.toString()), Map.of("status", "CANCELLED"))))))
                .replaceWith(Response.noContent().build());
    }

    /** The views with their reports, and, for those not sent yet, how many people they reach now. */
    private Uni<List<AnnouncementView>> views(List<Announcement> items) {
        return announcements.reports(items).chain(reports -> {
            Map<UUID, Integer> counts = new HashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Announcement a : items) {
                if (a.status == Announcement.Stored.SCHEDULED) {
                    chain = chain.chain(() -> announcements.count(a.programId, a.audience()).invoke(n -> counts.put(a.id, n)).replaceWithVoid());
                }
            }
            return chain.map(done -> items.stream().map(a -> AnnouncementView.of(a, counts.get(a.id), reports.get(a.id))).toList());
        });
    }

    /** What the audit log keeps of a new announcement: its subject, audience, time, whether essential, its reach (no body). */
    private static Map<String, Object> summary(Announcement a, int recipients) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("subject", a.subject);
        after.put("trackId", a.trackId == null ? null : a.trackId.toString());
        after.put("role", a.role == null ? null : a.role.name());
        after.put("status", a.audienceStatus == null ? null : a.audienceStatus.name());
        after.put("sendAt", a.sendAt.toString());
        after.put("essential", a.essential);
        after.put("recipients", recipients);
        return after;
    }
}
