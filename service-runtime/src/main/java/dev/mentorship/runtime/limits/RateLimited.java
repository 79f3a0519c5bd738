package dev.mentorship.runtime.limits;

import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.problem.ProblemType;

import java.time.Duration;

/** A person did a limited action too often: 429 problem+json with {@code Retry-After} (whole seconds, at least 1). */
public class RateLimited extends ProblemException {

    private final Duration retryAfter;

    public RateLimited(String detail, Duration retryAfter) {
        super(ProblemType.RATE_LIMITED, detail);
        this.retryAfter = retryAfter;
    }

    /** Seconds to wait, rounded up. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
