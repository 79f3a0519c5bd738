package dev.mentorship.runtime.http;

import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/**
 * Conditional writes (RFC 9110 §13), the same in every service: every mutable resource answers an {@code ETag}, the
 * strong tag of its version ({@code "7"}); a PUT or PATCH that changes an existing resource must send it back as
 * {@code If-Match} (428 without it, 412 when the resource changed since), so that two people editing the same thing
 * cannot overwrite each other unseen. A PUT that creates a resource needs none (there is nothing to lose); an
 * {@code If-Match} on a resource that does not exist is stale (412). {@code If-Match: *} matches any existing version.
 *
 * <p>The check runs inside the write's transaction, on the row it is about to change, whose {@code @Version} column makes
 * the write itself conditional too: two writes that both passed the check with the same tag cannot both commit (the
 * loser's optimistic-lock failure is answered as 412 when it sent {@code If-Match}).
 */
public final class Preconditions {

    public static final String IF_MATCH = "If-Match";
    public static final String ETAG = "ETag";

    private Preconditions() {
    }

    /** The strong entity tag of a version. */
    public static String tag(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the representation and, where the resource is stored ({@code version} not null), its ETag. */
    public static <T> RestResponse<T> ok(T body, Long version) {
        RestResponse.ResponseBuilder<T> response = RestResponse.ResponseBuilder.ok(body);
        return (version == null ? response : response.header(ETAG, tag(version))).build();
    }

    /** 201 with the representation, its Location and its ETag. */
    public static <T> RestResponse<T> created(URI location, T body, long version) {
        return RestResponse.ResponseBuilder.<T>created(location).entity(body).header(ETAG, tag(version)).build();
    }

    /** Throws 428 when {@code ifMatch} is missing, 412 when none of its tags is the current version's. */
    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "This resource exists: send its current ETag as If-Match (read it first), so that a change made "
                            + "meanwhile by someone else is not overwritten unseen.");
        }
        if (!matches(ifMatch, currentVersion)) {
            throw stale();
        }
    }

    /** The same check as a step of a reactive chain. */
    public static Uni<Void> checked(String ifMatch, long currentVersion) {
        try {
            check(ifMatch, currentVersion);
            return Uni.createFrom().voidItem();
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** A write that would create the resource: any {@code If-Match} fails, as there is no current version to match. */
    public static void checkAbsent(String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match was sent but this resource does not exist (any more): read it again.");
        }
    }

    public static ProblemException stale() {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "This resource changed since you read it (its ETag is no longer the one sent as If-Match); "
                        + "nothing of your request was stored. Read it again and retry.");
    }

    /**
     * Strong comparison: {@code *}, or one of a comma-separated list of tags equal to the current one. A weak tag
     * ({@code W/"7"}) never matches, as RFC 9110 requires for If-Match.
     */
    static boolean matches(String ifMatch, long currentVersion) {
        String current = tag(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String t = candidate.strip();
            if (t.equals("*") || t.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
