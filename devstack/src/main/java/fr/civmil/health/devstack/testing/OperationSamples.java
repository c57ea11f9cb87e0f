package fr.civmil.health.devstack.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One sample call per operation of an OpenAPI document, to walk the role matrix it publishes: path and required
 * query parameters get a value of their type (a fresh UUID, the first enum value, the example), a JSON body is an
 * empty object and any other body one line. The ids name nothing, so an allowed call ends in 400/404/422, never
 * in 401/403.
 */
public final class OperationSamples {

    /** Every role of the suite. */
    public static final List<String> ROLES = List.of("ars", "ssa", "cnmss", "auditor", "admin");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String SCHEMAS = "#/components/schemas/";

    /** A sample call, with the roles its operation lists in {@code x-roles}. */
    public record Call(String method, String path, String contentType, String body, Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private OperationSamples() {
    }

    /**
     * What is wrong with this answer to the call made with this role, or null: a listed role must never be refused
     * (401, or 403 {@code forbidden}; a finer refusal of its own type, such as {@code signatory-party}, is not the
     * matrix's), and any other role must get 403 {@code forbidden}.
     */
    public static String disagreement(Call call, String role, int status, String body) {
        boolean refused = status == 403 && body.contains("urn:civmil:problem:forbidden");
        if (status == 401 || status == 429 || refused == call.roles().contains(role)) {
            return call + " as " + role + ": " + status + " but x-roles " + call.roles();
        }
        return null;
    }

    public static List<Call> of(JsonNode document) {
        List<Call> calls = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey())) {
                calls.add(call(document, operation.getKey().toUpperCase(), path.getKey(), operation.getValue()));
            }
        }));
        return calls;
    }

    private static Call call(JsonNode document, String method, String path, JsonNode operation) {
        String concrete = path;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String value = sample(document, parameter.path("schema"), parameter.path("example"));
            String in = parameter.path("in").asText();
            if (in.equals("path")) {
                concrete = concrete.replace("{" + parameter.path("name").asText() + "}", value);
            } else if (in.equals("query") && parameter.path("required").asBoolean()) {
                query.add(parameter.path("name").asText() + "=" + value);
            }
        }
        if (!query.isEmpty()) {
            concrete += "?" + String.join("&", query);
        }
        Iterator<String> mediaTypes = operation.path("requestBody").path("content").fieldNames();
        String contentType = mediaTypes.hasNext() ? mediaTypes.next() : null;
        String body = contentType == null ? null : contentType.contains("json") ? "{}" : "x\n";
        Set<String> roles = new TreeSet<>();
        operation.path("x-roles").forEach(role -> roles.add(role.asText()));
        return new Call(method, concrete, contentType, body, roles);
    }

    private static String sample(JsonNode document, JsonNode schema, JsonNode example) {
        if (schema.has("$ref")) {
            schema = document.at("/components/schemas/" + schema.get("$ref").asText().substring(SCHEMAS.length()));
        }
        if ("uuid".equals(schema.path("format").asText())) {
            return UUID.randomUUID().toString();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        if (schema.has("example")) {
            return schema.get("example").asText();
        }
        if (!example.isMissingNode()) {
            return example.asText();
        }
        return "integer".equals(schema.path("type").asText()) ? "2025" : "sample";
    }
}
