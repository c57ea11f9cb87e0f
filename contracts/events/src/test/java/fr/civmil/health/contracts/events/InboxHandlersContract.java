package fr.civmil.health.contracts.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.civmil.health.platform.inbox.CloudEvent;
import fr.civmil.health.platform.inbox.InboxHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Ties a consumer's declared reads ({@link ConsumedFields}) to its code and its AsyncAPI document,
 * run by the consumer's {@code @QuarkusTest} subclass:
 * <ul>
 * <li>each inbox handler, given the producer's example of every type on its topics (in a
 * transaction rolled back), reads exactly the {@code data} fields declared for that type, and none
 * of a type it does not declare;</li>
 * <li>the served AsyncAPI document has one {@code receive} operation per handler, with its
 * consumer group, topic and the declared event types.</li>
 * </ul>
 */
public abstract class InboxHandlersContract {

    @Inject
    Instance<InboxHandler> handlers;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    protected abstract List<ConsumedFields> consumed();

    @Test
    void eachHandlerReadsWhatItDeclaresOfTheProducersExamples() {
        JsonNode document = asyncApi();
        Map<String, ConsumedFields> declared = consumed().stream().collect(Collectors.toMap(ConsumedFields::handler, Function.identity()));
        for (InboxHandler handler : handlers) {
            ConsumedFields fields = declared.get(handler.name());
            assertTrue(fields != null, "no ConsumedFields declared for handler " + handler.name());
            for (String topic : handler.topics()) {
                for (String type : messageNames(document, channel(document, topic))) {
                    assertEquals(fields.dataFields(type), dataFieldsRead(handler, type), handler.name() + " reading " + type);
                }
            }
        }
    }

    @Test
    void theAsyncApiDocumentReceivesWhatTheHandlersConsume() {
        JsonNode document = asyncApi();
        Map<String, String> expected = new HashMap<>();
        for (InboxHandler handler : handlers) {
            ConsumedFields fields = consumed().stream().filter(c -> c.handler().equals(handler.name())).findFirst().orElseThrow();
            expected.put(application + "." + handler.name(), handler.topics() + " " + new TreeSet<>(fields.reads().keySet()));
        }
        Map<String, String> documented = new HashMap<>();
        document.path("operations").forEach(operation -> {
            if (operation.path("action").asText().equals("receive")) {
                JsonNode channel = resolve(document, operation.path("channel"));
                Set<String> types = new TreeSet<>();
                operation.path("messages").forEach(m -> types.add(resolve(document, m).path("name").asText()));
                documented.put(operation.at("/bindings/kafka/groupId/const").asText(), Set.of(channel.path("address").asText()) + " " + types);
            }
        });
        assertEquals(expected, documented);
    }

    private static JsonNode asyncApi() {
        return EventContracts.JSON.valueToTree(given().queryParam("format", "json").get("/q/asyncapi").then().statusCode(200)
                .extract().as(Map.class));
    }

    private static JsonNode resolve(JsonNode document, JsonNode reference) {
        return reference.has("$ref") ? document.at(reference.get("$ref").asText().substring(1)) : reference;
    }

    private static JsonNode channel(JsonNode document, String topic) {
        for (JsonNode channel : document.path("channels")) {
            if (channel.path("address").asText().equals(topic)) {
                return channel;
            }
        }
        throw new AssertionError("the AsyncAPI document has no channel " + topic);
    }

    private static Set<String> messageNames(JsonNode document, JsonNode channel) {
        Set<String> names = new TreeSet<>();
        channel.path("messages").forEach(m -> names.add(resolve(document, m).path("name").asText()));
        return names;
    }

    /** Applies the producer's example to the handler in a transaction it rolls back, noting the data fields it reads. */
    private static Set<String> dataFieldsRead(InboxHandler handler, String type) {
        ObjectNode example = EventContracts.example(type, 0);
        Set<String> read = new LinkedHashSet<>();
        CloudEvent event = new CloudEvent(example.get("id").asText(), example.get("source").asText(), type,
                example.path("subject").asText(null), OffsetDateTime.parse(example.get("time").asText()), null, null, "contract-test",
                new Recording((ObjectNode) example.get("data"), read));
        QuarkusTransaction.begin();
        try {
            handler.handle(event);
        } catch (Exception e) {
            throw new AssertionError(handler.name() + " failed on the producer's example of " + type, e);
        } finally {
            QuarkusTransaction.rollback();
        }
        return read;
    }

    /** An object node that notes which of its fields are looked up. */
    private static final class Recording extends ObjectNode {

        private final transient Set<String> read;

        Recording(ObjectNode source, Set<String> read) {
            super(JsonNodeFactory.instance);
            this.read = read;
            setAll(source);
        }

        @Override
        public JsonNode get(String field) {
            read.add(field);
            return super.get(field);
        }

        @Override
        public JsonNode path(String field) {
            read.add(field);
            return super.path(field);
        }
    }
}
