package dev.mentorship.notification.inbox.rest;

import dev.mentorship.notification.inbox.service.InboxService;
import dev.mentorship.notification.inbox.service.LiveEvent;
import dev.mentorship.notification.inbox.service.LiveNotifications;
import dev.mentorship.notification.inbox.service.TooManyStreams;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.UUID;

@Path("/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "My inbox", description = "My in-app notifications: read, mark, and follow live")
public class MyNotificationsResource {

    private final InboxService inbox;
    private final LiveNotifications live;
    private final CurrentUser user;
    private final JsonWebToken token;

    public MyNotificationsResource(InboxService inbox, LiveNotifications live, CurrentUser user, JsonWebToken token) {
        this.inbox = inbox;
        this.live = live;
        this.user = user;
        this.token = token;
    }

    /** How many messages I have not read. */
    public record Unread(long unread) {
    }

    @GET
    @Operation(summary = "My inbox, newest first; ?unread=true for unread messages only")
    @APIResponse(responseCode = "200", description = "One page of my messages")
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<NotificationView>> listMyNotifications(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
                                                           @Valid @BeanParam PageParams paging) {
        return inbox.inboxOf(user.id(), unreadOnly, paging.page, paging.size).map(page -> page.map(NotificationView::of));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many messages I have not read")
    public Uni<Unread> unread() {
        return inbox.unread(user.id()).map(Unread::new);
    }

    @POST
    @Path("/{notificationId}/read")
    @Operation(summary = "Mark a message read")
    @APIResponse(responseCode = "200", description = "The message, read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "404", description = "Not a message of mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<NotificationView> read(@PathParam("notificationId") UUID id) {
        return inbox.mark(user.id(), id, true).map(NotificationView::of);
    }

    @POST
    @Path("/{notificationId}/unread")
    @Operation(summary = "Mark a message unread")
    @APIResponse(responseCode = "200", description = "The message, unread",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "404", description = "Not a message of mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<NotificationView> unreadOne(@PathParam("notificationId") UUID id) {
        return inbox.mark(user.id(), id, false).map(NotificationView::of);
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark every message read")
    public Uni<Unread> readAll() {
        return inbox.readAll(user.id()).map(n -> new Unread(0));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "My new notifications as they arrive (server-sent events); only mine",
            description = "Each event's data is one new notification. A comment line (`:heartbeat`) comes periodically "
                    + "(every 25 s by default). The stream ends when the token that opened it expires (last event `expired`, "
                    + "without data: reconnect with a fresh token) and when my data is erased (last event `erased`). At most "
                    + "3 streams per person at once by default, and a limit per service instance: one more is refused with "
                    + "429 and `Retry-After`.")
    @APIResponse(responseCode = "200", description = "My new notifications, one per event, as they arrive",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = NotificationView.class)))
    @APIResponse(responseCode = "429", description = "Too many live streams open: mine, or this service instance's",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait before opening a stream again",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        UUID me = user.id();
        // the token's exp (seconds since the epoch; quarkus-oidc refuses a token without one): the stream ends then. A
        // lost realm role is only seen in the next token, so expiry is also when it takes effect here
        long exp = token.getExpirationTime();
        Instant expiresAt = exp > 0 ? Instant.ofEpochSecond(exp) : null;
        return live.open(me, expiresAt).map(event -> sseEvent(sse, event));
    }

    /** A refused stream: 429 problem+json, with {@code Retry-After} in seconds. */
    @ServerExceptionMapper
    public Response tooManyStreams(TooManyStreams e, UriInfo uri) {
        return Response.status(e.type().status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(e.type(), e.getMessage(), instance(uri)))
                .build();
    }

    /**
     * A notification as an event whose data is its JSON (the stream's element type); the heartbeat as a comment, and
     * the end as a named event without data: a client reading each event's data as a notification is not misled,
     * and one reading event names learns why the stream ended.
     */
    private static OutboundSseEvent sseEvent(Sse sse, LiveEvent event) {
        if (event instanceof LiveEvent.NewNotification n) {
            return sse.newEventBuilder().data(NotificationView.class, NotificationView.of(n.notification())).build();
        }
        if (event instanceof LiveEvent.Ended ended) {
            return switch (ended.why()) {
                case EXPIRED -> sse.newEventBuilder().name("expired")
                        .comment("the token that opened this stream expired: reconnect with a fresh one").build();
                case ERASED -> sse.newEventBuilder().name("erased").comment("your data was erased").build();
            };
        }
        return sse.newEventBuilder().comment("heartbeat").build();
    }

    private static URI instance(UriInfo uri) {
        try {
            return new URI(null, null, uri.getPath(), null);
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
