package fr.civmil.health.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The compatibility check notices each way a producer's schema can stop guaranteeing a read. */
class ConsumedFieldsTest {

    private static final String DESIGNATED = "fr.civmil.zones.priority-zone.designated.v1";

    private static final ConsumedFields READS = ConsumedFields.handler("test").event(DESIGNATED)
            .requires("/data/zoneId", "string").requires("/data/communeCodes", "string[]").optional("/data/population", "integer");

    private static List<String> problemsWith(Consumer<ObjectNode> change) {
        ObjectNode schema = EventContracts.schema(DESIGNATED).deepCopy();
        change.accept((ObjectNode) schema.at("/properties/data"));
        return READS.unguaranteed(type -> schema);
    }

    private static void removeRequired(ObjectNode data, String field) {
        ArrayNode required = (ArrayNode) data.get("required");
        for (int i = 0; i < required.size(); i++) {
            if (required.get(i).asText().equals(field)) {
                required.remove(i);
            }
        }
    }

    @Test
    void thePublishedSchemaGuaranteesTheReads() {
        assertEquals(List.of(), READS.unguaranteed());
    }

    @Test
    void aRemovedFieldIsReported() {
        List<String> problems = problemsWith(data -> ((ObjectNode) data.get("properties")).remove("population"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("has no 'population'"), problems.toString());
    }

    @Test
    void aRequiredReadThatBecameOptionalIsReported() {
        List<String> problems = problemsWith(data -> removeRequired(data, "zoneId"));
        assertTrue(problems.get(0).contains("does not require 'zoneId'"), problems.toString());
        assertEquals(List.of(), problemsWith(data -> removeRequired(data, "population")), "an optional read may be optional");
    }

    @Test
    void aChangedTypeIsReported() {
        List<String> problems = problemsWith(data -> {
            ((ObjectNode) data.at("/properties/zoneId")).put("type", "integer");
            ((ObjectNode) data.at("/properties/communeCodes/items")).put("type", "integer");
            ((ObjectNode) data.at("/properties/population")).put("type", "string");
        });
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void aRequiredReadMustNotBeNullable() {
        JsonNode nullable = JsonNodeFactory.instance.arrayNode().add("string").add("null");
        List<String> problems = problemsWith(data -> ((ObjectNode) data.at("/properties/zoneId")).set("type", nullable));
        assertEquals(1, problems.size(), problems.toString());
    }
}
