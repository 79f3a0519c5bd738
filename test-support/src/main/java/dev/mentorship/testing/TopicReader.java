package dev.mentorship.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a topic of the real broker from the beginning, as an independent consumer (another conference system)
 * would, and gives each record back as a CloudEvent: its {@code ce_*} headers and its JSON data.
 */
public final class TopicReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record as a CloudEvent in Kafka binary mode; {@code data} is null where the value is not JSON. */
    public record Event(String key, Map<String, String> headers, JsonNode data, String rawData) {
        public String type() {
            return headers.get("ce_type");
        }

        public String id() {
            return headers.get("ce_id");
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    public TopicReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaBroker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Polls until {@code count} events matching {@code filter} have been read (counting from the topic's start)
     * or the timeout passes; returns the matching events in the order read.
     */
    public List<Event> await(Predicate<Event> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.stream().filter(filter).count() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(toEvent(record));
            }
        }
        return seen.stream().filter(filter).toList();
    }

    /** Reads for a while and returns every matching event: to show that no more than expected arrive. */
    public List<Event> readFor(Duration duration, Predicate<Event> filter) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(toEvent(record));
            }
        }
        return seen.stream().filter(filter).toList();
    }

    public static Predicate<Event> ofType(String type) {
        return e -> type.equals(e.type());
    }

    private static Event toEvent(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        JsonNode data;
        try {
            data = JSON.readTree(record.value());
        } catch (IOException e) {
            // a dead-letter topic keeps what could not be read: such a record has no JSON data, only its raw value
            data = null;
        }
        return new Event(record.key(), headers, data, record.value());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
