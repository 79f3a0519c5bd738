package dev.mentorship.notification.fanout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** mentorship.notifications.* */
@ConfigMapping(prefix = "mentorship.notifications")
public interface NotificationsConfig {

    /** Organizer addresses that get organizer notices by email (organizers who signed in get them in the app too). */
    List<String> organizerEmails();

    /** The ORGANIZER of meeting invitations. */
    @WithDefault("mentorship@127.0.0.1")
    String organizerEmail();

    /**
     * This service's public URL (PUBLIC_BASE_URL), as mail recipients reach it: the one-click unsubscribe links of
     * optional notices lead there ({@code <public-base-url>/unsubscribe?token=…}).
     */
    @WithDefault("http://127.0.0.1:8084")
    String publicBaseUrl();

    /**
     * The frontend's public origin (FRONTEND_URL): the links in mails and inbox entries lead there
     * ({@code <frontend-url>/pairings/<id>}, ...), unless a program names its own ({@code frontendUrl} of
     * ProgramPublished). The default is the frontend's dev origin of the local stack.
     */
    @WithDefault("http://localhost:5173")
    String frontendUrl();

    /**
     * The key of the one-click unsubscribe tokens (UNSUBSCRIBE_KEY, at least 32 characters, e.g. {@code openssl rand
     * -base64 32}): an HMAC-SHA256 over the person, the kind of notice and the token version. Only the dev and test
     * profiles have a default; without it the service does not start. Every replica must have the same; changing
     * it invalidates the links in mails already sent.
     */
    Optional<String> unsubscribeKey();

    /** How often the sender looks for mail to send (read by its schedule); it also wakes at once after new mail. */
    @WithDefault("1s")
    String sendInterval();

    /** How many deliveries one sender claims at a time. */
    @WithDefault("500")
    int sendBatch();

    /** How many mails are in flight at once per replica. */
    @WithDefault("16")
    int sendConcurrency();

    /** Attempts before a delivery is given up as FAILED. */
    @WithDefault("6")
    int maxAttempts();

    /** The first retry waits this long; each next one twice as long. */
    @WithDefault("PT30S")
    Duration firstRetry();

    /** A claimed delivery not settled within this time (a replica died) is claimed again. */
    @WithDefault("PT2M")
    Duration claimTimeout();

    /**
     * How long one mail may take to be accepted by the SMTP server before it counts as failed and is retried: an
     * SMTP server that stops answering (seen: the local one out of memory) must not stop the sender for good.
     */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** The local hour at which daily digests go out. */
    @WithDefault("8")
    int digestHour();
}
