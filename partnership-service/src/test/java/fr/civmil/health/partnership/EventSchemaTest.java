package fr.civmil.health.partnership;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.partnership.Api.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every event type the service publishes matches its documented JSON Schema, and so does each schema's example. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class EventSchemaTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schemaDocument(String type) throws Exception {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream("events/" + type + ".schema.json")) {
            assertTrue(in != null, "no schema for " + type);
            return JSON.readTree(in);
        }
    }

    private static void assertValid(JsonNode event) throws Exception {
        String type = event.get("type").asText();
        Schema schema = REGISTRY.getSchema(schemaDocument(type));
        var errors = schema.validate(event);
        assertTrue(errors.isEmpty(), type + ": " + errors + " in " + event);
    }

    private static JsonNode published(String type, String field, String id) {
        return TopicProbe.awaitPublished("partnership.events.v1", "fr.civmil.partnership." + type + ".v1", d -> d.path(field).asText().equals(id));
    }

    @Test
    void publishedEventsAndExamplesMatchTheirSchemas() throws Exception {
        String contract = Api.newContract();
        String commitment = Api.newCommitment(contract, "2027-12-31");
        as("ssa").header("If-Match", "\"0\"").body(Map.of("status", "ABANDONED", "reason", "Reporté"))
                .post("/api/v1/partnerships/" + contract + "/commitments/" + commitment + "/status").then().statusCode(200);
        String indicator = as("ars").body(IndicatorTest.indicator(commitment, 0, 10, "HIGHER_IS_BETTER"))
                .post("/api/v1/partnerships/" + contract + "/indicators").then().statusCode(201).extract().path("id");
        as("ars").body(Map.of("date", LocalDate.now().toString(), "value", 2.5))
                .post("/api/v1/partnerships/" + contract + "/indicators/" + indicator + "/measurements").then().statusCode(201);
        int year = LocalDate.now().getYear();
        String review = "/api/v1/partnerships/" + contract + "/reviews/" + year;
        as("ars").body(Map.of("year", year)).post("/api/v1/partnerships/" + contract + "/reviews").then().statusCode(201);
        as("ars").header("If-Match", "\"0\"").post(review + "/signatures/ARS").then().statusCode(200);
        String activation = CrisisActivationTest.request("ssa", "NRC", "2B");
        as("ssa").header("If-Match", "\"0\"").post("/api/v1/crisis-activations/" + activation + "/activation").then().statusCode(200);
        as("ssa").header("If-Match", "\"1\"").body(Map.of()).post("/api/v1/crisis-activations/" + activation + "/stand-down")
                .then().statusCode(200);

        List<JsonNode> events = List.of(
                published("commitment.status-changed", "commitmentId", commitment),
                published("indicator.measured", "indicatorId", indicator),
                published("review.signed", "contractId", contract),
                published("crisis.activated", "activationId", activation),
                published("crisis.stood-down", "activationId", activation));
        for (JsonNode event : events) {
            assertValid(event);
            assertValid(schemaDocument(event.get("type").asText()).get("examples").get(0));
        }
    }
}
