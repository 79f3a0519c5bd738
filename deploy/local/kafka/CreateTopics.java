import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates the platform's topics (three partitions each) if they do not exist; run with Kafka's jars on the
 * classpath: {@code java -cp 'libs/*' CreateTopics.java 127.0.0.1:9092 topic...}. One JVM for all topics.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        List<String> topics = Arrays.asList(args).subList(1, args.length);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                    System.out.println("created " + topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    System.out.println("exists  " + topic);
                }
            }
        }
    }
}
