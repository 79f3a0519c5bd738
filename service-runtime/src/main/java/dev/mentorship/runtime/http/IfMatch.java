package dev.mentorship.runtime.http;

/**
 * The {@code If-Match} a write was sent with, handed from a resource to its service, which checks it against the row it
 * is about to change, inside the write's transaction ({@link Preconditions}). {@link #UNCONDITIONAL} is for writes the
 * platform makes on its own behalf or as a side effect of another request (e.g. a registration that carries a profile).
 */
public record IfMatch(String header, boolean enforced) {

    public static final IfMatch UNCONDITIONAL = new IfMatch(null, false);

    public static IfMatch of(String header) {
        return new IfMatch(header, true);
    }

    /** The resource exists at this version: 428 without If-Match, 412 when it names another version. */
    public void existing(long version) {
        if (enforced) {
            Preconditions.check(header, version);
        }
    }

    /** The resource does not exist: the write creates it, which an If-Match forbids (412). */
    public void absent() {
        if (enforced) {
            Preconditions.checkAbsent(header);
        }
    }
}
