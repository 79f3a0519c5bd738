package dev.mentorship.notification.preference.rest;

import dev.mentorship.notification.fanout.Links;
import dev.mentorship.notification.fanout.NotificationsConfig;
import dev.mentorship.notification.preference.OptOut;
import dev.mentorship.notification.preference.UnsubscribeTokens;
import dev.mentorship.notification.preference.service.PreferenceService;
import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The one-click unsubscribe link of optional mails (RFC 8058): {@code List-Unsubscribe: <…/unsubscribe?token=…>} with
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}. The signed token ({@link UnsubscribeTokens}) is the
 * authorization, so no bearer token is needed. POST turns that kind of notice off for that person, as the preference
 * API would (the inbox keeps every notice); twice is fine. GET only shows what a POST would do, with a button that
 * does it: mail clients and link scanners open links, and opening one must change nothing.
 */
@Path("/unsubscribe")
@PermitAll
@Tag(name = "One-click unsubscribe", description = "The signed unsubscribe link of optional mails (RFC 8058); no bearer token")
public class UnsubscribeResource {

    private static final String INVALID = "is not a valid unsubscribe link: it may be cut short or altered. "
            + "Choose which notices you get by email in your notification preferences.";

    private final UnsubscribeTokens tokens;
    private final PreferenceService preferences;
    private final NotificationsConfig config;

    public UnsubscribeResource(UnsubscribeTokens tokens, PreferenceService preferences, NotificationsConfig config) {
        this.tokens = tokens;
        this.preferences = preferences;
        this.config = config;
    }

    /** What a one-click unsubscribe did. */
    public record Unsubscribed(
            @Schema(description = "DEADLINES, MEETINGS, INACTIVITY, PROGRAM_NEWS, ANNOUNCEMENTS, or ALL (from a daily digest: every optional kind)") OptOut turnedOff,
            @Schema(description = "As people read it") String detail) {
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @SecurityRequirementsSet
    @Operation(summary = "One-click unsubscribe (RFC 8058): stop this kind of optional notice by email; no bearer token, the signed link is enough")
    @APIResponse(responseCode = "200", description = "Turned off (also when it was off already); an HTML page for browsers",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Unsubscribed.class)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "No token, or a malformed, altered or forged one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> unsubscribe(@Parameter(description = "the signed token of the mail's link", required = true) @QueryParam("token") String token,
                                     @Context HttpHeaders headers) {
        UnsubscribeTokens.Claim claim = verified(token);
        // as the preference API would; twice at once is fine; the link of a person whose data was erased stores nothing
        return preferences.turnOff(claim.person(), claim.kind()).map(done -> {
            String detail = "You no longer get " + claim.kind().description + " by email. They still appear in your inbox; "
                    + "turn them on again in your notification preferences.";
            if (prefersHtml(headers)) {
                return Response.ok(page("Unsubscribed", "<p>" + html(detail) + "</p>" + preferencesLink()), MediaType.TEXT_HTML_TYPE)
                        .build();
            }
            return Response.ok(new Unsubscribed(claim.kind(), detail), MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @SecurityRequirementsSet
    @Operation(summary = "What the one-click link would turn off, with a button that does it; opening it changes nothing")
    @APIResponse(responseCode = "200", description = "A confirmation page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "No token, or a malformed, altered or forged one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response confirmUnsubscribe(@Parameter(description = "the signed token of the mail's link", required = true) @QueryParam("token") String token) {
        UnsubscribeTokens.Claim claim = verified(token);
        // a relative action keeps whatever prefix a proxy puts in front of this service
        String body = "<p>Stop getting " + html(claim.kind().description) + " by email? They still appear in your inbox.</p>"
                + "<form method=\"post\" action=\"unsubscribe?token=" + html(token) + "\">"
                + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">Unsubscribe</button></form>" + preferencesLink();
        return Response.ok(page("Unsubscribe?", body), MediaType.TEXT_HTML_TYPE).build();
    }

    private UnsubscribeTokens.Claim verified(String token) {
        return tokens.verify(token).orElseThrow(() -> new InvalidRequestException(List.of(new Problem.FieldError("token",
                token == null || token.isEmpty() ? "is required: open the unsubscribe link of a mail as it is" : INVALID))));
    }

    private static boolean prefersHtml(HttpHeaders headers) {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && !accepted.get(0).isWildcardType() && accepted.get(0).isCompatible(MediaType.TEXT_HTML_TYPE);
    }

    private String preferencesLink() {
        String preferences = new Links(config.frontendUrl(), null).preferences();
        return "<p><a href=\"" + html(preferences) + "\">Your notification preferences</a></p>";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
                + "<title>" + title + "</title></head><body style=\"font-family: -apple-system, Segoe UI, Roboto, Helvetica, Arial, "
                + "sans-serif; color: #1f2933; max-width: 640px; margin: 0 auto; padding: 16px;\"><h1 style=\"font-size: 20px;\">" + title
                + "</h1>" + body + "</body></html>";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
