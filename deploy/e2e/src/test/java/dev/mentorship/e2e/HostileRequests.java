package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Hostile requests generated from a service's OpenAPI document: for each operation, a valid-looking request built
 * from its schemas, then broken one way: malformed JSON, wrong types, huge strings and arrays, unicode edge cases,
 * injection strings, unknown fields, missing fields, foreign or missing tokens, other people's ids. Every request is
 * a function of (seed, index), so a failure is replayed from the two numbers in the report.
 */
final class HostileRequests {

    /** Who sends a request; what they may see follows from it. */
    enum Caller { NONE, GARBAGE_TOKEN, FORGED_TOKEN, UNSIGNED_TOKEN, ATTACKER, ORGANIZER }

    record Operation(String method, String path, JsonNode operation) {
        List<String> roles() {
            List<String> roles = new ArrayList<>();
            operation.path("security").forEach(s -> s.fields().forEachRemaining(f -> f.getValue().forEach(r -> roles.add(r.asText()))));
            return roles;
        }

        boolean isPublic() {
            JsonNode security = operation.get("security");
            return security != null && (security.isEmpty() || (security.size() == 1 && security.get(0).isEmpty()));
        }
    }

    record Request(Operation op, Caller caller, String method, String path, Map<String, String> headers, byte[] body, String mutation) {
        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return method + " " + path + " as " + caller + " (" + mutation + ")" + (shown.isEmpty() ? "" : " body: " + shown);
        }
    }

    /** Ids the generator puts into paths: real ones of the caller's world, other people's, and junk. */
    record Ids(Map<String, List<String>> real, List<String> othersIds) {
    }

    static final List<String> HOSTILE_STRINGS = List.of(
            "' OR '1'='1", "'; DROP TABLE registration; --", "\" OR 1=1 --", "1; SELECT pg_sleep(5)",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "#{7*7}",
            "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "\u0000", "null", "undefined", "NaN", "-1", "0",
            "\uD800", "\uDFFF", "\u202Eevil\u202C", "\uFEFF", "\u200B\u200B", "Z\u0351\u0360\u0361\u035C\u0362\u0322a\u0337\u0338l\u0336\u034Dgo",
            "\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDD2C", "𝕸𝖆𝖗𝖎𝖆", "ﷺ", "\r\nSet-Cookie: a=b", "\t\n\r", " ", "",
            "a".repeat(70_000), "é".repeat(5_000), "\u0000".repeat(1000), "%s%s%s%n", "\\\\\\", "$(id)", "`id`",
            "AAAAAAAAAAAAAAAAAAAA@AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.test",
            "9999-99-99", "2025-02-30", "25:61", "P-1D", "PT999999999999H", "Europe/../../etc", "+99:99");

    static final List<String> MALFORMED_BODIES = List.of(
            "{", "}", "{\"a\":", "{\"a\" 1}", "[1,2,", "{\"a\":1,}", "nul", "tru", "{'a':1}", "\"unterminated",
            "{\"a\":\"\\uZZZZ\"}", "{\"a\":1}{\"b\":2}", "{\"a\":1} trailing", "\u0000", "<xml/>", "a=1&b=2",
            "{\"a\":0x10}", "{\"a\":01}", "{\"a\":1e99999}", "{\"a\":-}", "{\"__proto__\":{\"admin\":true}}",
            "[" .repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));

    private final JsonNode openapi;
    private final String baseUrl;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<Caller, String> tokens;
    private final Ids ids;
    private final long seed;

    HostileRequests(JsonNode openapi, String baseUrl, Map<Caller, String> tokens, Ids ids, long seed) {
        this.openapi = openapi;
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.ids = ids;
        this.seed = seed;
        openapi.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            String method = m.getKey().toUpperCase();
            if (List.of("GET", "PUT", "POST", "PATCH", "DELETE").contains(method)
                    && !p.getKey().endsWith("/stream")) { // the live stream stays open; it is fuzzed for auth only below
                operations.add(new Operation(method, p.getKey(), m.getValue()));
            }
        }));
    }

    List<Operation> operations() {
        return operations;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The index-th request of this run. */
    Request request(long index) {
        Random random = new Random(seed * 1_000_003L + index);
        Operation op = operations.get(random.nextInt(operations.size()));
        Caller caller = caller(op, random);
        String path = fillPath(op, random);
        String query = query(op, random);
        Map<String, String> headers = new LinkedHashMap<>();
        String token = tokens.get(caller);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        byte[] body = null;
        String mutation = "valid";
        JsonNode schema = requestSchema(op);
        boolean sendsBody = schema != null || random.nextInt(10) == 0;
        if (sendsBody && !op.method().equals("GET") && !op.method().equals("DELETE")) {
            JsonNode valid = schema == null ? JsonNodeFactory.instance.objectNode() : instance(schema, random, 0);
            int kind = random.nextInt(12);
            String text;
            switch (kind) {
                case 0 -> text = valid.toString();
                case 1 -> {
                    mutation = "missing field";
                    text = dropField(valid, random).toString();
                }
                case 2 -> {
                    mutation = "wrong type";
                    text = replaceLeaf(valid, random, wrongType(random)).toString();
                }
                case 3, 4 -> {
                    mutation = "hostile string";
                    text = replaceLeaf(valid, random, TextNode.valueOf(pick(HOSTILE_STRINGS, random))).toString();
                }
                case 5 -> {
                    mutation = "huge array";
                    ArrayNode huge = JsonNodeFactory.instance.arrayNode();
                    JsonNode element = random.nextBoolean() ? TextNode.valueOf("x") : valid;
                    for (int i = 0; i < 5_000 + random.nextInt(20_000); i++) {
                        huge.add(element);
                    }
                    text = replaceLeaf(valid, random, huge).toString();
                }
                case 6 -> {
                    mutation = "unknown fields";
                    if (valid instanceof ObjectNode o) {
                        o.put("isAdmin", true).put("role", "ORGANIZER").put("participantId", UUID.randomUUID().toString())
                                .putObject("__proto__").put("polluted", true);
                    }
                    text = valid.toString();
                }
                case 7 -> {
                    mutation = "malformed JSON";
                    text = pick(MALFORMED_BODIES, random);
                }
                case 8 -> {
                    mutation = "not JSON content";
                    text = valid.toString();
                    headers.put("Content-Type", pick(List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                            "application/x-www-form-urlencoded", "application/json; charset=EBCDIC"), random));
                }
                case 9 -> {
                    mutation = "empty or null body";
                    text = pick(List.of("", "null", "[]", "{}", "\"\"", "0"), random);
                }
                case 10 -> {
                    mutation = "extreme number";
                    text = replaceLeaf(valid, random, JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(pick(List.of(
                            "1e308", "-1e308", "99999999999999999999999999", "-9223372036854775809", "0.0000000000000000001", "-0"), random))))
                            .toString();
                }
                default -> {
                    mutation = "broken bytes";
                    byte[] bytes = valid.toString().getBytes(StandardCharsets.UTF_8);
                    if (bytes.length > 2) {
                        bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x7f));
                    }
                    text = new String(bytes, StandardCharsets.ISO_8859_1);
                    body = bytes;
                }
            }
            if (body == null) {
                body = text.getBytes(StandardCharsets.UTF_8);
            }
            headers.putIfAbsent("Content-Type", "application/json");
        }
        if (random.nextInt(25) == 0) {
            headers.put("Accept", pick(List.of("text/html", "application/xml", "*/*", "application/json;q=0"), random));
        }
        return new Request(op, caller, op.method(), path + query, headers, body, mutation);
    }

    private Caller caller(Operation op, Random random) {
        int r = random.nextInt(20);
        if (r == 0) {
            return Caller.NONE;
        } else if (r == 1) {
            return Caller.GARBAGE_TOKEN;
        } else if (r == 2) {
            return Caller.FORGED_TOKEN;
        } else if (r == 3) {
            return Caller.UNSIGNED_TOKEN;
        }
        if (op.roles().contains("organizer")) {
            return random.nextInt(3) == 0 ? Caller.ATTACKER : Caller.ORGANIZER;
        }
        return Caller.ATTACKER;
    }

    private String fillPath(Operation op, Random random) {
        StringBuilder out = new StringBuilder();
        String path = op.path();
        int i = 0;
        while (i < path.length()) {
            int open = path.indexOf('{', i);
            if (open < 0) {
                out.append(path.substring(i));
                break;
            }
            int close = path.indexOf('}', open);
            out.append(path, i, open);
            String name = path.substring(open + 1, close);
            out.append(encode(pathValue(name, random)));
            i = close + 1;
        }
        return out.toString();
    }

    private String pathValue(String name, Random random) {
        int r = random.nextInt(10);
        List<String> real = ids.real().getOrDefault(name, List.of());
        if (r < 4 && !real.isEmpty()) {
            return pick(real, random);
        } else if (r < 7 && !ids.othersIds().isEmpty()) {
            return pick(ids.othersIds(), random);
        } else if (r < 8) {
            return UUID.randomUUID().toString();
        }
        String hostile = pick(HOSTILE_STRINGS, random);
        return hostile.substring(0, Math.min(2000, hostile.length()));
    }

    private String query(Operation op, Random random) {
        List<String> parts = new ArrayList<>();
        for (JsonNode parameter : op.operation().path("parameters")) {
            if (!"query".equals(parameter.path("in").asText()) || random.nextInt(3) == 0) {
                continue;
            }
            String value;
            int r = random.nextInt(4);
            if (r == 0) {
                value = pick(HOSTILE_STRINGS, random);
            } else if (r == 1) {
                value = pick(List.of("-1", "0", "2147483648", "99999999999", "1.5", "abc", ""), random);
            } else {
                value = instance(resolve(parameter.path("schema")), random, 0).asText();
            }
            parts.add(encode(parameter.path("name").asText()) + "=" + encode(value.length() > 3000 ? value.substring(0, 3000) : value));
        }
        if (random.nextInt(8) == 0) {
            parts.add("unknownParam=" + encode(pick(HOSTILE_STRINGS, random).substring(0, 1)));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private JsonNode requestSchema(Operation op) {
        JsonNode content = op.operation().path("requestBody").path("content");
        JsonNode json = content.path("application/json").path("schema");
        return json.isMissingNode() ? null : resolve(json);
    }

    private JsonNode resolve(JsonNode schema) {
        int hops = 0;
        while (schema.has("$ref") && hops++ < 20) {
            String ref = schema.get("$ref").asText();
            schema = openapi.at(ref.substring(1));
        }
        return schema;
    }

    /** A value the schema accepts, as far as a generator can tell without patterns. */
    JsonNode instance(JsonNode schema, Random random, int depth) {
        schema = resolve(schema);
        JsonNodeFactory f = JsonNodeFactory.instance;
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && schema.get(combinator).size() > 0) {
                return instance(schema.get(combinator).get(0), random, depth);
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("object");
        switch (type) {
            case "string" -> {
                String format = schema.path("format").asText();
                return TextNode.valueOf(switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> LocalDate.now().plusDays(random.nextInt(200)).toString();
                    case "date-time" -> LocalDate.now().plusDays(random.nextInt(200)) + "T10:00:00Z";
                    case "email" -> "someone" + random.nextInt(1000) + "@mentorship.test";
                    case "local-time" -> String.format("%02d:%02d", random.nextInt(24), random.nextInt(4) * 15);
                    case "duration" -> "P" + (1 + random.nextInt(7)) + "D";
                    case "uri" -> "https://example.org/" + random.nextInt(100);
                    default -> "text " + random.nextInt(1000);
                });
            }
            case "integer" -> {
                long min = schema.path("minimum").asLong(0);
                long max = schema.path("maximum").asLong(min + 10);
                return f.numberNode(min + (max > min ? Math.floorMod(random.nextLong(), Math.min(max - min + 1, 1000)) : 0));
            }
            case "number" -> {
                return f.numberNode(random.nextDouble() * 10);
            }
            case "boolean" -> {
                return f.booleanNode(random.nextBoolean());
            }
            case "array" -> {
                ArrayNode array = f.arrayNode();
                if (depth < 6) {
                    int n = schema.path("minItems").asInt(0) + random.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        array.add(instance(schema.path("items"), random, depth + 1));
                    }
                }
                return array;
            }
            default -> {
                ObjectNode object = f.objectNode();
                if (depth < 6) {
                    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                    while (properties.hasNext()) {
                        Map.Entry<String, JsonNode> p = properties.next();
                        object.set(p.getKey(), instance(p.getValue(), random, depth + 1));
                    }
                    if (schema.path("additionalProperties").isObject() && object.isEmpty()) {
                        object.set("key" + random.nextInt(10), instance(schema.get("additionalProperties"), random, depth + 1));
                    }
                }
                return object;
            }
        }
    }

    private static JsonNode wrongType(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<Supplier<JsonNode>> kinds = List.of(() -> f.numberNode(42), () -> TextNode.valueOf("forty-two"), f::nullNode,
                () -> f.booleanNode(true), f::arrayNode, f::objectNode, () -> f.arrayNode().add(f.objectNode().put("x", 1)));
        return kinds.get(random.nextInt(kinds.size())).get();
    }

    /** The tree with one field somewhere in it removed. */
    private static JsonNode dropField(JsonNode root, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        objects.removeIf(JsonNode::isEmpty);
        if (!objects.isEmpty()) {
            ObjectNode o = pick(objects, random);
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            o.remove(pick(names, random));
        }
        return root;
    }

    /** The tree with one value somewhere in it (or the whole tree) replaced. */
    private static JsonNode replaceLeaf(JsonNode root, Random random, JsonNode value) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        objects.removeIf(JsonNode::isEmpty);
        if (objects.isEmpty()) {
            return value;
        }
        ObjectNode o = pick(objects, random);
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        o.set(pick(names, random), value);
        return root;
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
        }
        node.forEach(child -> collectObjects(child, out));
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
