package dev.mentorship.runtime.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "mentorship.events")
public interface EventsConfig {

    /** The CloudEvents source of this service's events. */
    @WithDefault("/mentorship/${quarkus.application.name}")
    String source();

    /** Where this service publishes its event schemas; {@code ce_dataschema} is this plus "Type.vN.json". */
    @WithDefault("http://127.0.0.1:${quarkus.http.port}/schemas/")
    String schemaBaseUrl();

    /**
     * How often the relay looks for events to publish when no notification woke it: the fallback, since a commit of
     * events wakes it at once ({@code LISTEN/NOTIFY}); a notification is lost only while its connection reconnects.
     */
    @WithDefault("5s")
    Duration relayInterval();

    /**
     * The shortest time between two rounds of the relay: under load, the events committed meanwhile go in one Kafka
     * transaction instead of one each (an event waits at most this long more); an idle relay publishes at once.
     */
    @WithDefault("20ms")
    Duration relayLinger();

    /** Whether this instance runs the outbox relay (off only in tests that publish by hand). */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * The Kafka transactional id of the relay's producer: the same in every replica of a service (so that a replica
     * taking over fences the previous publisher), different between services. Default: the application name + "-outbox".
     */
    Optional<String> transactionalId();

    /** The most events the relay publishes in one transaction. */
    @WithDefault("200")
    int relayBatchSize();

    /**
     * How long the relay's producer may block on Kafka (its start, a send waiting for metadata, a commit) before the
     * round is abandoned and tried again in a new transaction.
     */
    @WithDefault("PT10S")
    Duration relaySendTimeout();

    /**
     * How long published events stay in the outbox before they are deleted: long enough to investigate a
     * delivery, short enough that erased people's data does not linger here.
     */
    @WithDefault("P7D")
    Duration retention();
}
