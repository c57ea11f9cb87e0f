package fr.civmil.health.referral;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks event data against the published JSON Schemas (the subset of keywords they use: type,
 * required, additionalProperties, enum, const, pattern, minimum, items).
 */
final class EventSchemas {

    private EventSchemas() {
    }

    static JsonNode schema(String type) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream("events/" + type + ".schema.json")) {
            if (in == null) {
                throw new AssertionError("no schema for " + type);
            }
            return new ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The violations of {@code data} against the schema of {@code type}; empty when it conforms. */
    static List<String> violations(String type, JsonNode data) {
        List<String> errors = new ArrayList<>();
        check(schema(type), data, "data", errors);
        return errors;
    }

    static void assertConforms(String type, JsonNode data) {
        List<String> errors = violations(type, data);
        if (!errors.isEmpty()) {
            throw new AssertionError(type + ": " + errors + " in " + data);
        }
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(path + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(path + " must be " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                errors.add(path + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("pattern") && value.isTextual() && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            errors.add(path + " does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            errors.add(path + " is below " + schema.get("minimum"));
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    errors.add(path + "." + required.asText() + " is missing");
                }
            }
            for (Iterator<String> names = value.fieldNames(); names.hasNext();) {
                String name = names.next();
                JsonNode property = schema.path("properties").get(name);
                if (property == null) {
                    if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                        errors.add(path + "." + name + " is not allowed");
                    }
                } else {
                    check(property, value.get(name), path + "." + name, errors);
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
