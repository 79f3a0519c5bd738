package dev.mentorship.runtime.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the records a consumer gives up on and sends to a dead-letter topic, per topic they were read from:
 * {@code mentorship_events_dead_lettered_total{topic="mentorship.participants"}}, which the DLQ alert watches
 * (deploy/k8s/base/monitoring/alerts.yaml). Whoever writes a record to a {@code .dlq} topic calls
 * {@link #counted(String)} with the topic the record came from, once per record, after the dead letter was sent.
 * <p>
 * The counter of every topic this service consumes (each enabled {@code mp.messaging.incoming.<channel>.topic}) is
 * registered at start with 0, so the first dead letter is an increase Prometheus sees.
 */
@Startup
@ApplicationScoped
public class DeadLetters {

    public static final String NAME = "mentorship.events.dead.lettered";
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public DeadLetters(MeterRegistry registry, Config config) {
        this.registry = registry;
        for (String property : config.getPropertyNames()) {
            Matcher incoming = INCOMING_TOPIC.matcher(property);
            if (incoming.matches() && config.getOptionalValue("mp.messaging.incoming." + incoming.group(1) + ".enabled", Boolean.class).orElse(true)) {
                Optional<String> topic = config.getOptionalValue(property, String.class);
                topic.ifPresent(this::counter);
            }
        }
    }

    /** One record read from {@code topic} was sent to its dead-letter topic. */
    public void counted(String topic) {
        counted(topic, 1);
    }

    /** {@code records} records read from {@code topic} were sent to its dead-letter topic. */
    public void counted(String topic, int records) {
        if (records > 0) {
            counter(topic).increment(records);
        }
    }

    /** How many records read from {@code topic} this replica dead-lettered since it started. */
    public double count(String topic) {
        return counter(topic).count();
    }

    private Counter counter(String topic) {
        return counters.computeIfAbsent(topic, t -> Counter.builder(NAME)
                .description("Records given up on and sent to the dead-letter topic, by the topic they were read from")
                .tag("topic", t)
                .register(registry));
    }
}
