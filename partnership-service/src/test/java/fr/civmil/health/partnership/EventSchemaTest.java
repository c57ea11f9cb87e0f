package fr.civmil.health.partnership;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.partnership.Api.as;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.contracts.events.EventContracts;
import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every event type the service publishes matches its published JSON Schema (examples are checked in events-contracts). */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class EventSchemaTest {

    private static JsonNode published(String type, String field, String id) {
        return TopicProbe.awaitPublished("partnership.events.v1", "fr.civmil.partnership." + type + ".v1", d -> d.path(field).asText().equals(id));
    }

    @Test
    void publishedEventsMatchTheirSchemas() throws Exception {
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
        as("ars").header("If-Match", "\"0\"").body(Map.of("signatory", "Alice Martin")).post(review + "/signatures/ARS").then().statusCode(200);
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
        events.forEach(EventContracts::assertConforms);
    }
}
