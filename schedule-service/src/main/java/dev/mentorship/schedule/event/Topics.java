package dev.mentorship.schedule.event;

/** The Kafka topics this service publishes to (docs/asyncapi.yaml). */
public final class Topics {

    public static final String PROGRAMS = "mentorship.programs";
    public static final String SCHEDULE = "mentorship.schedule";

    private Topics() {
    }
}
