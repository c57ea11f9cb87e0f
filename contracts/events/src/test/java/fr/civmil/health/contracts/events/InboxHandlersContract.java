package fr.civmil.health.contracts.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.civmil.health.platform.inbox.CloudEvent;
import fr.civmil.health.platform.inbox.InboxHandler;
import fr.civmil.health.platform.inbox.Projection;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A consumer's event contract, run by its {@code @QuarkusTest} subclass. Each of its inbox handlers is a
 * {@link Projection}, whose records are what it reads; then:
 * <ul>
 * <li>the producers' published schemas guarantee every field those records bind (required unless nullable);</li>
 * <li>each projection applies every example the producer publishes of each type it consumes (in a transaction rolled
 * back), and each type it consumes is published on one of its topics;</li>
 * <li>the served AsyncAPI document has one {@code receive} operation per projection, with its consumer group, topic
 * and the types it consumes.</li>
 * </ul>
 */
public abstract class InboxHandlersContract {

    @Inject
    Instance<InboxHandler> handlers;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    private List<Projection> projections() {
        List<Projection> projections = new ArrayList<>();
        for (InboxHandler handler : handlers) {
            projections.add(assertInstanceOf(Projection.class, handler, handler.name() + " binds no records"));
        }
        assertFalse(projections.isEmpty(), "no inbox handler");
        return projections;
    }

    @Test
    void theProducersSchemasGuaranteeWhatTheProjectionsBind() {
        List<String> problems = projections().stream().flatMap(p -> ConsumedFields.of(p).unguaranteed().stream()).toList();
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void eachProjectionAppliesTheProducersExamplesOfWhatItConsumes() {
        for (Projection projection : projections()) {
            for (String type : projection.consumes().keySet()) {
                assertTrue(projection.topics().contains(EventContracts.topic(type)), projection.name() + " consumes " + type
                        + " but does not read " + EventContracts.topic(type));
                JsonNode examples = EventContracts.schema(type).path("examples");
                for (int i = 0; i < examples.size(); i++) {
                    apply(projection, EventContracts.example(type, i));
                }
            }
        }
    }

    @Test
    void theAsyncApiDocumentReceivesWhatTheProjectionsConsume() {
        Map<String, String> expected = new HashMap<>();
        for (Projection projection : projections()) {
            expected.put(application + "." + projection.name(), projection.topics() + " " + new TreeSet<>(projection.consumes().keySet()));
        }
        JsonNode document = EventContracts.JSON.valueToTree(given().queryParam("format", "json").get("/q/asyncapi").then()
                .statusCode(200).extract().as(Map.class));
        Map<String, String> documented = new HashMap<>();
        document.path("operations").forEach(operation -> {
            if (operation.path("action").asText().equals("receive")) {
                JsonNode channel = EventContracts.resolve(document, operation.path("channel"));
                Set<String> types = new TreeSet<>();
                operation.path("messages").forEach(m -> types.add(EventContracts.resolve(document, m).path("name").asText()));
                documented.put(operation.at("/bindings/kafka/groupId/const").asText(), Set.of(channel.path("address").asText()) + " " + types);
            }
        });
        assertEquals(expected, documented);
    }

    private static void apply(Projection projection, ObjectNode example) {
        String type = example.get("type").asText();
        CloudEvent event = new CloudEvent(example.get("id").asText(), example.get("source").asText(), type,
                example.path("subject").asText(null), OffsetDateTime.parse(example.get("time").asText()), null, null, "contract-test",
                example.get("data"));
        QuarkusTransaction.begin();
        try {
            projection.handle(event);
        } catch (Exception e) {
            throw new AssertionError(projection.name() + " failed on the producer's example of " + type, e);
        } finally {
            QuarkusTransaction.rollback();
        }
    }
}
