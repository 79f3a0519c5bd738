package dev.mentorship.notification.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** mentorship.live.*: the limits and the heartbeat of the live stream ({@code GET /me/notifications/stream}). */
@ConfigMapping(prefix = "mentorship.live")
public interface LiveStreamConfig {

    /** Streams one person may have open at once on one instance (tabs, devices); one more is refused with 429. */
    @WithDefault("3")
    int maxPerPerson();

    /** Streams one instance keeps open at once, everyone's together; one more is refused with 429. */
    @WithDefault("2000")
    int maxPerInstance();

    /**
     * How often an idle stream gets a comment line ({@code :heartbeat}): proxies and load balancers keep a connection
     * that carries data open, and a write to a client that is gone fails, which ends its stream and frees its slot.
     */
    @WithDefault("PT25S")
    Duration heartbeat();

    /** The {@code Retry-After} of a refused stream (whole seconds). */
    @WithDefault("PT30S")
    Duration retryAfter();
}
