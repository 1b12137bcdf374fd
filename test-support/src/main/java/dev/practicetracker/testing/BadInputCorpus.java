package dev.practicetracker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A careless and a hostile client in one: for every operation a service's OpenAPI description ({@code /api-docs})
 * names, it sends, as each caller, the operation's valid request and then that request spoilt one way at a time —
 * malformed JSON, each field of the wrong type, numbers out of range, required fields left out, an unknown field, bodies
 * of 2 MB, odd Unicode, wrong content types, odd path values and bad query parameters. Every answer must be below 500;
 * every 4xx must be {@code application/problem+json} without a stack trace or SQL in it and must leave the event count
 * as it was; a request whose input is wrong by the description (a wrong type, a missing required field, a number that
 * is not a whole one where the description says integer, ...) must not be accepted.
 *
 * <p>The corpus has no randomness: the same description and fixtures give the same requests in the same order. The
 * requests are sent one at a time, so an event written while one was answered was written by it.
 */
public final class BadInputCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Jackson cannot write a lone surrogate; this stands for one in a body and is replaced by its JSON escape. */
    private static final String LONE_SURROGATE = "\u0001lone-surrogate\u0001";

    private static final int OVERSIZE = 2 * 1024 * 1024;

    /** What no error answer may show: a Java stack trace, an exception's class, or SQL and its driver. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\tat |Exception|\\bSQL|PSQL|org\\.postgresql|org\\.springframework|(?i:\\bselect\\b.{1,200}\\bfrom\\b)"
                    + "|(?i:insert into)");

    /** Values for a path variable that no client should send: each is sent already percent-encoded, as it is here. */
    private static final List<String> ODD_PATH_VALUES = List.of(
            "corpus-unknown-id",
            "null",
            "-1",
            "1e309",
            "a%2Fb",
            "%2e%2e",
            "a;b",
            "a%3Bb",
            "%00",
            "a%20b",
            "%25",
            "%F0%9F%98%80",
            "%E2%80%AEdi-lti",
            "%ED%A0%80",
            "%FF%FE",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%27%20OR%201%3D1%20--",
            "x".repeat(300),
            "x".repeat(10_000));

    private final URI base;
    private final LongSupplier eventCount;
    private final Fixtures fixtures;
    private final Map<String, String> callers = new LinkedHashMap<>();
    private final List<String> last = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /**
     * Live streams that were let in never end; they stay open (the server closes them when it stops), since one closed
     * here would be noticed by the server only at its next write.
     */
    private final List<InputStream> openStreams = new CopyOnWriteArrayList<>();

    /**
     * The test's side: a valid request of an operation as a caller sends it, on things that exist. Asked before an
     * operation's first request by a caller and again after each request of it the service accepted, since an
     * accepted request may have changed what the fixture stands on (a locked account, an answered question); a refused
     * one changed nothing, which the corpus checks.
     */
    public interface Fixtures {
        Fixture prepare(Operation operation, String caller);
    }

    /** A value for each path variable and, for an operation with a body, a valid body (field name to value). */
    public record Fixture(Map<String, String> path, Map<String, Object> body) {}

    public record Parameter(String name, String in, boolean required, JsonNode schema) {}

    /** One operation of the description, with its request body's schema resolved ({@code null} without a body). */
    public record Operation(
            String method, String path, List<Parameter> parameters, JsonNode bodySchema, boolean bodyRequired) {

        public String key() {
            return method + " " + path;
        }
    }

    /** Whether an input is wrong by the description (and must be refused) or only odd (and must merely be handled). */
    enum Expect {
        HANDLED,
        REFUSED
    }

    /** One request to send: how it differs from the valid one, and what it must get. */
    private record Probe(
            String input,
            Map<String, String> pathOverrides,
            String query,
            byte[] body,
            String contentType,
            Expect expect) {}

    /** What the corpus sent and saw, per operation, and every answer that broke a rule. */
    public record Report(
            Map<String, Map<Integer, Integer>> statuses,
            Map<String, Duration> durations,
            List<String> failures,
            Map<String, Set<String>> accepted) {

        public int requests(String operation) {
            return statuses.getOrDefault(operation, Map.of()).values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
        }

        public int total() {
            return statuses.keySet().stream().mapToInt(this::requests).sum();
        }

        /** The table the test prints: each operation, the requests sent and the statuses seen (count per status). */
        public String table() {
            int width =
                    statuses.keySet().stream().mapToInt(String::length).max().orElse(10);
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    "%-" + width + "s  %8s  %7s  %s%n", "operation", "requests", "seconds", "statuses seen"));
            statuses.forEach((operation, seen) -> out.append(String.format(
                    "%-" + width + "s  %8d  %7.1f  %s%n",
                    operation,
                    requests(operation),
                    durations.get(operation).toMillis() / 1000.0,
                    seen.entrySet().stream()
                            .map(e -> e.getKey() + "x" + e.getValue())
                            .collect(Collectors.joining(" ")))));
            out.append(String.format(
                    "%-" + width + "s  %8d  %7.1f%n",
                    "total",
                    total(),
                    durations.values().stream().mapToLong(Duration::toMillis).sum() / 1000.0));
            return out.toString();
        }
    }

    public BadInputCorpus(URI base, LongSupplier eventCount, Fixtures fixtures) {
        this.base = base;
        this.eventCount = eventCount;
        this.fixtures = fixtures;
    }

    /** A caller, by a name for the report and the bearer token it sends; callers are run in the order given. */
    public BadInputCorpus caller(String name, String token) {
        callers.put(name, token);
        return this;
    }

    /** Operations run after all others, in the order given (one that empties read models, say). */
    public BadInputCorpus last(String... operationKeys) {
        last.addAll(List.of(operationKeys));
        return this;
    }

    /** The operations of the service's description, in a fixed order: by path, then method, the {@link #last} last. */
    public List<Operation> operations() {
        JsonNode docs = read(get("/api-docs"));
        List<Operation> operations = new ArrayList<>();
        docs.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                    JsonNode operation = method.getValue();
                    List<Parameter> parameters = new ArrayList<>();
                    operation
                            .path("parameters")
                            .forEach(p -> parameters.add(new Parameter(
                                    p.get("name").asText(),
                                    p.get("in").asText(),
                                    p.path("required").asBoolean(false),
                                    resolve(docs, p.path("schema")))));
                    JsonNode body = operation.path("requestBody");
                    JsonNode schema =
                            body.path("content").path("application/json").path("schema");
                    operations.add(new Operation(
                            method.getKey().toUpperCase(java.util.Locale.ROOT),
                            path.getKey(),
                            parameters,
                            schema.isMissingNode() ? null : resolve(docs, schema),
                            body.path("required").asBoolean(false)));
                }));
        operations.sort(Comparator.comparing((Operation o) -> last.indexOf(o.key()))
                .thenComparing(Operation::path)
                .thenComparing(Operation::method));
        return operations;
    }

    public Report run() {
        Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        Map<String, Set<String>> accepted = new LinkedHashMap<>();
        Map<String, Duration> durations = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations()) {
            long started = System.nanoTime();
            Map<Integer, Integer> seen = statuses.computeIfAbsent(operation.key(), k -> new TreeMap<>());
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                Fixture fixture = prepare(operation, caller.getKey());
                List<Probe> probes = probes(operation, fixture);
                for (int i = 0; i < probes.size(); i++) {
                    Probe probe = probes.get(i);
                    String request = operation.key() + " as " + caller.getKey() + ", " + probe.input();
                    long before = eventCount.getAsLong();
                    Answer answer = send(operation, fixture, probe, caller.getValue());
                    long after = eventCount.getAsLong();
                    seen.merge(answer.status(), 1, Integer::sum);
                    judge(request, probe, answer, after - before).ifPresent(failures::add);
                    if (answer.status() >= 200 && answer.status() < 300) {
                        if (i == 0) {
                            accepted.computeIfAbsent(operation.key(), k -> new TreeSet<>())
                                    .add(caller.getKey());
                        }
                        // The same spoilt requests, on a fixture the accepted one did not change.
                        fixture = prepare(operation, caller.getKey());
                        probes = probes(operation, fixture);
                    }
                }
            }
            durations.put(operation.key(), Duration.ofNanos(System.nanoTime() - started));
        }
        return new Report(statuses, durations, failures, accepted);
    }

    private static java.util.Optional<String> judge(String request, Probe probe, Answer answer, long eventsWritten) {
        int status = answer.status();
        String seen = " -> " + status + " " + answer.contentType() + " " + abbreviate(answer.body());
        if (status < 0) {
            return java.util.Optional.of(request + ": no answer (" + answer.body() + ")");
        }
        if (status >= 500) {
            return java.util.Optional.of(request + ": server error" + seen);
        }
        if (status >= 400) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                return java.util.Optional.of(request + ": error not problem+json" + seen);
            }
            if (INTERNALS.matcher(answer.body()).find()) {
                return java.util.Optional.of(request + ": internals in the answer" + seen);
            }
            if (eventsWritten != 0) {
                return java.util.Optional.of(request + ": refused but wrote " + eventsWritten + " events" + seen);
            }
        } else if (probe.expect() == Expect.REFUSED) {
            return java.util.Optional.of(request + ": accepted" + seen);
        }
        return java.util.Optional.empty();
    }

    /** The test's fixture, which must be a valid request by the description, or the corpus would spoil the wrong thing. */
    private Fixture prepare(Operation operation, String caller) {
        Fixture fixture = fixtures.prepare(operation, caller);
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path") && !fixture.path().containsKey(parameter.name())) {
                throw new IllegalStateException(operation.key() + ": the fixture has no value for " + parameter.name());
            }
        }
        if (fixture.body() == null) {
            return fixture;
        }
        if (operation.bodySchema() == null) {
            throw new IllegalStateException(operation.key() + " takes no body, but the fixture has one");
        }
        JsonNode properties = operation.bodySchema().path("properties");
        for (String field : fixture.body().keySet()) {
            if (!properties.has(field)) {
                throw new IllegalStateException(operation.key() + " has no field " + field + " in its description");
            }
        }
        operation.bodySchema().path("required").forEach(required -> {
            if (!fixture.body().containsKey(required.asText())) {
                throw new IllegalStateException(
                        operation.key() + ": the fixture leaves out the required " + required.asText());
            }
        });
        return fixture;
    }

    // ---- the corpus ----

    private List<Probe> probes(Operation operation, Fixture fixture) {
        List<Probe> probes = new ArrayList<>();
        boolean hasBody = operation.bodySchema() != null;
        ObjectNode valid = fixture.body() == null ? NODES.objectNode() : JSON.valueToTree(fixture.body());
        byte[] validBytes = hasBody ? bytes(valid) : null;
        probes.add(new Probe("valid request", Map.of(), "", validBytes, json(hasBody), Expect.HANDLED));
        bodyProbes(operation, valid, probes);
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                for (String odd : ODD_PATH_VALUES) {
                    probes.add(new Probe(
                            "path " + parameter.name() + " = " + abbreviate(odd),
                            Map.of(parameter.name(), odd),
                            "",
                            validBytes,
                            json(hasBody),
                            Expect.HANDLED));
                }
            } else if (parameter.in().equals("query")) {
                queryProbes(parameter, validBytes, json(hasBody), probes);
            }
        }
        return probes;
    }

    private void bodyProbes(Operation operation, ObjectNode valid, List<Probe> probes) {
        JsonNode schema = operation.bodySchema();
        // A body sent to an operation that reads none, or a body that is not JSON at all.
        Expect refusedIfBody = schema != null ? Expect.REFUSED : Expect.HANDLED;
        Expect refusedIfRequired = operation.bodyRequired() ? Expect.REFUSED : Expect.HANDLED;
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("malformed JSON: unclosed object", "{");
        malformed.put("malformed JSON: missing value", "{\"a\":}");
        malformed.put("malformed JSON: unclosed array", "[1,2");
        malformed.put("malformed JSON: single quotes", "{'a': 1}");
        malformed.put("malformed JSON: trailing garbage", "{}}");
        malformed.put("malformed JSON: bare word", "hello");
        malformed.put("malformed JSON: truncated literal", "nul");
        malformed.put("malformed JSON: comment", "/* */ {}");
        malformed.put("malformed JSON: NaN", "{\"a\": NaN}");
        for (Map.Entry<String, String> m : malformed.entrySet()) {
            probes.add(body(m.getKey(), m.getValue(), refusedIfBody));
        }
        probes.add(body("malformed JSON: nested 5000 deep", "[".repeat(5000) + "]".repeat(5000), refusedIfRequired));
        probes.add(new Probe(
                "invalid UTF-8 bytes",
                Map.of(),
                "",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'},
                "application/json",
                refusedIfBody));
        probes.add(body("empty body", "", refusedIfRequired));
        probes.add(body("body: JSON null", "null", Expect.HANDLED));
        probes.add(body("body: JSON array", "[]", refusedIfBody));
        probes.add(body("body: JSON string", "\"text\"", refusedIfBody));
        probes.add(body("body: JSON number", "42", refusedIfBody));
        probes.add(new Probe(
                "oversize body: 2 MB of junk",
                Map.of(),
                "",
                "x".repeat(OVERSIZE).getBytes(StandardCharsets.UTF_8),
                "application/json",
                refusedIfBody));
        if (schema == null) {
            probes.add(body("a JSON body it does not take", "{\"corpus\": 1}", Expect.HANDLED));
            probes.add(body("odd Unicode body it does not take", "{\"a\": \"\\u0000\\ud800\\u202e\"}", Expect.HANDLED));
            return;
        }
        byte[] validBytes = bytes(valid);
        probes.add(new Probe("content type text/plain", Map.of(), "", validBytes, "text/plain", refusedIfRequired));
        probes.add(new Probe("no content type", Map.of(), "", validBytes, null, refusedIfRequired));
        probes.add(new Probe(
                "content type application/xml",
                Map.of(),
                "",
                "<a/>".getBytes(StandardCharsets.UTF_8),
                "application/xml",
                refusedIfRequired));
        ObjectNode unknown = valid.deepCopy();
        unknown.put("corpusUnknownField", 1);
        probes.add(new Probe(
                "unknown field corpusUnknownField", Map.of(), "", bytes(unknown), json(true), Expect.REFUSED));
        ObjectNode oversizeUnknown = valid.deepCopy();
        oversizeUnknown.put("corpusUnknownField", "x".repeat(OVERSIZE));
        probes.add(new Probe(
                "oversize body: 2 MB unknown field", Map.of(), "", bytes(oversizeUnknown), json(true), Expect.REFUSED));
        valid.properties().stream()
                .filter(field -> field.getValue().isTextual())
                .findFirst()
                .ifPresent(field -> probes.add(bodyProbe(
                        "oversize body: 2 MB in field " + field.getKey(),
                        with(
                                valid,
                                List.of(field.getKey()),
                                NODES.textNode(field.getValue().asText() + "x".repeat(OVERSIZE))),
                        Expect.HANDLED)));
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> properties =
                schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String field = property.getKey();
            ObjectNode without = valid.deepCopy();
            without.remove(field);
            probes.add(new Probe(
                    "missing " + (required.contains(field) ? "required" : "optional") + " field " + field,
                    Map.of(),
                    "",
                    bytes(without),
                    json(true),
                    required.contains(field) ? Expect.REFUSED : Expect.HANDLED));
            fieldProbes(valid, List.of(field), property.getValue(), required.contains(field), probes);
        }
    }

    /** Spoils one field (a path of names and list indexes into the body) in every way its schema says is wrong. */
    private void fieldProbes(ObjectNode valid, List<Object> at, JsonNode schema, boolean required, List<Probe> probes) {
        String name = at.stream()
                .map(step -> step instanceof Integer i ? "[" + i + "]" : "." + step)
                .collect(Collectors.joining())
                .substring(1)
                .replace(".[", "[");
        JsonNode current = at(valid, at);
        String type = schema.path("type").asText("object");
        Map<String, JsonNode> wrong = new LinkedHashMap<>();
        Map<String, JsonNode> odd = new LinkedHashMap<>();
        switch (type) {
            case "string" -> {
                wrong.put("a number", NODES.numberNode(42));
                wrong.put("a fraction", NODES.numberNode(3.5));
                wrong.put("a boolean", NODES.booleanNode(true));
                wrong.put("an object", NODES.objectNode());
                wrong.put("an array", NODES.arrayNode().add("x"));
                if (schema.has("enum")) {
                    wrong.put("a value not in the enum", NODES.textNode("corpus-no-such-value"));
                    wrong.put("an enum ordinal", NODES.numberNode(1));
                    // The services read enum values regardless of case, on purpose: not a wrong value, only odd.
                    odd.put(
                            "as an enum constant's Java name",
                            NODES.textNode(javaName(schema.get("enum").get(0))));
                }
                String text = current != null && current.isTextual() ? current.asText() : "corpus";
                odd.put("empty", NODES.textNode(""));
                odd.put("blank", NODES.textNode("   "));
                odd.put("with NUL", NODES.textNode(text + "\u0000"));
                odd.put("with a lone surrogate", NODES.textNode(text + LONE_SURROGATE));
                odd.put("with an RTL override", NODES.textNode("\u202e" + text));
                odd.put("with emoji", NODES.textNode(text + "\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDCBB"));
                odd.put("with 10k combining marks", NODES.textNode(text + "\u0301".repeat(10_000)));
            }
            case "integer", "number" -> {
                boolean integer = type.equals("integer");
                wrong.put("a string", NODES.textNode("corpus"));
                wrong.put("a number as text", NODES.textNode("4"));
                wrong.put("a boolean", NODES.booleanNode(true));
                wrong.put("an object", NODES.objectNode());
                wrong.put("an array", NODES.arrayNode().add(1));
                if (integer) {
                    wrong.put("a fraction 3.5", NODES.numberNode(3.5));
                    wrong.put("a fraction 1.9", NODES.numberNode(1.9));
                    boolean int64 = schema.path("format").asText().equals("int64");
                    wrong.put(
                            "one past its format's range",
                            NODES.numberNode(
                                    int64
                                            ? new java.math.BigInteger("9223372036854775808")
                                            : java.math.BigInteger.valueOf(2147483648L)));
                    wrong.put("a 20-digit number", NODES.numberNode(new java.math.BigInteger("99999999999999999999")));
                }
                wrong.put("1e309", NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue("1e309")));
                if (schema.has("minimum")) {
                    wrong.put(
                            "below its minimum",
                            NODES.numberNode(schema.get("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    wrong.put(
                            "above its maximum",
                            NODES.numberNode(schema.get("maximum").asLong() + 1));
                }
                odd.put("negative", NODES.numberNode(-1));
                odd.put("zero", NODES.numberNode(0));
                odd.put("huge", NODES.numberNode(Integer.MAX_VALUE));
            }
            case "boolean" -> {
                wrong.put("a string", NODES.textNode("true"));
                wrong.put("a number", NODES.numberNode(1));
                wrong.put("an object", NODES.objectNode());
                wrong.put("an array", NODES.arrayNode());
            }
            case "array" -> {
                wrong.put("a string", NODES.textNode("corpus"));
                wrong.put("a number", NODES.numberNode(42));
                wrong.put("a boolean", NODES.booleanNode(true));
                wrong.put("an object", NODES.objectNode());
                ArrayNode big = NODES.arrayNode();
                for (int i = 0; i < 10_000; i++) {
                    big.add(current != null && current.size() > 0 ? current.get(0) : NODES.textNode("x"));
                }
                odd.put("of 10k elements", big);
                odd.put("empty", NODES.arrayNode());
            }
            default -> {
                wrong.put("a string", NODES.textNode("corpus"));
                wrong.put("a number", NODES.numberNode(42));
                wrong.put("a boolean", NODES.booleanNode(true));
                wrong.put("an array", NODES.arrayNode());
                odd.put("empty", NODES.objectNode());
            }
        }
        // Null stands for "left out" where the field is optional; inside a list or a map it is a wrong element.
        boolean element = at.size() > 1;
        (required || element ? wrong : odd).put("null", NODES.nullNode());
        wrong.forEach((what, value) ->
                probes.add(bodyProbe("field " + name + " = " + what, with(valid, at, value), Expect.REFUSED)));
        odd.forEach((what, value) ->
                probes.add(bodyProbe("field " + name + " " + what, with(valid, at, value), Expect.HANDLED)));
        // Into the elements the valid body has: a list's first, and each entry of a map.
        if (current != null && current.isArray() && current.size() > 0 && schema.has("items")) {
            List<Object> first = new ArrayList<>(at);
            first.add(0);
            fieldProbes(valid, first, schema.get("items"), true, probes);
        }
        if (current != null && current.isObject() && schema.has("additionalProperties")) {
            current.fieldNames().forEachRemaining(key -> {
                List<Object> entry = new ArrayList<>(at);
                entry.add(key);
                fieldProbes(valid, entry, schema.get("additionalProperties"), true, probes);
            });
        }
    }

    private void queryProbes(Parameter parameter, byte[] body, String contentType, List<Probe> probes) {
        JsonNode schema = parameter.schema();
        String type = schema.path("type").asText("string");
        Map<String, Expect> values = new LinkedHashMap<>();
        switch (type) {
            case "integer", "number" -> {
                values.put("abc", Expect.REFUSED);
                values.put("true", Expect.REFUSED);
                if (type.equals("integer")) {
                    values.put("3.5", Expect.REFUSED);
                    values.put(
                            schema.path("format").asText().equals("int64") ? "9223372036854775808" : "2147483648",
                            Expect.REFUSED);
                    values.put("99999999999999999999", Expect.REFUSED);
                }
                values.put("1e309", Expect.REFUSED);
                values.put("-1", schema.path("minimum").asLong(-1) > -1 ? Expect.REFUSED : Expect.HANDLED);
                values.put("0", schema.path("minimum").asLong(0) > 0 ? Expect.REFUSED : Expect.HANDLED);
                values.put(String.valueOf(Integer.MAX_VALUE), schema.has("maximum") ? Expect.REFUSED : Expect.HANDLED);
            }
            case "boolean" -> {
                values.put("abc", Expect.REFUSED);
                values.put("2", Expect.REFUSED);
            }
            default -> {
                if (schema.has("enum")) {
                    values.put("corpus-no-such-value", Expect.REFUSED);
                }
                if (schema.path("format").asText().equals("date")) {
                    values.put("2024-13-45", Expect.REFUSED);
                    values.put("yesterday", Expect.REFUSED);
                }
                if (schema.path("format").asText().equals("date-time")) {
                    values.put("2024-01-01T25:00:00Z", Expect.REFUSED);
                }
                values.put("corpus-odd-value", Expect.HANDLED);
                values.put("-1", Expect.HANDLED);
            }
        }
        values.put("", Expect.HANDLED);
        values.put("%00", Expect.HANDLED);
        values.put("%E2%80%AE1", Expect.HANDLED);
        values.put("%F0%9F%98%80", Expect.HANDLED);
        values.put("%ED%A0%80", Expect.HANDLED);
        values.put("%FF", Expect.HANDLED);
        values.put("x".repeat(5000), Expect.HANDLED);
        values.forEach((value, expect) -> {
            String encoded = value.contains("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
            probes.add(new Probe(
                    "query " + parameter.name() + " = " + abbreviate(value),
                    Map.of(),
                    parameter.name() + "=" + encoded,
                    body,
                    contentType,
                    expect));
        });
        probes.add(new Probe(
                "query " + parameter.name() + " given twice",
                Map.of(),
                parameter.name() + "=1&" + parameter.name() + "=2",
                body,
                contentType,
                Expect.HANDLED));
    }

    // ---- sending ----

    record Answer(int status, String contentType, String body) {}

    private Answer send(Operation operation, Fixture fixture, Probe probe, String token) {
        String path = operation.path();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                String value = probe.pathOverrides().containsKey(parameter.name())
                        ? probe.pathOverrides().get(parameter.name())
                        : URLEncoder.encode(fixture.path().get(parameter.name()), StandardCharsets.UTF_8)
                                .replace("+", "%20");
                path = path.replace("{" + parameter.name() + "}", value);
            }
        }
        String target = base + path + (probe.query().isEmpty() ? "" : "?" + probe.query());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                .timeout(Duration.ofSeconds(30))
                .method(
                        operation.method(),
                        probe.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("(none)");
            if (contentType.startsWith("text/event-stream")) {
                openStreams.add(response.body());
                return new Answer(response.statusCode(), contentType, "");
            }
            try (InputStream in = response.body()) {
                return new Answer(
                        response.statusCode(), contentType, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return new Answer(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- JSON helpers ----

    private static Probe body(String input, String text, Expect expect) {
        return new Probe(input, Map.of(), "", text.getBytes(StandardCharsets.UTF_8), "application/json", expect);
    }

    private static Probe bodyProbe(String input, ObjectNode body, Expect expect) {
        return new Probe(input, Map.of(), "", bytes(body), "application/json", expect);
    }

    private static String json(boolean hasBody) {
        return hasBody ? "application/json" : null;
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsString(body)
                    .replace(LONE_SURROGATE.replace("\u0001", "\\u0001"), "\\ud800")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode at(ObjectNode body, List<Object> path) {
        JsonNode node = body;
        for (Object step : path) {
            node = step instanceof Integer i ? node.path(i) : node.path((String) step);
        }
        return node.isMissingNode() ? null : node;
    }

    /** A copy of the body with the value at {@code path} replaced; the path's containers are made if missing. */
    private static ObjectNode with(ObjectNode body, List<Object> path, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object leaf = path.get(path.size() - 1);
        if (leaf instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) leaf, value);
        }
        return copy;
    }

    private static JsonNode resolve(JsonNode docs, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return resolve(docs, docs.path("components").path("schemas").path(name));
        }
        if (schema.isObject()) {
            ObjectNode copy = ((ObjectNode) schema).deepCopy();
            for (String nested : List.of("items", "additionalProperties")) {
                if (copy.has(nested) && copy.get(nested).isObject()) {
                    copy.set(nested, resolve(docs, copy.get(nested)));
                }
            }
            if (copy.has("properties")) {
                ObjectNode properties = NODES.objectNode();
                copy.get("properties")
                        .fields()
                        .forEachRemaining(p -> properties.set(p.getKey(), resolve(docs, p.getValue())));
                copy.set("properties", properties);
            }
            return copy;
        }
        return schema;
    }

    private static String javaName(JsonNode enumValue) {
        return enumValue.asText().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", " ").replace("\t", "\\t");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "...(" + flat.length() + " chars)";
    }
}
