package dev.mentorship.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.keycloak.representations.idm.RealmRepresentation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an object into its typed model and reports what the model does not know. The fabric8 Kubernetes model and
 * Strimzi's model both keep unknown fields aside ({@code getAdditionalProperties()}) instead of failing, so after
 * a strict read (no scalar coercion: "3" is not a number) every object of the graph is searched for kept-aside fields.
 */
final class StrictModel {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization(STRICT.copy(), true);
    private static final Map<String, Class<?>> STRIMZI = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);

    private StrictModel() {
    }

    /** Problems of a Kubernetes object (core API groups, fabric8 model); empty when valid. */
    static List<String> kubernetes(JsonNode object) {
        try {
            Object typed = KUBERNETES.unmarshal(object.toString());
            if (typed instanceof GenericKubernetesResource) {
                return List.of("no Kubernetes model for " + object.path("apiVersion").asText() + " " + object.path("kind").asText());
            }
            return unknownFields(typed, ((HasMetadata) typed).getKind());
        } catch (RuntimeException e) {
            return List.of(rootMessage(e));
        }
    }

    /** Problems of a Strimzi object (kafka.strimzi.io), read with Strimzi's own model. */
    static List<String> strimzi(JsonNode object) {
        Class<?> type = STRIMZI.get(object.path("kind").asText());
        if (type == null || !object.path("apiVersion").asText().equals("kafka.strimzi.io/v1beta2")) {
            return List.of("no Strimzi model for " + object.path("apiVersion").asText() + " " + object.path("kind").asText());
        }
        try {
            return unknownFields(STRICT.treeToValue(object, type), object.path("kind").asText());
        } catch (Exception e) {
            return List.of(rootMessage(e));
        }
    }

    /** Problems of a realm, read with Keycloak's own RealmRepresentation (it fails on an unknown field itself). */
    static List<String> realm(JsonNode realm) {
        try {
            STRICT.treeToValue(realm, RealmRepresentation.class);
            return List.of();
        } catch (Exception e) {
            return List.of(rootMessage(e));
        }
    }

    private static List<String> unknownFields(Object root, String path) {
        List<String> problems = new ArrayList<>();
        walk(root, path, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        return problems;
    }

    private static void walk(Object node, String path, List<String> problems, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, problems, seen));
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.getReturnType().isPrimitive()
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            walk(value, path + "." + field, problems, seen);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
