package dev.mentorship.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorship.testing.NodeTools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prometheus Operator objects and PromQL checked offline by deploy/contracts/validate-monitoring.mjs: the objects
 * against the operator's CRD schemas, each expression parsed with the Prometheus UI's PromQL grammar, which also tells
 * the metric names an expression reads.
 */
final class Monitoring {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Monitoring() {
    }

    /** What the validator found: its problems, and per expression the metric names it reads ("~regex" for a __name__ regex). */
    record Result(List<String> problems, Map<String, Set<String>> metrics) {
    }

    /** Validates {@code objects} and parses {@code expressions} (where → PromQL). */
    static Result validate(List<JsonNode> objects, Map<String, String> expressions) {
        ObjectNode input = JSON.createObjectNode();
        ArrayNode array = input.putArray("objects");
        objects.forEach(array::add);
        ArrayNode exprs = input.putArray("expressions");
        expressions.forEach((where, expr) -> exprs.addObject().put("where", where).put("expr", expr));
        try {
            Path file = Files.createTempFile("monitoring", ".json");
            Files.writeString(file, JSON.writeValueAsString(input));
            NodeTools.Result result = NodeTools.node(ManifestsTest.ROOT.resolve("deploy/contracts/validate-monitoring.mjs").toAbsolutePath(),
                    file.toString());
            String last = result.output().strip().lines().reduce((a, b) -> b).orElse("");
            if (!last.startsWith("{")) {
                return new Result(List.of("validate-monitoring.mjs failed (" + result.exitCode() + "): " + result.output()), Map.of());
            }
            JsonNode output = JSON.readTree(last);
            List<String> problems = new ArrayList<>();
            output.path("problems").forEach(p -> problems.add(p.asText()));
            Map<String, Set<String>> metrics = new TreeMap<>();
            output.path("metrics").fields().forEachRemaining(e -> {
                Set<String> names = new TreeSet<>();
                e.getValue().forEach(n -> names.add(n.asText()));
                metrics.put(e.getKey(), names);
            });
            if (result.exitCode() != 0 && problems.isEmpty()) {
                problems.add("validate-monitoring.mjs exited " + result.exitCode() + ": " + result.output());
            }
            return new Result(problems, metrics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
