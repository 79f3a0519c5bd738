package dev.mentorship.matching.scoring;

/** How much each part of a score counts; organizers tune them per track. */
public record Weights(double keywords, double text, double topics, double hours) {

    /** AUTHOR and REVIEWER: shared research interests, mostly by keywords. */
    public static final Weights INTERESTS = new Weights(0.7, 0.3, 0, 0);
    /** CAREER: shared topics and shared hours in the one-on-one week, alike. */
    public static final Weights CAREER = new Weights(0, 0, 0.5, 0.5);
}
