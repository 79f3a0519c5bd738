package dev.mentorship.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Sends events to the real broker as another service would: CloudEvents in Kafka binary mode. */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaBroker.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.ACKS_CONFIG, "all"));

    /**
     * Sends one CloudEvent and waits for the broker's acknowledgement. Its data must be valid against the producer's
     * schema ({@link ProducerContracts}): a consumer is tested with events its producer can really send.
     */
    public void send(String topic, String key, String type, String id, String source, String json) {
        ProducerContracts.assertValid(type, json);
        sendRaw(cloudEvent(topic, key, type, id, source, json));
    }

    /** Sends a CloudEvent whose data breaks its schema on purpose (a consumer must dead-letter it, not crash). */
    public void sendMalformed(String topic, String key, String type, String id, String source, String json) {
        sendRaw(cloudEvent(topic, key, type, id, source, json));
    }

    /** Sends one CloudEvent without waiting (as a producing service would, batching); {@link #flush()} waits for all. */
    public void sendAsync(String topic, String key, String type, String id, String source, String json) {
        ProducerContracts.assertValid(type, json);
        producer.send(cloudEvent(topic, key, type, id, source, json));
    }

    public void flush() {
        producer.flush();
    }

    private static ProducerRecord<String, String> cloudEvent(String topic, String key, String type, String id, String source, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_source", source);
        header(record, "ce_type", type);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    /** Sends a record as it is, e.g. one that is not a CloudEvent at all. */
    public void sendRaw(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker refused the record", e.getCause());
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
