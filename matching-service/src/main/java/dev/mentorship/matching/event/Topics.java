package dev.mentorship.matching.event;

/** The Kafka topics this service publishes to (docs/asyncapi.yaml). */
public final class Topics {

    public static final String PAIRINGS = "mentorship.pairings";

    private Topics() {
    }
}
