package fr.civmil.health.contracts.events;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.annotation.Nullable;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.platform.inbox.Projection;

/**
 * What one inbox handler reads of other services' events: per event type, JSON pointers into the
 * CloudEvent (e.g. {@code /data/zoneId}) with the JSON type the handler expects ({@code string},
 * {@code number}, {@code integer}, {@code boolean}, {@code object}, {@code array}, or {@code string[]}
 * for an array of strings). A required read must be present and non-null; an optional one the handler
 * does without, but it must keep its type. A projection's are derived from the records it binds
 * ({@link #of}); {@link #unguaranteed()} says what the producer's schema no longer guarantees.
 */
public final class ConsumedFields {

    public record Read(String pointer, String type, boolean required) {
    }

    private final String handler;
    private final Map<String, List<Read>> reads = new LinkedHashMap<>();
    private List<String> current = List.of();

    private ConsumedFields(String handler) {
        this.handler = handler;
    }

    /** The declaration of the handler of this {@code InboxHandler.name()}. */
    public static ConsumedFields handler(String name) {
        return new ConsumedFields(name);
    }

    /** What a projection binds: every component of the record of each type it consumes, required unless {@link Nullable}. */
    public static ConsumedFields of(Projection projection) {
        ConsumedFields fields = handler(projection.name());
        projection.consumes().forEach((type, record) -> {
            fields.event(type);
            for (RecordComponent component : record.getRecordComponents()) {
                fields.read(new Read("/data/" + component.getName(), RecordFields.jsonType(component.getGenericType()),
                        !component.isAnnotationPresent(Nullable.class)));
            }
        });
        return fields;
    }

    /** The reads declared next apply to these event types. */
    public ConsumedFields event(String... types) {
        current = List.of(types);
        current.forEach(type -> reads.putIfAbsent(type, new ArrayList<>()));
        return this;
    }

    public ConsumedFields requires(String pointer, String type) {
        return read(new Read(pointer, type, true));
    }

    public ConsumedFields optional(String pointer, String type) {
        return read(new Read(pointer, type, false));
    }

    private ConsumedFields read(Read read) {
        if (current.isEmpty()) {
            throw new IllegalStateException("declare the event types first");
        }
        current.forEach(type -> reads.get(type).add(read));
        return this;
    }

    public String handler() {
        return handler;
    }

    public Map<String, List<Read>> reads() {
        return reads;
    }

    /** The fields of {@code data} declared for this type (the first segment of each {@code /data/…} pointer). */
    public Set<String> dataFields(String type) {
        Set<String> fields = new LinkedHashSet<>();
        reads.getOrDefault(type, List.of()).stream().map(Read::pointer).filter(p -> p.startsWith("/data/"))
                .forEach(p -> fields.add(p.split("/")[2]));
        return fields;
    }

    /** What the producers' published schemas no longer guarantee of these reads; empty when all hold. */
    public List<String> unguaranteed() {
        return unguaranteed(EventContracts::schema);
    }

    List<String> unguaranteed(Function<String, JsonNode> schemas) {
        List<String> problems = new ArrayList<>();
        reads.forEach((type, list) -> {
            JsonNode schema = schemas.apply(type);
            for (Read read : list) {
                String problem = check(schema, read);
                if (problem != null) {
                    problems.add(handler + " reads " + read.pointer() + " (" + read.type() + (read.required() ? ", required" : "")
                            + ") of " + type + ", but the producer's schema " + problem);
                }
            }
        });
        return problems;
    }

    private static String check(JsonNode schema, Read read) {
        JsonNode node = schema;
        for (String segment : read.pointer().substring(1).split("/")) {
            if (read.required() && !contains(node.path("required"), segment)) {
                return "does not require '" + segment + "'";
            }
            node = node.path("properties").path(segment);
            if (node.isMissingNode()) {
                return "has no '" + segment + "'";
            }
        }
        boolean arrayOf = read.type().endsWith("[]");
        String problem = checkType(node, arrayOf ? "array" : read.type(), read.required());
        if (problem == null && arrayOf) {
            problem = checkType(node.path("items"), read.type().substring(0, read.type().length() - 2), true);
            return problem == null ? null : "items " + problem;
        }
        return problem;
    }

    /** The types the schema allows must be the expected one (an integer is a number), and null only if optional. */
    private static String checkType(JsonNode schema, String expected, boolean required) {
        Set<String> allowed = types(schema);
        if (allowed.isEmpty()) {
            return "gives no type";
        }
        for (String type : allowed) {
            boolean fits = type.equals(expected) || (type.equals("integer") && expected.equals("number"))
                    || (type.equals("null") && !required);
            if (!fits) {
                return "allows " + allowed + " where " + expected + " is expected";
            }
        }
        return null;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        if (schema.path("type").isTextual()) {
            types.add(schema.get("type").asText());
        } else if (schema.path("type").isArray()) {
            schema.get("type").forEach(t -> types.add(t.asText()));
        } else {
            // const and enum without type: their values' types
            List<JsonNode> values = new ArrayList<>();
            if (schema.has("const")) {
                values.add(schema.get("const"));
            }
            schema.path("enum").forEach(values::add);
            values.forEach(v -> types.add(switch (v.getNodeType()) {
                case STRING -> "string";
                case NUMBER -> v.isIntegralNumber() ? "integer" : "number";
                case BOOLEAN -> "boolean";
                case ARRAY -> "array";
                case OBJECT -> "object";
                default -> "null";
            }));
        }
        return types;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
