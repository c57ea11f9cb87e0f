package fr.civmil.health.devstack.testing;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The requests {@link SchemaFuzzContract} sends for one operation, derived from its schemas: valid ones (typical
 * values, with the documented examples where there are; then the longest valid values) and, from a valid base, one
 * invalid change at a time, each naming the field a correct answer must name.
 */
final class FuzzCases {

    /** One request; {@code field} is what an invalid one breaks (null for a valid one). */
    record Case(String method, String uri, String contentType, String body, String field, String kind, Case pastDated) {

        Case(String method, String uri, String contentType, String body, String field, String kind) {
            this(method, uri, contentType, body, field, kind, null);
        }

        @Override
        public String toString() {
            return method + " " + uri + (field == null ? "" : " [" + kind + " " + field + "]")
                    + (body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON_TYPE = "application/json";
    private static final String UNKNOWN = "fuzzUnknown";
    /** Patterns like {@code ^[0-9]{9}$}: bounded without a maxLength. */
    private static final Pattern UNBOUNDED_PATTERN = Pattern.compile("(?<!\\\\)[*+]|\\{\\d+,\\}");
    private static final String ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String FRENCH = "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôûùüÿæœABCDEFGHIJKLMNOPQRSTUVWXYZÉÈ '-";

    private final Random random;
    /** Dates drawn so far in a request: each is a week after the one before. */
    private int dates;
    /** Whether a request's dates lie before today (see {@link #refusedForDatesOnly}). */
    private boolean pastDates;

    FuzzCases(Random random) {
        this.random = random;
    }

    // ---- what the document must say for the fuzz (and any client) to know what is valid

    List<String> contractGaps(String method, String path, Operation operation) {
        List<String> gaps = new ArrayList<>();
        for (Parameter parameter : parameters(operation)) {
            String gap = gap(parameter.getSchema(), parameter.getExample(), Boolean.TRUE.equals(parameter.getRequired()));
            if (gap != null && !parameter.getIn().equals("header")) {
                gaps.add(method + " " + path + ": " + parameter.getIn() + " parameter " + parameter.getName() + " " + gap);
            }
        }
        Schema<?> body = jsonBody(operation);
        if (body != null) {
            bodyGaps(body, "", gaps, method + " " + path + ": body field ");
        }
        return gaps;
    }

    private void bodyGaps(Schema<?> schema, String field, List<String> gaps, String prefix) {
        bodyGaps(schema, null, field, gaps, prefix);
    }

    /** {@code outerExample}: the array's own example, which shows its items too. */
    private void bodyGaps(Schema<?> schema, Object outerExample, String field, List<String> gaps, String prefix) {
        String gap = gap(schema, outerExample, true);
        if (gap != null) {
            gaps.add(prefix + field + " " + gap);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> bodyGaps(property, join(field, name), gaps, prefix));
        }
        if (schema.getItems() != null) {
            bodyGaps(schema.getItems(), schema.getExample(), field + "[0]", gaps, prefix);
        }
    }

    /** What keeps a client (and the fuzz) from knowing a valid value; an optional one may go without an example. */
    private static String gap(Schema<?> schema, Object parameterExample, boolean required) {
        if (schema != null && type(schema).isEmpty() && schema.getItems() == null) {
            return "has no type";
        }
        if (schema == null || !"string".equals(type(schema)) || schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return null;
        }
        if (schema.getFormat() != null && List.of("uuid", "date", "date-time", "binary").contains(schema.getFormat())) {
            return null;
        }
        String pattern = schema.getPattern();
        if (required && pattern != null && pattern.startsWith("^") && schema.getExample() == null && parameterExample == null) {
            return "has a pattern but no example";
        }
        if (schema.getMaxLength() == null && (pattern == null || UNBOUNDED_PATTERN.matcher(pattern).find())) {
            return "is unbounded (no maxLength)";
        }
        return null;
    }

    // ---- valid requests

    List<Case> valid(String method, String path, Operation operation) {
        List<Case> cases = new ArrayList<>();
        Schema<?> body = jsonBody(operation);
        if (body == null && otherBody(operation) != null) {
            return cases; // a CSV or text body: its own tests give it valid content
        }
        for (Mode mode : body != null || hasQuery(operation) ? Mode.values() : new Mode[] { Mode.TYPICAL }) {
            Case pastDated = validCase(method, path, operation, body, mode, true);
            cases.add(new Case(pastDated.method(), pastDated.uri(), pastDated.contentType(), validCase(method, path, operation, body, mode, false).body(),
                    null, pastDated.kind(), pastDated));
        }
        return cases;
    }

    private Case validCase(String method, String path, Operation operation, Schema<?> body, Mode mode, boolean past) {
        pastDates = past;
        dates = 0;
        String uri = uri(path, operation, pathValues(operation, false), queryValues(operation, mode == Mode.LONGEST, mode == Mode.LONGEST));
        String json = body == null ? null : write(value(body, mode));
        pastDates = false;
        return new Case(method, uri, body == null ? null : JSON_TYPE, json, null, mode.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a valid request was refused only for dates: a schema cannot say "today or earlier" (a capacity confirmed
     * on, a charter effective on) nor "today or later" (a mission booked for), so a refusal naming date fields only
     * is answered by sending the same request with dates in the past.
     */
    static boolean refusedForDatesOnly(Operation operation, String body) {
        Schema<?> schema = jsonBody(operation);
        if (schema == null) {
            return false;
        }
        List<String> dateFields = new ArrayList<>();
        dateFields(schema, "", dateFields);
        try {
            JsonNode violations = JSON.readTree(body).path("violations");
            if (violations.isEmpty()) {
                return false;
            }
            for (JsonNode violation : violations) {
                if (!dateFields.contains(violation.path("field").asText().replaceAll("\\[\\d+\\]", "[0]"))) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void dateFields(Schema<?> schema, String field, List<String> out) {
        if ("date".equals(schema.getFormat())) {
            out.add(field);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> dateFields(property, join(field, name), out));
        }
        if (schema.getItems() != null) {
            dateFields(schema.getItems(), field + "[0]", out);
        }
    }

    static String judgeValid(Case request, Operation operation, int status, String body) {
        if (status >= 500) {
            return request + " (valid) → " + status + " " + abbreviate(body);
        }
        if (status == 400) {
            return request + " (valid per the schema) refused: " + abbreviate(body);
        }
        if (operation.getResponses() != null && !operation.getResponses().containsKey(String.valueOf(status))) {
            return request + " (valid) → " + status + ", a status the operation does not document: " + abbreviate(body);
        }
        return null;
    }

    // ---- invalid requests

    List<Case> invalid(String method, String path, Operation operation) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> pathValues = pathValues(operation, false);
        Map<String, List<String>> query = queryValues(operation, false, false);
        Schema<?> bodySchema = jsonBody(operation);
        JsonNode body = bodySchema == null ? null : value(bodySchema, Mode.TYPICAL);
        String contentType = bodySchema == null ? otherBody(operation) : JSON_TYPE;
        String validBody = body == null ? contentType == null ? null : "x\n" : write(body);

        for (Parameter parameter : parameters(operation)) {
            String name = parameter.getName();
            if (parameter.getIn().equals("path")) {
                for (String bad : invalidTexts(parameter.getSchema(), false)) {
                    Map<String, String> values = new LinkedHashMap<>(pathValues);
                    values.put(name, bad);
                    cases.add(new Case(method, uri(path, operation, values, query), contentType, validBody, name, "path"));
                }
            } else if (parameter.getIn().equals("query")) {
                List<String> bads = new ArrayList<>(invalidTexts(parameter.getSchema(), true));
                bads.add("");
                for (String bad : bads) {
                    Map<String, List<String>> values = new LinkedHashMap<>(query);
                    values.put(name, List.of(bad));
                    cases.add(new Case(method, uri(path, operation, pathValues, values), contentType, validBody, name, "query"));
                }
                if (!"array".equals(type(parameter.getSchema()))) {
                    String one = text(parameter.getSchema(), parameter.getExample(), Mode.TYPICAL);
                    Map<String, List<String>> twice = new LinkedHashMap<>(query);
                    twice.put(name, List.of(one, one));
                    cases.add(new Case(method, uri(path, operation, pathValues, twice), contentType, validBody, name, "repeated"));
                }
            }
        }
        Map<String, List<String>> unknown = new LinkedHashMap<>(query);
        unknown.put(UNKNOWN, List.of("1"));
        cases.add(new Case(method, uri(path, operation, pathValues, unknown), contentType, validBody, UNKNOWN, "unknown parameter"));

        if (body != null) {
            String uri = uri(path, operation, pathValues, query);
            List<Mutation> mutations = new ArrayList<>();
            mutations(bodySchema, "", mutations);
            for (Mutation mutation : mutations) {
                JsonNode changed = mutation.apply(body.deepCopy());
                cases.add(new Case(method, uri, JSON_TYPE, write(changed), mutation.field(), mutation.kind()));
            }
            cases.add(new Case(method, uri, JSON_TYPE, "{\"unterminated\": ", "", "malformed JSON"));
            cases.add(new Case(method, uri, "text/plain", validBody, "", "wrong content type"));
        }
        return cases;
    }

    static String judgeInvalid(Case request, int status, String contentType, String body) {
        if (status < 400 || status >= 500) {
            return request + " (invalid) → " + status + " " + abbreviate(body);
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return request + " (invalid) → " + status + " without a problem+json body";
        }
        if (request.kind().equals("wrong content type")) {
            return status == 415 ? null : request + " → " + status + " instead of 415";
        }
        if (request.field().isEmpty() || request.kind().equals("path") && status == 404) {
            return null;
        }
        if (status != 400) {
            return request + " (invalid) → " + status + " instead of 400: " + abbreviate(body);
        }
        try {
            JsonNode problem = JSON.readTree(body);
            for (JsonNode violation : problem.path("violations")) {
                if (violation.path("field").asText().equals(request.field())) {
                    return null;
                }
            }
            return request + " → 400 that does not name " + request.field() + ": " + abbreviate(body);
        } catch (Exception e) {
            return request + " → unreadable problem: " + abbreviate(body);
        }
    }

    // ---- body mutations: one broken field at a time

    private record Mutation(String field, String kind, java.util.function.UnaryOperator<JsonNode> change) {
        JsonNode apply(JsonNode body) {
            return change.apply(body);
        }
    }

    private void mutations(Schema<?> schema, String field, List<Mutation> out) {
        String type = type(schema);
        if (!field.isEmpty()) {
            for (JsonNode bad : invalidValues(schema)) {
                out.add(new Mutation(field, "invalid " + describe(bad), body -> set(body, field, bad)));
            }
        }
        if ("object".equals(type) || schema.getProperties() != null) {
            if (schema.getProperties() != null) {
                String unknown = join(field, UNKNOWN);
                out.add(new Mutation(unknown, "unknown property", body -> set(body, unknown, NODES.numberNode(1))));
                List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                schema.getProperties().forEach((name, property) -> {
                    String child = join(field, name);
                    if (required.contains(name)) {
                        out.add(new Mutation(child, "missing required", body -> remove(body, child)));
                        if (!Boolean.TRUE.equals(property.getNullable())) {
                            out.add(new Mutation(child, "null for required", body -> set(body, child, NODES.nullNode())));
                        }
                    }
                    mutations(property, child, out);
                });
            }
        } else if ("array".equals(type) && schema.getItems() != null) {
            mutations(schema.getItems(), field + "[0]", out);
        }
    }

    /** Values of the wrong type, format, range or length for this schema. */
    private List<JsonNode> invalidValues(Schema<?> schema) {
        List<JsonNode> bad = new ArrayList<>();
        String type = type(schema);
        switch (type) {
            case "string" -> {
                bad.add(NODES.numberNode(12));
                bad.add(NODES.booleanNode(false));
                for (String text : invalidTexts(schema, false)) {
                    bad.add(NODES.textNode(text));
                }
                if (schema.getEnum() != null) {
                    bad.add(NODES.numberNode(0));
                }
            }
            case "integer", "number" -> {
                bad.add(NODES.textNode("2"));
                bad.add(NODES.booleanNode(true));
                if (type.equals("integer")) {
                    bad.add(NODES.numberNode(new BigDecimal("2.5")));
                }
                if (schema.getMinimum() != null) {
                    bad.add(NODES.numberNode(schema.getMinimum().subtract(BigDecimal.ONE)));
                }
                if (schema.getMaximum() != null) {
                    bad.add(NODES.numberNode(schema.getMaximum().add(BigDecimal.ONE)));
                }
            }
            case "boolean" -> {
                bad.add(NODES.textNode("true"));
                bad.add(NODES.numberNode(1));
            }
            case "array" -> {
                bad.add(NODES.objectNode());
                if (schema.getMinItems() != null && schema.getMinItems() > 0) {
                    bad.add(NODES.arrayNode());
                }
                if (schema.getMaxItems() != null && schema.getItems() != null && schema.getMaxItems() < 1000) {
                    ArrayNode many = NODES.arrayNode();
                    List<JsonNode> distinct = distinctItems(schema.getItems(), schema.getMaxItems() + 1);
                    if (distinct.size() > schema.getMaxItems()) {
                        distinct.forEach(many::add);
                        bad.add(many);
                    }
                }
            }
            case "object" -> bad.add(NODES.textNode("x"));
            default -> {
            }
        }
        return bad;
    }

    /** Texts this schema refuses: unknown enum values, bad formats, too long or short, off pattern, control characters. */
    private List<String> invalidTexts(Schema<?> schema, boolean asParameter) {
        List<String> bad = new ArrayList<>();
        String type = type(schema);
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            bad.add("NOT_A_VALUE");
            String first = String.valueOf(schema.getEnum().get(0));
            if (!first.toLowerCase(Locale.ROOT).equals(first)) {
                bad.add(first.toLowerCase(Locale.ROOT));
            }
            return bad;
        }
        switch (type) {
            case "integer" -> {
                if (asParameter) {
                    bad.add("x");
                    bad.add("0.5");
                    if (schema.getMinimum() != null) {
                        bad.add(schema.getMinimum().subtract(BigDecimal.ONE).toPlainString());
                    }
                    if (schema.getMaximum() != null) {
                        bad.add(schema.getMaximum().add(BigDecimal.ONE).toPlainString());
                    }
                    bad.add("99999999999999999999");
                }
                return bad;
            }
            case "number" -> {
                if (asParameter) {
                    bad.add("x");
                }
                return bad;
            }
            case "boolean" -> {
                if (asParameter) {
                    bad.add("yes");
                }
                return bad;
            }
            case "string" -> {
            }
            default -> {
                return bad;
            }
        }
        String format = schema.getFormat();
        if ("uuid".equals(format)) {
            bad.add("not-a-uuid");
            return bad;
        }
        if ("date".equals(format)) {
            bad.add("2026-02-30");
            bad.add("30/01/2026");
            return bad;
        }
        if ("date-time".equals(format)) {
            bad.add("yesterday");
            return bad;
        }
        if (schema.getPattern() != null && !Pattern.compile(schema.getPattern()).matcher("~~~").find()) {
            bad.add("~~~");
        }
        if (schema.getMaxLength() != null) {
            bad.add("a".repeat(schema.getMaxLength() + 1));
        }
        if (schema.getMinLength() != null && schema.getMinLength() > 1) {
            bad.add("a".repeat(schema.getMinLength() - 1));
        }
        bad.add("a\u001bb");
        bad.add("del\u007f");
        return bad;
    }

    // ---- valid values

    private enum Mode {
        TYPICAL, LONGEST
    }

    private JsonNode value(Schema<?> schema, Mode mode) {
        String type = type(schema);
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            List<String> names = schema.getEnum().stream().filter(java.util.Objects::nonNull).map(String::valueOf).toList();
            return NODES.textNode(mode == Mode.LONGEST ? names.stream().max(Comparator.comparingInt(String::length)).orElseThrow()
                    : names.get(random.nextInt(names.size())));
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((name, property) -> object.set(name, value(property, mode)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                Schema<?> items = schema.getItems();
                if (items != null && items.getPattern() != null && items.getExample() == null
                        && JSON.valueToTree(schema.getExample()) instanceof ArrayNode examples && !examples.isEmpty()) {
                    examples.forEach(example -> array.add(example.asText())); // items shaped like the array's example
                    return array;
                }
                if (items != null) {
                    int min = Math.max(1, schema.getMinItems() == null ? 1 : schema.getMinItems());
                    int max = Math.min(schema.getMaxItems() == null ? 3 : schema.getMaxItems(), mode == Mode.LONGEST ? 5 : 3);
                    distinctItems(schema.getItems(), Math.max(min, mode == Mode.LONGEST ? max : min)).forEach(array::add);
                }
                return array;
            }
            case "integer" -> {
                if (schema.getExample() != null && mode == Mode.TYPICAL) {
                    return JSON.valueToTree(schema.getExample());
                }
                long min = schema.getMinimum() == null ? 1 : schema.getMinimum().longValue();
                long max = schema.getMaximum() == null ? min + 10 : schema.getMaximum().longValue();
                long drawn = mode == Mode.LONGEST ? max : draw(Arbitraries.longs().between(min, max));
                return NODES.numberNode(drawn);
            }
            case "number" -> {
                if (schema.getExample() != null && mode == Mode.TYPICAL) {
                    return JSON.valueToTree(schema.getExample());
                }
                BigDecimal min = schema.getMinimum() == null ? BigDecimal.ONE : schema.getMinimum();
                return NODES.numberNode(mode == Mode.LONGEST && schema.getMaximum() != null ? schema.getMaximum() : min);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.textNode(text(schema, null, mode));
            }
        }
    }

    private List<JsonNode> distinctItems(Schema<?> items, int count) {
        List<JsonNode> values = new ArrayList<>();
        for (int attempt = 0; attempt < count * 5 && values.size() < count; attempt++) {
            JsonNode candidate = value(items, values.isEmpty() ? Mode.TYPICAL : Mode.values()[random.nextInt(2)]);
            if (!values.contains(candidate)) {
                values.add(candidate);
            } else if (items.getEnum() != null) {
                for (Object option : items.getEnum()) {
                    JsonNode node = NODES.textNode(String.valueOf(option));
                    if (!values.contains(node)) {
                        values.add(node);
                        break;
                    }
                }
            }
        }
        return values;
    }

    private String text(Schema<?> schema, Object parameterExample, Mode mode) {
        return text(schema, parameterExample, mode, false);
    }

    private String text(Schema<?> schema, Object parameterExample, Mode mode, boolean inQuery) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return value(schema, mode).asText();
        }
        String format = schema.getFormat();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        if ("uuid".equals(format)) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if ("date".equals(format)) {
            // Later fields get later dates, as periods (start, end) and ranges (from, to) are written.
            dates++;
            return (pastDates ? today.minusDays(400 - dates * 7L) : today.plusDays(dates * 7L + random.nextInt(7))).toString();
        }
        if ("date-time".equals(format)) {
            dates++; // in order too, a day apart
            return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(java.time.Duration.ofDays(pastDates ? dates - 400L : dates))
                    .toString();
        }
        if ("email".equals(format)) {
            int length = mode == Mode.LONGEST && schema.getMaxLength() != null ? schema.getMaxLength() : 24;
            return "a".repeat(Math.max(1, Math.min(length, 64) - 11)) + "@example.fr";
        }
        Object example = schema.getExample() != null ? schema.getExample() : parameterExample;
        if ("integer".equals(type(schema)) || "number".equals(type(schema)) || "boolean".equals(type(schema))) {
            return example != null ? String.valueOf(example) : value(schema, mode).asText();
        }
        if (schema.getPattern() != null) {
            return example != null ? String.valueOf(example) : matching(schema, mode, inQuery);
        }
        if (example != null && mode == Mode.TYPICAL) {
            return String.valueOf(example);
        }
        int min = Math.max(1, schema.getMinLength() == null ? 1 : schema.getMinLength());
        int max = schema.getMaxLength() == null ? 40 : schema.getMaxLength();
        int length = mode == Mode.LONGEST ? max : draw(Arbitraries.integers().between(min, Math.min(max, 40)));
        // Letters first: @NotBlank and the person-name checks see ordinary text. Query values stay ASCII letters,
        // whose length the URL encoding does not change.
        char[] alphabet = inQuery ? ASCII.toCharArray() : FRENCH.toCharArray();
        return "A" + draw(Arbitraries.strings().withChars(alphabet).ofLength(length - 1));
    }

    /** Free text under a pattern that only asks for something (SmallRye writes @NotBlank as \\S): drawn until it fits. */
    private String matching(Schema<?> schema, Mode mode, boolean inQuery) {
        Pattern pattern = Pattern.compile(schema.getPattern());
        Schema<?> free = new Schema<>().type("string").maxLength(schema.getMaxLength()).minLength(schema.getMinLength());
        for (int attempt = 0; attempt < 20; attempt++) {
            String candidate = text(free, null, mode, inQuery);
            if (pattern.matcher(candidate).find()) {
                return candidate;
            }
        }
        return "";
    }

    private <T> T draw(Arbitrary<T> arbitrary) {
        return arbitrary.generator(1000).next(random).value();
    }

    // ---- requests

    private Map<String, String> pathValues(Operation operation, boolean longest) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters(operation)) {
            if (parameter.getIn().equals("path")) {
                values.put(parameter.getName(), text(parameter.getSchema(), parameter.getExample(), longest ? Mode.LONGEST : Mode.TYPICAL, true));
            }
        }
        return values;
    }

