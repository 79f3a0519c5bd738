package dev.mentorship.runtime.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "mentorship.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key and the first answer sent for it are kept: a retry within it is answered again, after it the key
     * is free (and may create a second thing). Long enough for any client's retries, short enough to keep the table small.
     */
    @WithDefault("PT24H")
    Duration retention();
}
