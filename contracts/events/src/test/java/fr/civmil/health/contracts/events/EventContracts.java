package fr.civmil.health.contracts.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The published JSON Schema of each event type (one per type, in this module) and its examples. */
public final class EventContracts {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventContracts() {
    }

    /** The schema of a whole CloudEvent of this type, e.g. {@code fr.civmil.zones.priority-zone.designated.v1}. */
    public static JsonNode schema(String type) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream("events/" + type + ".schema.json")) {
            if (in == null) {
                throw new AssertionError("no published schema for " + type);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service's AsyncAPI document as published in this module, e.g. {@code zones-service}. */
    public static JsonNode asyncApi(String service) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream("asyncapi/" + service + ".yaml")) {
            if (in == null) {
                throw new AssertionError("no AsyncAPI document for " + service);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a {@code $ref} inside the document points to, or the node itself when it is no reference. */
    public static JsonNode resolve(JsonNode document, JsonNode reference) {
        return reference.has("$ref") ? document.at(reference.get("$ref").asText().substring(1)) : reference;
    }

    /** A fresh copy of the producer's example number {@code index} of this type. */
    public static ObjectNode example(String type, int index) {
        JsonNode example = schema(type).path("examples").path(index);
        if (!example.isObject()) {
            throw new AssertionError(type + " has no example " + index);
        }
        return example.deepCopy();
    }

    /** The topic of an event type: {@code fr.civmil.<service>.…} is published to {@code <service>.events.v1}. */
    public static String topic(String type) {
        return type.split("\\.")[2] + ".events.v1";
    }

    /** What is wrong with this CloudEvent against the schema of its type; empty when it conforms. */
    public static List<Error> violations(JsonNode event) {
        return REGISTRY.getSchema(schema(event.path("type").asText())).validate(event);
    }

    public static void assertConforms(JsonNode event) {
        List<Error> errors = violations(event);
        if (!errors.isEmpty()) {
            throw new AssertionError(event.path("type").asText() + ": " + errors + " in " + event);
        }
    }
}
