package fr.civmil.health.platform.inbox;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event as received (structured JSON mode), with the Kafka record key. {@code sequence} is the
 * producer's outbox sequence (the CloudEvents {@code sequence} extension), {@code traceparent} the W3C trace context of
 * the change that recorded it (distributed tracing extension); each null when absent.
 */
public record CloudEvent(String id, String source, String type, String subject, OffsetDateTime time, Long sequence,
        String traceparent, String key, JsonNode data) {

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
        Long sequence;
        try {
            sequence = node.hasNonNull("sequence") ? Long.valueOf(node.get("sequence").asText()) : null;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sequence is not a whole number");
        }
        return new CloudEvent(node.get("id").asText(), node.get("source").asText(), node.get("type").asText(),
                node.hasNonNull("subject") ? node.get("subject").asText() : null, time, sequence,
                node.hasNonNull("traceparent") ? node.get("traceparent").asText() : null, key, node.get("data"));
    }
}
