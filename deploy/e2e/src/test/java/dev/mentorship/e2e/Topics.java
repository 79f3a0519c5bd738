package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** An independent consumer of the platform's topics, as another conference system would subscribe. */
final class Topics implements AutoCloseable {

    record Event(String topic, String key, String type, Map<String, String> headers, JsonNode data) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    Topics() {
        this(List.of("mentorship.programs", "mentorship.participants", "mentorship.pairings", "mentorship.schedule"));
    }

    Topics(List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                // as every subscriber must (docs/events.md): the relays publish in Kafka transactions
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(topics);
    }

    List<Event> await(Predicate<Event> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.stream().filter(filter).count() < count && System.nanoTime() < deadline) {
            poll();
        }
        List<Event> found = seen.stream().filter(filter).toList();
        if (found.size() < count) {
            Map<String, Long> types = new java.util.TreeMap<>();
            seen.forEach(e -> types.merge(e.topic() + "/" + e.type(), 1L, Long::sum));
            throw new AssertionError("Saw " + found.size() + " of " + count + " matching events; all seen: " + types);
        }
        return found;
    }

    /** Every event read so far plus whatever arrives until the topics stay quiet for {@code quiet}. */
    List<Event> drain(Duration quiet) {
        long last = System.nanoTime();
        while (System.nanoTime() - last < quiet.toNanos()) {
            int before = seen.size();
            poll();
            if (seen.size() > before) {
                last = System.nanoTime();
            }
        }
        return List.copyOf(seen);
    }

    private void poll() {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
            Map<String, String> headers = new HashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
            JsonNode data;
            try {
                data = r.value() == null ? null : Http.JSON.readTree(r.value());
            } catch (IOException e) {
                data = null;
            }
            if (data == null) {
                data = MissingNode.getInstance(); // a poison message (the fault suite's): matches no one's filter
            }
            seen.add(new Event(r.topic(), r.key(), headers.get("ce_type"), headers, data));
        }
    }

    static Predicate<Event> type(String type) {
        return e -> type.equals(e.type());
    }

    /** An event of this type that a producer published: not one of the fault suite's poison messages of that type. */
    static Predicate<Event> published(String type) {
        return e -> type.equals(e.type()) && e.data() != null && e.data().isObject() && (e.key() == null || !e.key().startsWith("poison-"));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
