package dev.mentorship.runtime.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "mentorship.events")
public interface EventsConfig {

    /** The CloudEvents source of this service's events. */
    @WithDefault("/mentorship/${quarkus.application.name}")
    String source();

    /** Where this service publishes its event schemas; {@code ce_dataschema} is this plus "Type.vN.json". */
    @WithDefault("http://127.0.0.1:${quarkus.http.port}/schemas/")
    String schemaBaseUrl();

    /** How often the relay looks for events to publish (read by its schedule). */
    @WithDefault("1s")
    String relayInterval();

    /** The most events the relay publishes in one transaction. */
    @WithDefault("200")
    int relayBatchSize();

    /**
     * How long the relay waits for Kafka to acknowledge a batch before it tries again later: over the producer's
     * delivery timeout plus its metadata wait (8 s + 2 s), so that every send has its answer before the relay gives up.
     */
    @WithDefault("PT30S")
    Duration relaySendTimeout();

    /**
     * How long published events stay in the outbox before they are deleted: long enough to investigate a
     * delivery, short enough that erased people's data does not linger here.
     */
    @WithDefault("P7D")
    Duration retention();
}
