package dev.mentorship.runtime.problem;

/**
 * A request the domain refuses, with the kind of problem it is: thrown by services (which know no HTTP), answered as
 * problem+json with the kind's type URI and status.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }
}
