package dev.mentorship.runtime.messaging;

/** An event no retry can process (not a CloudEvent, data of the wrong shape): the channel sends it to its .dlq. */
public class PoisonEventException extends IllegalArgumentException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
