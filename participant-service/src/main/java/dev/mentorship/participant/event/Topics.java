package dev.mentorship.participant.event;

/** The Kafka topics this service publishes to (docs/asyncapi.yaml). */
public final class Topics {

    public static final String PARTICIPANTS = "mentorship.participants";
    /** Internal: what matching alone needs of what people confide (waitlist priority); no outside system may read it. */
    public static final String CONFIDENTIAL = "mentorship.confidential";

    private Topics() {
    }
}
