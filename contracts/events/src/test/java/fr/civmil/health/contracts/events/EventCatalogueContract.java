package fr.civmil.health.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import fr.civmil.health.platform.outbox.EventType;
import fr.civmil.health.platform.outbox.OutboxEvent;

/**
 * A producer's event catalogue (a sealed interface whose records are every event it publishes) against its published
 * contracts, fast (no Quarkus): its AsyncAPI document sends exactly the catalogue's types, and each record has the
 * fields of its type's JSON Schema, of the types the schema allows, and reads every example the schema gives.
 */
public abstract class EventCatalogueContract {

    // Strict: an example field the record lacks is a field the service would never write.
    private static final ObjectMapper STRICT = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Class<? extends OutboxEvent> catalogue;
    private final String service;

    /** @param service the AsyncAPI document's name, e.g. {@code zones-service} */
    protected EventCatalogueContract(Class<? extends OutboxEvent> catalogue, String service) {
        this.catalogue = catalogue;
        this.service = service;
    }

    private Map<String, Class<?>> events() {
        assertTrue(catalogue.isSealed(), catalogue.getName() + " must be sealed: it is the whole catalogue");
        Map<String, Class<?>> events = new TreeMap<>();
        for (Class<?> event : catalogue.getPermittedSubclasses()) {
            EventType type = event.getAnnotation(EventType.class);
            assertNotNull(type, event.getName() + " does not say its @EventType");
            assertTrue(event.isRecord(), event.getName() + " is not a record");
            assertEquals(null, events.put(type.value(), event), type.value() + " twice in the catalogue");
        }
        return events;
    }

    @Test
    void theAsyncApiDocumentSendsExactlyTheCatalogue() {
        JsonNode document = EventContracts.asyncApi(service);
        Set<String> sent = new TreeSet<>();
        document.path("operations").forEach(operation -> {
            if (operation.path("action").asText().equals("send")) {
                operation.path("messages").forEach(m -> sent.add(EventContracts.resolve(document, m).path("name").asText()));
            }
        });
        assertEquals(sent, events().keySet());
    }

    @Test
    void eachEventHasTheFieldsOfItsSchema() throws IOException {
        for (Map.Entry<String, Class<?>> event : events().entrySet()) {
            String type = event.getKey();
            JsonNode schema = EventContracts.schema(type);
            RecordComponent[] components = event.getValue().getRecordComponents();
            Set<String> fields = new TreeSet<>();
            schema.at("/properties/data/properties").fieldNames().forEachRemaining(fields::add);
            assertEquals(fields, new TreeSet<>(Arrays.stream(components).map(RecordComponent::getName).toList()),
                    event.getValue().getSimpleName() + " against the schema of " + type);
            ConsumedFields written = ConsumedFields.handler(service).event(type);
            for (RecordComponent component : components) {
                written.optional("/data/" + component.getName(), RecordFields.jsonType(component.getGenericType()));
            }
            List<String> problems = written.unguaranteed();
            assertTrue(problems.isEmpty(), String.join("\n", problems));
            JsonNode examples = schema.path("examples");
            for (int i = 0; i < examples.size(); i++) {
                STRICT.treeToValue(examples.get(i).get("data"), event.getValue());
            }
        }
    }
}
