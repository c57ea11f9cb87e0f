package fr.civmil.health.platform.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * An AsyncAPI document read from the class path with every {@code $ref} into another file (event
 * schemas, shared parts, other services' channels) replaced by what it points to, so clients get
 * one self-contained document. References within the document itself stay references.
 */
final class AsyncApiBundle {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ClassLoader classLoader;
    private final Map<String, JsonNode> files = new HashMap<>();

    private AsyncApiBundle(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** The bundled document at this class-path location, or null when there is none. */
    static JsonNode read(ClassLoader classLoader, String location) {
        if (classLoader.getResource(location) == null) {
            return null;
        }
        AsyncApiBundle bundle = new AsyncApiBundle(classLoader);
        return bundle.inline(bundle.file(location), location, location);
    }

    private JsonNode inline(JsonNode node, String file, String root) {
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(inline(item, file, root)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            String[] parts = ref.asText().split("#", 2);
            String target = parts[0].isEmpty() ? file : URI.create("file:/" + file).resolve(parts[0]).getPath().substring(1);
            String pointer = parts.length > 1 ? parts[1] : "";
            if (target.equals(root)) {
                return JsonNodeFactory.instance.objectNode().put("$ref", "#" + pointer);
            }
            JsonNode resolved = file(target).at(pointer);
            if (resolved.isMissingNode()) {
                throw new IllegalStateException(ref.asText() + " in " + file + " points to nothing");
            }
            return inline(resolved, target, root);
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        node.properties().forEach(field -> copy.set(field.getKey(), inline(field.getValue(), file, root)));
        return copy;
    }

    /** JSON files parse as YAML too. */
    private JsonNode file(String location) {
        return files.computeIfAbsent(location, l -> {
            try (InputStream in = classLoader.getResourceAsStream(l)) {
                if (in == null) {
                    throw new IllegalStateException("No " + l + " on the class path");
                }
                return YAML.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
