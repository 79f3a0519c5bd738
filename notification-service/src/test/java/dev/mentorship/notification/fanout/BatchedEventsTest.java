package dev.mentorship.notification.fanout;

import dev.mentorship.notification.Mailbox;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.EmbeddedKafkaBroker;
import dev.mentorship.testing.TopicReader;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll's records are applied in one transaction (EventBatch): records that cannot be applied go to the .dlq alone,
 * the others of their batch are applied, once, in spite of a copy in the same poll and of a later redelivery.
 */
@QuarkusTest
class BatchedEventsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void poisonInTheMiddleOfABatchIsDeadLetteredAloneAndTheOthersAreAppliedOnce() {
        String ann = "batch-ann";
        String ben = "batch-ben";
        // one key: one partition, in this order; lingering, the producer sends them in one request, so one poll reads them
        String key = "batch-" + UUID.randomUUID();
        String annId = UUID.randomUUID().toString();
        String benId = UUID.randomUUID().toString();
        String unboundId = UUID.randomUUID().toString();
        try (Events events = new Events(); TopicReader dlq = new TopicReader("mentorship.participants.dlq");
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaBroker.bootstrapServers(),
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                     ProducerConfig.LINGER_MS_CONFIG, "200", ProducerConfig.ACKS_CONFIG, "all"))) {
            events.programPublished();
            NotificationFlowTest.awaitProgramKnown(events.programId);
            String annData = events.registeredData(ann, UUID.randomUUID().toString(), events.author, "AUTHOR", "MENTEE", "Europe/Berlin", false);
            String benData = events.registeredData(ben, UUID.randomUUID().toString(), events.author, "AUTHOR", "MENTOR", "Asia/Tokyo", false);

            producer.send(cloudEvent(key, annId, annData));
            producer.send(new ProducerRecord<>("mentorship.participants", key, "not a CloudEvent"));
            producer.send(cloudEvent(key, unboundId, "{\"participantId\": \"not a uuid\", \"participant\": {}, \"registration\": {}}"));
            producer.send(cloudEvent(key, benId, benData));
            producer.send(cloudEvent(key, annId, annData)); // a copy of the first in the same poll
            producer.flush();

            List<TopicReader.Event> dead = dlq.await(e -> key.equals(e.key()), 2, WAIT);
            assertThat(dead).extracting(TopicReader.Event::rawData)
                    // the unbindable one in its turn, the non-CloudEvent once every other record is applied
                    .containsExactly("{\"participantId\": \"not a uuid\", \"participant\": {}, \"registration\": {}}", "not a CloudEvent");
            assertThat(dead).allSatisfy(e -> assertThat(e.headers())
                    .containsEntry("dead-letter-topic", "mentorship.participants")
                    .containsKeys("dead-letter-reason", "dead-letter-partition", "dead-letter-offset"));
            assertThat(dead.get(0).headers().get("dead-letter-reason")).contains(unboundId);
            assertThat(Mailbox.await(NotificationFlowTest.to(ann, "Your registration"), 1, WAIT)).hasSize(1);
            assertThat(Mailbox.await(NotificationFlowTest.to(ben, "Your registration"), 1, WAIT)).hasSize(1);

            // redelivered (as after a rebalance before the commit): nothing is applied twice
            producer.send(cloudEvent(key, annId, annData));
            producer.send(cloudEvent(key, benId, benData));
            producer.flush();
            assertThat(dlq.readFor(Duration.ofSeconds(3), e -> key.equals(e.key()))).as("nothing more dead-lettered").hasSize(2);
            assertThat(Mailbox.to(Tokens.email(ann))).hasSize(1);
            assertThat(Mailbox.to(Tokens.email(ben))).hasSize(1);
            assertThat(Database.query("select event_id from processed_event where event_id in ('" + annId + "', '" + benId
                    + "', '" + unboundId + "') order by event_id")).containsExactlyElementsOf(
                    annId.compareTo(benId) < 0 ? List.of(annId, benId) : List.of(benId, annId));
        }
    }

    private static ProducerRecord<String, String> cloudEvent(String key, String id, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>("mentorship.participants", key, data);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "ParticipantRegistered".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
