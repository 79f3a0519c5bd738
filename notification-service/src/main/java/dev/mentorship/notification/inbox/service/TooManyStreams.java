package dev.mentorship.notification.inbox.service;

import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.problem.ProblemType;

import java.time.Duration;

/**
 * A live stream refused because a limit is reached: the person's own streams, or this instance's. A rate-limited
 * problem (429), retried after {@link #retryAfter()}: the inbox resource answers it with {@code Retry-After}.
 */
public class TooManyStreams extends ProblemException {

    /** Which limit was reached. */
    public enum Limit { PERSON, INSTANCE }

    private final Limit limit;
    private final Duration retryAfter;

    TooManyStreams(Limit limit, int max, Duration retryAfter) {
        super(ProblemType.RATE_LIMITED, limit == Limit.PERSON
                ? "You have " + max + " live streams of your notifications open already, the most one person may have. "
                  + "Close one (another tab or device), or retry in " + seconds(retryAfter) + " seconds."
                : "This service has as many live streams open as it can keep. Retry in " + seconds(retryAfter)
                  + " seconds; the inbox (GET /me/notifications) answers meanwhile.");
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public Limit limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@code Retry-After} in whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
