package org.imrflow.events.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A seeded mutation fuzzer for a service's REST API. It takes valid requests (endpoints with a valid body, path values
 * and query values) and sends a few hundred broken ones: NUL and control characters, huge strings, ordinals and
 * sloppy names for enums, date-times and negative years for dates, deep and huge arrays, wrong types, missing
 * fields, odd page/size/status values, odd content types, bad percent-encoding, long URIs and oversized bodies.
 * <p>
 * On every answer it checks the properties every IMR Flow API promises: never a 5xx; every 4xx is
 * {@code application/problem+json} whose {@code status} is the HTTP status; a POST whose body is not declared
 * {@code application/json} is never accepted. A test can add its own checks with {@link #onAnswer}. One exception
 * is allowed: a request target that is not a valid URI (bad percent-encoding) gets Quarkus's own bare 400, which is
 * answered before any route runs.
 * <p>
 * The same seed sends the same requests. The seed is printed; rerun one with {@code -Dimrflow.fuzz.seed=<seed>}, or
 * explore with {@code -Dimrflow.fuzz.seed=random -Dimrflow.fuzz.requests=5000}. Plain Java, because jqwik cannot run
 * inside a {@code @QuarkusTest}.
 */
public final class RestFuzzer {
    /** The seed of a normal build, so that the build is repeatable. */
    public static final long DEFAULT_SEED = 9_792_103L;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern ENUM_LIKE = Pattern.compile("[A-Z][A-Z_]+");
    private static final Pattern DATE_LIKE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final String RAW = "@@raw@@";
    /** One byte over Quarkus's default quarkus.http.limits.max-body-size (10240K), which the services keep. */
    private static final int OVER_THE_BODY_LIMIT = 10_485_760 + 1;

    private final RawHttp http;
    private final long seed;
    private final Random random;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<BiConsumer<Request, RawHttp.Response>> checks = new ArrayList<>();
    private Supplier<String> token;

    public RestFuzzer(RawHttp http, long seed) {
        this.http = http;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** {@code -Dimrflow.fuzz.seed}: a number, {@code random}, or absent for {@link #DEFAULT_SEED}. */
    public static long seedFromSystemProperty() {
        String property = System.getProperty("imrflow.fuzz.seed");
        if (property == null || property.isBlank()) {
            return DEFAULT_SEED;
        }
        return "random".equals(property) ? new Random().nextLong() : Long.parseLong(property.trim());
    }

    /** One endpoint, with what makes a valid request to it. */
    public static final class Endpoint {
        final String method;
        final String template;
        final Supplier<String> body;
        final Map<String, Supplier<String>> pathValues = new LinkedHashMap<>();
        final Map<String, List<String>> queryValues = new LinkedHashMap<>();
        final List<String> accepts = new ArrayList<>(List.of("application/json"));
        boolean paged;
        int weight = 1;

        private Endpoint(String method, String template, Supplier<String> body) {
            this.method = method;
            this.template = template;
            this.body = body;
        }

        public static Endpoint get(String template) {
            return new Endpoint("GET", template, null);
        }

        /** A POST of a JSON body; {@code validBody} may return a different valid body each time. */
        public static Endpoint post(String template, Supplier<String> validBody) {
            return new Endpoint("POST", template, validBody);
        }

        /** A valid value (not yet percent-encoded) for the path parameter {@code {name}}. */
        public Endpoint path(String name, Supplier<String> value) {
            pathValues.put(name, value);
            return this;
        }

        /** A query parameter and its valid values. */
        public Endpoint query(String name, String... validValues) {
            queryValues.put(name, List.of(validValues));
            return this;
        }

        /** Takes {@code ?page=&size=}. */
        public Endpoint paged() {
            paged = true;
            return this;
        }

        /** How much more often than others it is picked for a random request (1 by default). */
        public Endpoint weight(int weight) {
            this.weight = weight;
            return this;
        }

        /** Another media type it can answer in, besides application/json. */
        public Endpoint alsoProduces(String mediaType) {
            accepts.add(mediaType);
            return this;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** One request as sent, with what was done to it. */
    public record Request(String method, String target, Map<String, String> headers, byte[] body, String mutation) {
        public String contentType() {
            return headers.get("Content-Type");
        }

        @Override
        public String toString() {
            String text = body == null ? "" : " body " + RawHttp.abbreviate(new String(body, StandardCharsets.UTF_8));
            return method + " " + RawHttp.abbreviate(target) + " " + headers + text + "  [" + mutation + "]";
        }
    }

    public RestFuzzer endpoint(Endpoint endpoint) {
        endpoints.add(endpoint);
        return this;
    }

    /**
     * An extra property, checked on every answer: throw an {@link AssertionError} to report a violation. For example
     * that every 201 announces its case on the event stream.
     */
    /** Signs every request in with a fresh token of this supplier, as the person the endpoints are meant for. */
    public RestFuzzer signedInWith(Supplier<String> token) {
        this.token = token;
        return this;
    }

    public RestFuzzer onAnswer(BiConsumer<Request, RawHttp.Response> check) {
        checks.add(check);
        return this;
    }

    /**
     * Sends the fixed edge cases of every endpoint, then {@code randomRequests} mutated requests
     * ({@code -Dimrflow.fuzz.requests} overrides it), and fails with every violation found (one per kind).
     */
    public void run(int randomRequests) {
        randomRequests = Integer.getInteger("imrflow.fuzz.requests", randomRequests);
        System.out.printf("RestFuzzer: seed %d (rerun with -Dimrflow.fuzz.seed=%d), %d endpoints%n", seed, seed, endpoints.size());
        Map<String, String> violations = new LinkedHashMap<>();
        List<Request> requests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            requests.addAll(fixedCases(endpoint));
        }
        int sent = 0;
        for (Request request : requests) {
            send(request, sent++, violations);
        }
        List<Endpoint> weighted = new ArrayList<>();
        endpoints.forEach(endpoint -> weighted.addAll(Collections.nCopies(endpoint.weight, endpoint)));
        for (int i = 0; i < randomRequests; i++) {
            send(mutated(pick(weighted)), sent++, violations);
        }
        System.out.printf("RestFuzzer: seed %d, %d requests, %d kinds of violation%n", seed, sent, violations.size());
        if (!violations.isEmpty()) {
            throw new AssertionError("RestFuzzer seed " + seed + " (rerun with -Dimrflow.fuzz.seed=" + seed + ") found "
                    + violations.size() + " kinds of violation:\n" + String.join("\n", violations.values()));
        }
    }

    private void send(Request request, int index, Map<String, String> violations) {
        RawHttp.Response response;
        try {
            Map<String, String> headers = new LinkedHashMap<>(request.headers());
            if (token != null) {
                headers.putIfAbsent("Authorization", "Bearer " + token.get());
            }
            response = http.send(request.method(), request.target(), headers, request.body());
        } catch (RuntimeException e) {
            violations.putIfAbsent("no answer " + request.mutation(), "#" + index + " no answer: " + e + "\n    " + request);
            return;
        }
        List<String> found = new ArrayList<>(properties(request, response));
        for (BiConsumer<Request, RawHttp.Response> check : checks) {
            try {
                check.accept(request, response);
            } catch (AssertionError e) {
                found.add(e.getMessage());
            }
        }
        for (String violation : found) {
            // one report per kind of violation and kind of mutation, wherever it was applied
            String kind = violation.replaceAll("[0-9]{4,}", "#") + " " + request.method() + " "
                    + request.mutation().replaceAll("( at | in |=).*", "");
            violations.putIfAbsent(kind, "#" + index + " " + violation + "\n    " + request + "\n    -> " + response.status()
                    + " " + response.header("content-type") + " " + RawHttp.abbreviate(response.bodyText()));
        }
    }

    /** The properties every answer of every service keeps. */
    static List<String> properties(Request request, RawHttp.Response response) {
        List<String> found = new ArrayList<>();
        int status = response.status();
        if (status >= 500) {
            found.add("answered " + status);
        }
        if (status == 400 && !isUri(request.target()) && response.body().length == 0) {
            // Quarkus checks every request target with java.net.URI before any route runs and answers a bad one
            // (e.g. bad percent-encoding) with a bare 400 that no application code can shape. Accepted, and nothing
            // else is.
            return found;
        }
        if (status >= 400 && status < 500) {
            String type = response.header("content-type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                found.add(status + " is not application/problem+json but " + type);
            } else {
                try {
                    JsonNode problem = JSON.readTree(response.body());
                    if (problem == null || !problem.isObject()) {
                        found.add(status + " problem is not a JSON object");
                    } else if (problem.path("status").asInt() != status) {
                        found.add(status + " problem has status " + problem.get("status"));
                    } else if (!problem.path("title").isTextual()) {
                        found.add(status + " problem has no title");
                    }
                } catch (IOException e) {
                    found.add(status + " problem is not JSON");
                }
            }
        }
        if ("POST".equals(request.method()) && status < 300 && !isJson(request.contentType())) {
            found.add("accepted Content-Type " + request.contentType());
        }
        return found;
    }

    private static boolean isUri(String target) {
        try {
            new java.net.URI(target);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The requests

    private List<Request> fixedCases(Endpoint endpoint) {
        List<Request> fixed = new ArrayList<>();
        String target = target(endpoint, validPathValues(endpoint), "");
        fixed.add(request(endpoint, target, "fixed: valid"));
        fixed.add(request(endpoint, target + "?q=" + "x".repeat(5_000), "fixed: URI of 5000 characters"));
        fixed.add(request(endpoint, target + "?q=%zz", "fixed: bad percent-encoding in the query"));
        fixed.add(request(endpoint, endpoint.template.substring(1).replaceAll("\\{[^}]+}", "x"),
                "fixed: target without a leading slash"));
        fixed.add(request(endpoint, target + "/%zz", "fixed: bad percent-encoding in the path"));
        for (String name : endpoint.pathValues.keySet()) {
            for (String value : List.of("%00", "CM26-0000001%00", "%zz", "%01%02", "%C2%85", "%ED%A0%80", "x".repeat(300))) {
                Map<String, String> values = new LinkedHashMap<>(validPathValues(endpoint));
                values.put(name, value);
                fixed.add(request(endpoint, target(endpoint, values, ""), "fixed: path " + name + "=" + RawHttp.abbreviate(value)));
            }
        }
        if (endpoint.paged) {
            for (String query : List.of("page=2147483647", "page=1000001", "page=abc", "page=1.5", "page=-1", "size=abc",
                    "size=0", "size=101", "size=99999999999999999999", "page=%00", "page=")) {
                fixed.add(request(endpoint, target(endpoint, validPathValues(endpoint), query), "fixed: " + query));
            }
        }
        for (String name : endpoint.queryValues.keySet()) {
            for (String value : List.of("NOPE", "0", "%00", "a%00b", "%01")) {
                fixed.add(request(endpoint, target(endpoint, validPathValues(endpoint), name + "=" + value),
                        "fixed: " + name + "=" + value));
            }
        }
        if (endpoint.body != null) {
            String valid = endpoint.body.get();
            byte[] validBytes = valid.getBytes(StandardCharsets.UTF_8);
            fixed.add(new Request(endpoint.method, target, Map.of("Content-Type", "application/json"),
                    new byte[OVER_THE_BODY_LIMIT], "fixed: body over the limit"));
            fixed.add(new Request(endpoint.method, target, Map.of("Content-Type", "application/json",
                    "Transfer-Encoding", "chunked"), new byte[OVER_THE_BODY_LIMIT], "fixed: chunked body over the limit"));
            for (String type : List.of("application/json-patch+json", "text/plain", "application/x-www-form-urlencoded")) {
                fixed.add(new Request(endpoint.method, target, Map.of("Content-Type", type), validBytes,
                        "fixed: content type " + type));
            }
            fixed.add(new Request(endpoint.method, target, Map.of(), validBytes, "fixed: no content type"));
            JsonNode tree = parse(valid);
            List<Location> strings = locations(tree).stream().filter(l -> l.value().isTextual()).toList();
            for (Location location : strings) {
                fixed.add(bodyRequest(endpoint, target, tree, location, "\"\\u0000\"", "fixed: NUL in " + location.path()));
            }
            fixed.add(bodyRequest(endpoint, target, tree, strings.get(strings.size() - 1), "\"\\u0001\\u0002\"",
                    "fixed: control characters only in " + strings.get(strings.size() - 1).path()));
        }
        return fixed;
    }

    private Request request(Endpoint endpoint, String target, String mutation) {
        if (endpoint.body == null) {
            return new Request(endpoint.method, target, Map.of(), null, mutation);
        }
        return new Request(endpoint.method, target, Map.of("Content-Type", "application/json"),
                endpoint.body.get().getBytes(StandardCharsets.UTF_8), mutation);
    }

    private Request mutated(Endpoint endpoint) {
        Map<String, String> pathValues = validPathValues(endpoint);
        String query = validQuery(endpoint);
        String mutation = "valid";
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;
        String method = endpoint.method;

        int dice = random.nextInt(100);
        if (endpoint.body != null) {
            headers.put("Content-Type", "application/json");
            String valid = endpoint.body.get();
            body = valid.getBytes(StandardCharsets.UTF_8);
            if (dice < 65) {
                JsonNode tree = parse(valid);
                List<Location> all = locations(tree);
                Location location = all.get(random.nextInt(all.size()));
                ValueMutation value = valueMutation(location.value());
                String raw = value.apply(location.value(), random);
                return bodyRequest(endpoint, target(endpoint, pathValues, query), tree, location, raw,
                        value.name() + " at " + location.path());
            } else if (dice < 75) {
                Map.Entry<String, byte[]> whole = wholeBody(valid);
                body = whole.getValue();
                mutation = "whole body: " + whole.getKey();
            } else if (dice < 83) {
                String type = pick(CONTENT_TYPES);
                if (type == null) {
                    headers.remove("Content-Type");
                } else {
                    headers.put("Content-Type", type);
                }
                mutation = "content type: " + type;
            } else if (dice < 90 && !endpoint.pathValues.isEmpty()) {
                String name = pick(new ArrayList<>(endpoint.pathValues.keySet()));
                String value = pick(PATH_VALUES).apply(pathValues.get(name));
                pathValues.put(name, value);
                mutation = "path: " + name + "=" + RawHttp.abbreviate(value);
            } else if (dice < 93) {
                method = pick(List.of("PUT", "DELETE", "PATCH", "GET"));
                mutation = "method: " + method;
            }
        } else {
            if (dice < 45 && (endpoint.paged || !endpoint.queryValues.isEmpty())) {
                query = mutatedQuery(endpoint);
                mutation = "query: " + RawHttp.abbreviate(query);
            } else if (dice < 75 && !endpoint.pathValues.isEmpty()) {
                String name = pick(new ArrayList<>(endpoint.pathValues.keySet()));
                String value = pick(PATH_VALUES).apply(pathValues.get(name));
                pathValues.put(name, value);
                mutation = "path: " + name + "=" + RawHttp.abbreviate(value);
            } else if (dice < 85) {
                String accept = pick(ACCEPTS);
                headers.put("Accept", accept);
                mutation = "accept: " + accept;
            } else if (dice < 92) {
                method = pick(List.of("PUT", "DELETE", "PATCH", "POST"));
                if (!"DELETE".equals(method)) {
                    headers.put("Content-Type", "application/json");
                    body = "{}".getBytes(StandardCharsets.UTF_8);
                }
                mutation = "method: " + method;
            } else if (dice < 96) {
                headers.put("Accept", pick(endpoint.accepts));
                mutation = "valid, accept " + headers.get("Accept");
            }
        }
        return new Request(method, target(endpoint, pathValues, query), headers, body, mutation);
    }

    private Map<String, String> validPathValues(Endpoint endpoint) {
        Map<String, String> values = new LinkedHashMap<>();
        endpoint.pathValues.forEach((name, value) -> values.put(name, URLEncoder.encode(value.get(), StandardCharsets.UTF_8)));
        return values;
    }

    private String validQuery(Endpoint endpoint) {
        List<String> parameters = new ArrayList<>();
        endpoint.queryValues.forEach((name, values) -> {
            if (random.nextBoolean()) {
                parameters.add(name + "=" + URLEncoder.encode(pick(values), StandardCharsets.UTF_8));
            }
        });
        if (endpoint.paged && random.nextBoolean()) {
            parameters.add("page=" + random.nextInt(3));
            parameters.add("size=" + (1 + random.nextInt(100)));
        }
        return String.join("&", parameters);
    }

    private String mutatedQuery(Endpoint endpoint) {
        List<String> names = new ArrayList<>(endpoint.queryValues.keySet());
        if (endpoint.paged) {
            names.add("page");
            names.add("size");
        }
        List<String> parameters = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String name = pick(names);
            String valid = endpoint.queryValues.containsKey(name) ? pick(endpoint.queryValues.get(name))
                    : "page".equals(name) ? "0" : "20";
            String value = random.nextInt(4) == 0 ? pick(RAW_QUERY_VALUES)
                    : URLEncoder.encode(pick(QUERY_VALUES).apply(valid), StandardCharsets.UTF_8);
            parameters.add(name + "=" + value);
        }
        if (random.nextInt(5) == 0) {
            parameters.add(pick(List.of("unknown=1", "%00=1", "=", "&&", "page", "a%zz=1")));
        }
        return String.join("&", parameters);
    }

    private static String target(Endpoint endpoint, Map<String, String> pathValues, String query) {
        String path = endpoint.template;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return query.isEmpty() ? path : path + "?" + query;
    }

    private Request bodyRequest(Endpoint endpoint, String target, JsonNode tree, Location location, String raw, String mutation) {
        JsonNode copy = tree.deepCopy();
        Location there = locations(copy).stream().filter(l -> l.path().equals(location.path())).findFirst().orElseThrow();
        String text;
        if (raw == null) {
            there.remove();
            text = write(copy);
        } else {
            there.replace(TextNode.valueOf(RAW));
            text = write(copy).replace("\"" + RAW + "\"", raw);
        }
        return new Request(endpoint.method, target, Map.of("Content-Type", "application/json"),
                text.getBytes(StandardCharsets.UTF_8), mutation);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Where in a body, and what to put there

    /** A value in a JSON tree and how to replace or remove it. */
    private record Location(String path, JsonNode parent, String field, int index, JsonNode value) {
        void replace(JsonNode replacement) {
            if (parent == null) {
                throw new IllegalStateException("the root is replaced whole");
            } else if (field != null) {
                ((ObjectNode) parent).set(field, replacement);
            } else {
                ((ArrayNode) parent).set(index, replacement);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static List<Location> locations(JsonNode root) {
        List<Location> found = new ArrayList<>();
        collect(root, "", found);
        return found;
    }

    private static void collect(JsonNode node, String path, List<Location> found) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                found.add(new Location(child, node, entry.getKey(), -1, entry.getValue()));
                collect(entry.getValue(), child, found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = path + "[" + i + "]";
                found.add(new Location(child, node, null, i, node.get(i)));
                collect(node.get(i), child, found);
            }
        }
    }

    /** A named way to change a value: returns the raw JSON to put in its place, or null to leave the field out. */
    private record ValueMutation(String name, java.util.function.BiFunction<JsonNode, Random, String> change) {
        String apply(JsonNode value, Random random) {
            return change.apply(value, random);
        }
    }

    private ValueMutation valueMutation(JsonNode value) {
        List<ValueMutation> choices = new ArrayList<>(ANY_VALUE);
        if (value.isTextual() && ENUM_LIKE.matcher(value.asText()).matches()) {
            choices.addAll(ENUM_VALUES);
            choices.addAll(ENUM_VALUES);
        } else if (value.isTextual() && DATE_LIKE.matcher(value.asText()).matches()) {
            choices.addAll(DATE_VALUES);
            choices.addAll(DATE_VALUES);
        } else if (value.isTextual()) {
            choices.addAll(STRING_VALUES);
            choices.addAll(STRING_VALUES);
        } else if (value.isNumber()) {
            choices.addAll(NUMBER_VALUES);
        } else if (value.isBoolean()) {
            choices.addAll(BOOLEAN_VALUES);
        } else if (value.isArray()) {
            choices.addAll(ARRAY_VALUES);
        } else if (value.isObject()) {
            choices.addAll(OBJECT_VALUES);
        }
        return pick(choices);
    }

    private static ValueMutation text(String name, Function<String, String> change) {
        return new ValueMutation(name, (value, random) -> quote(change.apply(value.asText())));
    }

    private static ValueMutation raw(String name, String raw) {
        return new ValueMutation(name, (value, random) -> raw);
    }

    private static final List<ValueMutation> ANY_VALUE = List.of(
            new ValueMutation("missing", (value, random) -> null),
            raw("null", "null"),
            raw("number", "0"),
            raw("boolean", "true"),
            raw("object", "{}"),
            raw("array", "[]"),
            new ValueMutation("array of the value", (value, random) -> "[" + write(value) + "]"),
            raw("deep array", "[".repeat(2_000) + "]".repeat(2_000)),
            raw("deep object", "{\"a\":".repeat(300) + "1" + "}".repeat(300)));

    private static final List<ValueMutation> STRING_VALUES = List.of(
            new ValueMutation("NUL inside", (value, random) -> quote(insert(value.asText(), "\u0000", random))),
            new ValueMutation("C0 control inside", (value, random) -> quote(insert(value.asText(),
                    String.valueOf((char) pickFrom(random, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f)), random))),
            new ValueMutation("C1 control or DEL inside", (value, random) -> quote(insert(value.asText(),
                    String.valueOf((char) pickFrom(random, 0x7f, 0x80, 0x85, 0x9b, 0x9f)), random))),
            text("control characters only", v -> "\u0001\u0002"),
            text("NUL only", v -> "\u0000"),
            text("blank lines only", v -> "\n\n"),
            text("spaces only", v -> "   "),
            text("empty", v -> ""),
            text("tab and newlines inside", v -> v + "\tand\r\nmore"),
            text("unpaired surrogate", v -> v + "\ud800"),
            text("reversed surrogates", v -> "\udc00\ud800" + v),
            text("emoji and combining marks", v -> v + " 😀 e\u0301 \u202e \u200b \u2028 \ufeff"),
            text("1001 characters", v -> "x".repeat(1_001)),
            text("50001 characters", v -> "y".repeat(50_001)),
            text("200000 multibyte characters", v -> "診".repeat(200_000)),
            text("quotes and markup", v -> v + "'\"; drop table imr_case; -- <script>${jndi:x}</script> %00 %s"),
            text("leading and trailing spaces", v -> "  " + v + "  "));

    private static final List<ValueMutation> ENUM_VALUES = List.of(
            text("enum ordinal as string", v -> "0"),
            text("enum ordinal 1 as string", v -> "1"),
            raw("enum ordinal", "0"),
            raw("enum ordinal 1", "1"),
            raw("enum negative ordinal", "-1"),
            raw("enum fraction", "1.5"),
            text("enum lower case", v -> v.toLowerCase(Locale.ROOT)),
            text("enum trailing space", v -> v + " "),
            text("enum leading space", v -> " " + v),
            text("enum with NUL", v -> v + "\u0000"),
            text("enum unknown", v -> "UNKNOWN_" + v),
            text("enum empty", v -> ""));

    private static final List<ValueMutation> DATE_VALUES = List.of(
            text("date-time with zone", v -> v + "T00:00:00Z"),
            text("local date-time", v -> v + "T00:00:00"),
            raw("date as day number", "19000"),
            raw("date as negative number", "-1"),
            raw("date as array", "[2024, 2, 29]"),
            text("negative year", v -> "-0001-01-01"),
            text("five-digit year", v -> "+10000-01-01"),
            text("year 0", v -> "0000-01-01"),
            text("year 9999", v -> "9999-12-31"),
            text("29 February of a common year", v -> "2023-02-29"),
            text("month 13", v -> "2024-13-01"),
            text("unpadded date", v -> "2024-1-1"),
            text("basic ISO date", v -> "20240101"),
            text("date with spaces", v -> " " + v + " "),
            text("tomorrow", v -> LocalDate.now().plusDays(1).toString()),
            text("1969-12-31", v -> "1969-12-31"),
            text("word", v -> "yesterday"));

    private static final List<ValueMutation> NUMBER_VALUES = List.of(
            raw("zero", "0"), raw("negative", "-1"), raw("int max", "2147483647"), raw("over int max", "2147483648"),
            raw("under int min", "-2147483649"), raw("huge integer", "99999999999999999999"), raw("1e400", "1e400"),
            raw("fraction", "1.5"), raw("number as string", "\"1\""), raw("word", "\"abc\""));

    private static final List<ValueMutation> BOOLEAN_VALUES = List.of(
            raw("boolean as string", "\"true\""), raw("boolean as 1", "1"), raw("boolean as 0", "0"), raw("yes", "\"yes\""),
            raw("TRUE", "\"TRUE\""));

    private static final List<ValueMutation> ARRAY_VALUES = List.of(
            raw("empty array", "[]"),
            raw("array of null", "[null]"),
            raw("array as string", "\"x\""),
            new ValueMutation("26 copies", (value, random) -> copies(value, 26)),
            new ValueMutation("101 copies", (value, random) -> copies(value, 101)),
            new ValueMutation("3000 copies", (value, random) -> copies(value, 3_000)),
            raw("100000 short strings", "[" + String.join(",", Collections.nCopies(100_000, "\"a\"")) + "]"),
            raw("nested arrays", "[[[[[[[[[[\"a\"]]]]]]]]]]"));

    private static final List<ValueMutation> OBJECT_VALUES = List.of(
            raw("empty object", "{}"),
            raw("object as string", "\"x\""),
            new ValueMutation("unknown field with NUL name", (value, random) -> withExtraField(value, "\\u0000", "1")),
            new ValueMutation("unknown huge field", (value, random) -> withExtraField(value, "extra", quote("z".repeat(100_000)))),
            new ValueMutation("duplicate field", (value, random) -> duplicateFirstField(value)));

    private static final List<String> CONTENT_TYPES = java.util.Arrays.asList(
            "application/json-patch+json", "application/merge-patch+json", "application/problem+json", "text/plain",
            "text/json", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/octet-stream", "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
            "application/json;charset=utf-8", "APPLICATION/JSON", "application/*", "*/*", "", "garbage", "application/json; x",
            null);

    private static final List<String> ACCEPTS = List.of("application/xml", "text/html", "text/plain", "image/png", "garbage",
            "*/*", "application/problem+json", "application/json;q=0", "", "text/*, application/xml;q=0.5");

    private static final List<Function<String, String>> PATH_VALUES = List.of(
            v -> "%00", v -> v + "%00", v -> "%01", v -> v + "%7F", v -> "%C2%85", v -> "%zz", v -> "%", v -> "%C0%AF",
            v -> "%FF", v -> "%ED%A0%80", v -> "..", v -> "%2e%2e", v -> "a%2Fb", v -> "x".repeat(300), v -> "x".repeat(5_000),
            v -> "%20", v -> v + "%0A", v -> "%F0%9F%98%80", v -> "%E2%80%AE" + v, v -> v.toLowerCase(Locale.ROOT), v -> "",
            v -> "'%20or%201=1", v -> v + ";x=1", v -> v + "%3F");

    private static final List<Function<String, String>> QUERY_VALUES = List.of(
            v -> "-1", v -> "2147483647", v -> "2147483648", v -> "99999999999999999999", v -> "abc", v -> "1.5", v -> "",
            v -> "1e3", v -> " 1", v -> "0x10", v -> "１", v -> v.toLowerCase(Locale.ROOT), v -> v + " ", v -> "0", v -> "1",
            v -> "NOPE", v -> "\u0000", v -> v + "\u0000", v -> "\u0001", v -> "\u0085", v -> "x".repeat(3_000), v -> v);

    private static final List<String> RAW_QUERY_VALUES = List.of("%zz", "%", "%0", "%C0%AF", "%ED%A0%80", "%FF");

    private Map.Entry<String, byte[]> wholeBody(String valid) {
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(16)) {
            case 0 -> Map.entry("empty", new byte[0]);
            case 1 -> Map.entry("null", "null".getBytes(StandardCharsets.UTF_8));
            case 2 -> Map.entry("array", "[]".getBytes(StandardCharsets.UTF_8));
            case 3 -> Map.entry("empty object", "{}".getBytes(StandardCharsets.UTF_8));
            case 4 -> Map.entry("truncated", java.util.Arrays.copyOf(utf8, random.nextInt(utf8.length)));
            case 5 -> Map.entry("invalid UTF-8", concat(java.util.Arrays.copyOf(utf8, utf8.length / 2),
                    new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE}, java.util.Arrays.copyOfRange(utf8, utf8.length / 2, utf8.length)));
            case 6 -> Map.entry("byte order mark", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8));
            case 7 -> Map.entry("UTF-16", valid.getBytes(StandardCharsets.UTF_16));
            case 8 -> Map.entry("deep nesting", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
            case 9 -> Map.entry("raw control character in a string", valid.replaceFirst("\": \"", "\": \"\u0001")
                    .getBytes(StandardCharsets.UTF_8));
            case 10 -> Map.entry("raw NUL byte", valid.replaceFirst(",", ",\u0000").getBytes(StandardCharsets.UTF_8));
            case 11 -> Map.entry("trailing garbage", (valid + "}{]").getBytes(StandardCharsets.UTF_8));
            case 12 -> Map.entry("two documents", (valid + valid).getBytes(StandardCharsets.UTF_8));
            case 13 -> Map.entry("random bytes", randomBytes(1 + random.nextInt(2_000)));
            case 14 -> Map.entry("single quotes", valid.replace('"', '\'').getBytes(StandardCharsets.UTF_8));
            default -> Map.entry("comments", ("/* c */" + valid + "// c").getBytes(StandardCharsets.UTF_8));
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static int pickFrom(Random random, int... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String insert(String text, String inserted, Random random) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + inserted + text.substring(at);
    }

    private static String copies(JsonNode array, int count) {
        String element = array.isEmpty() ? "\"a\"" : write(array.get(0));
        return "[" + String.join(",", Collections.nCopies(count, element)) + "]";
    }

    private static String withExtraField(JsonNode object, String escapedName, String rawValue) {
        String text = write(object);
        return text.equals("{}") ? "{\"" + escapedName + "\":" + rawValue + "}"
                : "{\"" + escapedName + "\":" + rawValue + "," + text.substring(1);
    }

    private static String duplicateFirstField(JsonNode object) {
        if (object.isEmpty()) {
            return "{}";
        }
        Map.Entry<String, JsonNode> first = object.properties().iterator().next();
        return "{" + quote(first.getKey()) + ":\"duplicate\"," + write(object).substring(1);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /**
     * A JSON string literal that keeps what a test wants to send: controls and every surrogate, paired or not, go as
     * {@code \}{@code uXXXX} escapes, so an unpaired one reaches the server as such rather than as a '?'.
     */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("A valid body must be JSON: " + json, e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
