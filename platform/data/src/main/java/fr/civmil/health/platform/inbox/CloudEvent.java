package fr.civmil.health.platform.inbox;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvents 1.0 event as received (structured JSON mode), with the Kafka record key. */
public record CloudEvent(String id, String source, String type, String subject, OffsetDateTime time, String key, JsonNode data) {

    /** Reads a structured CloudEvent; throws {@link IllegalArgumentException} saying what is wrong. */
    public static CloudEvent parse(com.fasterxml.jackson.databind.ObjectMapper mapper, byte[] value, String key) {
        JsonNode node;
        try {
            node = value == null ? null : mapper.readTree(value);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (String required : new String[] { "specversion", "id", "source", "type" }) {
            if (!node.hasNonNull(required) || node.get(required).asText().isBlank()) {
                throw new IllegalArgumentException("missing CloudEvents attribute '" + required + "'");
            }
        }
        if (!"1.0".equals(node.get("specversion").asText())) {
            throw new IllegalArgumentException("unsupported specversion " + node.get("specversion").asText());
        }
        OffsetDateTime time = node.hasNonNull("time") ? OffsetDateTime.parse(node.get("time").asText()) : null;
        return new CloudEvent(node.get("id").asText(), node.get("source").asText(), node.get("type").asText(),
                node.hasNonNull("subject") ? node.get("subject").asText() : null, time, key, node.get("data"));
    }
}
