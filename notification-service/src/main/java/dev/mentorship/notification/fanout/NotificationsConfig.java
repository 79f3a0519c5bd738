package dev.mentorship.notification.fanout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** mentorship.notifications.* */
@ConfigMapping(prefix = "mentorship.notifications")
public interface NotificationsConfig {

    /** Organizer addresses that get organizer notices by email (organizers who signed in get them in the app too). */
    List<String> organizerEmails();

    /** The ORGANIZER of meeting invitations. */
    @WithDefault("mentorship@127.0.0.1")
    String organizerEmail();

    /** Where people find the platform, for links in messages. */
    @WithDefault("http://127.0.0.1:8084")
    String publicBaseUrl();

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
