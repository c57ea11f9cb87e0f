package fr.civmil.health.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every event schema has valid examples and is the payload of exactly one message of its producer's AsyncAPI document. */
class EventContractsTest {

    private static final Map<String, String> PRODUCERS = Map.of("zones-service", "zones", "partnership-service", "partnership",
            "referral-network-service", "referral");

    static Set<String> schemaTypes(String producer) throws Exception {
        Path events = Path.of(EventContractsTest.class.getClassLoader().getResource("events").toURI());
        try (Stream<Path> files = Files.list(events)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("fr.civmil." + producer + "."))
                    .map(f -> f.substring(0, f.length() - ".schema.json".length())).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "zones-service", "partnership-service", "referral-network-service" })
    void theDocumentPublishesOneMessagePerSchemaWithItsSchemaAsPayload(String service) throws Exception {
        JsonNode document = EventContracts.asyncApi(service);
        String producer = PRODUCERS.get(service);
        JsonNode channel = document.path("channels").path(producer + "Events");
        assertEquals(producer + ".events.v1", channel.path("address").asText());
        Set<String> types = schemaTypes(producer);
        assertTrue(types.size() >= 5, types.toString());
        Set<String> documented = new TreeSet<>();
        channel.path("messages").properties().forEach(m -> {
            String type = m.getValue().path("name").asText();
            documented.add(type);
            assertEquals("../events/" + type + ".schema.json", m.getValue().at("/payload/$ref").asText(), m.getKey());
        });
        assertEquals(types, documented);
        JsonNode send = document.path("operations").path("publish" + Character.toUpperCase(producer.charAt(0)) + producer.substring(1) + "Events");
        assertEquals("send", send.path("action").asText());
        assertEquals(types.size(), send.path("messages").size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "zones", "partnership", "referral" })
    void examplesConformToTheirSchema(String producer) throws Exception {
        for (String type : schemaTypes(producer)) {
            JsonNode schema = EventContracts.schema(type);
            assertEquals("urn:civmil:events:" + type, schema.path("$id").asText());
            assertTrue(schema.path("examples").size() > 0, type + " has no example");
            for (int i = 0; i < schema.path("examples").size(); i++) {
                EventContracts.assertConforms(EventContracts.example(type, i));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "fr.civmil.referral.assignment.made.v1", "fr.civmil.referral.assignment.released.v1" })
    void assignmentSchemasRefuseHouseholdData(String type) {
        ObjectNode event = EventContracts.example(type, 0);
        ((ObjectNode) event.get("data")).put("caseReference", "CNMSS-1");
        assertFalse(EventContracts.violations(event).isEmpty());
    }
}
