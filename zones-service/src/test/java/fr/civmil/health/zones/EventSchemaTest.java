package fr.civmil.health.zones;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.zones.Api.activeZone;
import static fr.civmil.health.zones.Api.book;
import static fr.civmil.health.zones.Api.move;
import static fr.civmil.health.zones.Api.moveMission;
import static fr.civmil.health.zones.Api.moveSite;
import static fr.civmil.health.zones.Api.openSite;
import static fr.civmil.health.zones.Api.rpps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;

/** Every event the service publishes matches its documented JSON Schema, and so does each schema's example. */
@QuarkusTest
class EventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static Schema schema(String type) throws Exception {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream("events/" + type + ".schema.json")) {
            assertTrue(in != null, "no schema for " + type);
            return REGISTRY.getSchema(JSON.readTree(in));
        }
    }

    private static void assertValid(JsonNode event) throws Exception {
        String type = event.get("type").asText();
        var errors = schema(type).validate(event);
        assertTrue(errors.isEmpty(), type + ": " + errors + " in " + event);
    }

    @Test
    void publishedEventsAndExamplesMatchTheirSchemas() throws Exception {
        String zone = activeZone("200044469");
        String site = openSite(zone, 2);
        String doctor = rpps();
        String done = book(site, doctor, "2027-07-05", "MORNING").statusCode(201).extract().path("id");
        String dropped = book(site, doctor, "2027-07-06", "FULL_DAY").statusCode(201).extract().path("id");
        moveMission(done, "CONFIRMED", null).statusCode(200);
        moveMission(done, "COMPLETED", null).statusCode(200);
        moveMission(dropped, "CANCELLED", "sick").statusCode(200);
        moveSite(site, "CLOSED").statusCode(200);
        move(zone, "RETIRED").statusCode(200);

        List<JsonNode> events = new ArrayList<>();
        events.addAll(TopicProbe.events("zones.events.v1", zone, e -> e.size() >= 4));
        events.addAll(TopicProbe.events("zones.events.v1", site, e -> e.size() >= 2));
        events.addAll(TopicProbe.events("zones.events.v1", done, e -> !e.isEmpty()));
        events.addAll(TopicProbe.events("zones.events.v1", dropped, e -> !e.isEmpty()));
        Set<String> types = new TreeSet<>();
        for (JsonNode event : events) {
            assertValid(event);
            types.add(event.get("type").asText());
        }
        assertEquals(7, types.size(), types.toString());
        for (String type : types) {
            JsonNode example = JSON.readTree(EventSchemaTest.class.getClassLoader()
                    .getResourceAsStream("events/" + type + ".schema.json")).get("examples").get(0);
            assertValid(example);
        }
    }
}
