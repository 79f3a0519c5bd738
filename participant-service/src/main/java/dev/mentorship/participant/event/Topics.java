package dev.mentorship.participant.event;

/** The Kafka topics this service publishes to (docs/asyncapi.yaml). */
public final class Topics {

    public static final String PARTICIPANTS = "mentorship.participants";

    private Topics() {
    }
}
