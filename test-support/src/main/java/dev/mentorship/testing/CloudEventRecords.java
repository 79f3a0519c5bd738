package dev.mentorship.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Kafka records as a consumer receives them, without a broker: for tests that bind event data as the consumer does. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /** A CloudEvent in binary mode: {@code ce_id} (random) and {@code ce_type} headers, the data as the value. */
    public static ConsumerRecord<String, String> of(String type, String data) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("topic", 0, 0, "key", data);
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
