package dev.mentorship.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A real Kafka broker in KRaft mode (Kafka's own KafkaClusterTestKit, broker and controller combined), one per
 * test JVM, with the platform's topics created as the local stack creates them.
 */
public final class EmbeddedKafkaBroker {

    /** The platform's topics and their dead-letter topics, as DESIGN.md names them. */
    public static final List<String> TOPICS = List.of(
            "mentorship.programs", "mentorship.participants", "mentorship.pairings", "mentorship.schedule",
            "mentorship.programs.dlq", "mentorship.participants.dlq", "mentorship.pairings.dlq",
            "mentorship.schedule.dlq",
            // internal: the services' own, never granted to outside subscribers
            "mentorship.staff", "mentorship.staff.dlq", "mentorship.confidential", "mentorship.confidential.dlq",
            "mentorship.audit", "mentorship.audit.dlq");

    private static KafkaClusterTestKit cluster;

    private EmbeddedKafkaBroker() {
    }

    /** Starts the broker once per JVM and returns its bootstrap servers. */
    public static synchronized String start() {
        if (cluster == null) {
            try {
                Path baseDir = Files.createDirectories(Path.of("target", "embedded-kafka"));
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBaseDirectory(Files.createTempDirectory(baseDir, "kraft-"))
                        .build())
                        .setConfigProp("auto.create.topics.enable", "false")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "3")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("transaction.state.log.num.partitions", "3")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
                createTopics(TOPICS);
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedKafkaBroker::stop, "embedded-kafka-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("In-process Kafka broker did not start", e);
            }
        }
        return cluster.bootstrapServers();
    }

    public static synchronized String bootstrapServers() {
        return start();
    }

    /** Creates topics with three partitions each; topics that exist already are left as they are. */
    public static void createTopics(Collection<String> names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Takes the broker down (its controller stays), as an outage would; {@link #restartBroker()} brings it back. */
    public static synchronized void stopBroker() {
        start();
        cluster.brokers().values().forEach(broker -> broker.shutdown());
    }

    /** Brings the broker back on the same port, with the data it had. */
    public static synchronized void restartBroker() {
        cluster.brokers().values().forEach(broker -> broker.startup());
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("The broker did not come back", e);
        }
    }

    public static synchronized void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // the JVM is going away
            }
            cluster = null;
        }
    }
}