    /** Required query parameters (all of them with {@code everything}), with valid values. */
    private Map<String, List<String>> queryValues(Operation operation, boolean everything, boolean longest) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters(operation)) {
            boolean required = Boolean.TRUE.equals(parameter.getRequired());
            if (parameter.getIn().equals("query") && (required || everything && !freeForm(parameter))) {
                Schema<?> schema = parameter.getSchema();
                if ("array".equals(type(schema)) && schema.getItems() != null) {
                    values.put(parameter.getName(), List.of(text(schema.getItems(), null, Mode.TYPICAL)));
                } else {
                    values.put(parameter.getName(), List.of(text(schema, parameter.getExample(), longest ? Mode.LONGEST : Mode.TYPICAL, true)));
                }
            }
        }
        return values;
    }

    /**
     * An optional text parameter with no enumeration, format or example, such as {@code sort} (whose fields differ by
     * collection) or a search text: the schema alone cannot say which values mean something.
     */
    private static boolean freeForm(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        return "string".equals(type(schema)) && (schema.getEnum() == null || schema.getEnum().isEmpty()) && schema.getFormat() == null
                && schema.getExample() == null && parameter.getExample() == null;
    }

    private static boolean hasQuery(Operation operation) {
        return parameters(operation).stream().anyMatch(p -> p.getIn().equals("query"));
    }

    private static String uri(String template, Operation operation, Map<String, String> pathValues, Map<String, List<String>> query) {
        String uri = template;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            uri = uri.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }
        List<String> pairs = new ArrayList<>();
        query.forEach((name, values) -> values.forEach(value -> pairs.add(encode(name) + "=" + encode(value))));
        return pairs.isEmpty() ? uri : uri + "?" + String.join("&", pairs);
    }

    private static String encode(String value) {
        // ':' and ',' may stay as they are in a query (RFC 3986), which keeps instants and sort lists readable.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":").replace("%2C", ",");
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    private static Schema<?> jsonBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get(JSON_TYPE);
        return json == null ? null : json.getSchema();
    }

    /** The media type of a body that is not JSON (CSV, text), or null. */
    private static String otherBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        return operation.getRequestBody().getContent().keySet().stream().filter(type -> !type.equals(JSON_TYPE)).findFirst().orElse(null);
    }

    private static String type(Schema<?> schema) {
        if (schema == null) {
            return "";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        return schema.getProperties() != null ? "object" : "";
    }

    // ---- JSON paths: "a.b[0].c"

    private static String join(String field, String name) {
        return field.isEmpty() ? name : field + "." + name;
    }

    private static JsonNode set(JsonNode body, String field, JsonNode value) {
        Location location = locate(body, field);
        if (location.parent instanceof ObjectNode object) {
            object.set(location.name, value);
        } else if (location.parent instanceof ArrayNode array && location.index < array.size()) {
            array.set(location.index, value);
        }
        return body;
    }

    private static JsonNode remove(JsonNode body, String field) {
        Location location = locate(body, field);
        if (location.parent instanceof ObjectNode object) {
            object.remove(location.name);
        }
        return body;
    }

    private record Location(JsonNode parent, String name, int index) {
    }

    private static Location locate(JsonNode body, String field) {
        JsonNode parent = body;
        String[] steps = field.replace("[", ".[").split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = steps[i].startsWith("[") ? parent.path(Integer.parseInt(steps[i].substring(1, steps[i].length() - 1)))
                    : parent.path(steps[i]);
        }
        String last = steps[steps.length - 1];
        return last.startsWith("[") ? new Location(parent, null, Integer.parseInt(last.substring(1, last.length() - 1)))
                : new Location(parent, last, -1);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(JsonNode bad) {
        String text = bad.toString();
        return text.length() > 24 ? text.substring(0, 24) + "…(" + text.length() + ")" : text;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 400 ? body : body.substring(0, 400) + "…";
    }
}
