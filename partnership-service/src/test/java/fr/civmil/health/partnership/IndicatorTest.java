package fr.civmil.health.partnership;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.partnership.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class IndicatorTest {

    static Map<String, Object> indicator(String commitmentId, double baseline, double target, String direction) {
        Map<String, Object> body = new HashMap<>();
        body.put("commitmentId", commitmentId);
        body.put("name", "Indicateur de test");
        body.put("unit", "days");
        body.put("baseline", baseline);
        body.put("target", target);
        body.put("direction", direction);
        return body;
    }

    static String indicators(String contract) {
        return "/api/v1/partnerships/" + contract + "/indicators";
    }

    @Test
    void progressTowardTargetFollowsTheLatestMeasurementAndItsDirection() {
        String contract = Api.newContract();
        String commitment = Api.newCommitment(contract, "2027-12-31");
        String higher = as("ars").body(indicator(commitment, 0, 500, "HIGHER_IS_BETTER")).post(indicators(contract)).then()
                .statusCode(201).body("kind", equalTo("MANUAL")).body("latest", nullValue()).body("progress", nullValue())
                .extract().path("id");
        as("ars").body(Map.of("date", LocalDate.now().minusDays(10).toString(), "value", 120)).post(indicators(contract) + "/" + higher + "/measurements")
                .then().statusCode(201).body("source", equalTo("MANUAL"));
        as("ssa").body(Map.of("date", LocalDate.now().minusDays(40).toString(), "value", 60, "comment", "older")).post(indicators(contract) + "/" + higher + "/measurements")
                .then().statusCode(201);
        as("auditor").get(indicators(contract) + "/" + higher).then().statusCode(200)
                .body("latest.value", equalTo(120.0f)).body("progress", equalTo(24.0f)).body("targetReached", equalTo(false));
        as("auditor").get(indicators(contract) + "/" + higher + "/measurements").then().body("total", equalTo(2))
                .body("items[0].value", equalTo(120.0f));

        String lower = as("ssa").body(indicator(commitment, 30, 10, "LOWER_IS_BETTER")).post(indicators(contract)).then()
                .statusCode(201).extract().path("id");
        as("ssa").body(Map.of("date", LocalDate.now().toString(), "value", 20)).post(indicators(contract) + "/" + lower + "/measurements")
                .then().statusCode(201);
        as("auditor").get(indicators(contract) + "/" + lower).then().body("progress", equalTo(50.0f)).body("targetReached", equalTo(false));
        as("ssa").body(Map.of("date", LocalDate.now().toString(), "value", 8)).post(indicators(contract) + "/" + lower + "/measurements")
                .then().statusCode(201);
        as("auditor").get(indicators(contract) + "/" + lower).then().body("progress", equalTo(110.0f)).body("targetReached", equalTo(true));
        as("auditor").queryParam("commitmentId", commitment).get(indicators(contract)).then().body("total", equalTo(2));

        JsonNode event = TopicProbe.awaitPublished("partnership.events.v1", "fr.civmil.partnership.indicator.measured.v1",
                d -> d.path("indicatorId").asText().equals(lower) && d.path("value").asDouble() == 8);
        assertEquals("MANUAL", event.at("/data/source").asText());
        assertEquals(commitment, event.at("/data/commitmentId").asText());
    }

    @Test
    void inconsistentIndicatorsAndMeasurementsAreRefused() {
        String contract = Api.newContract();
        String commitment = Api.newCommitment(contract, "2027-12-31");
        as("ars").body(indicator(commitment, 10, 5, "HIGHER_IS_BETTER")).post(indicators(contract)).then().statusCode(400)
                .body("violations[0].field", equalTo("target"));
        as("ars").body(indicator(commitment, 10, 10, "LOWER_IS_BETTER")).post(indicators(contract)).then().statusCode(400);
        Map<String, Object> feedWithoutRegion = indicator(commitment, 0, 10, "HIGHER_IS_BETTER");
        feedWithoutRegion.put("feed", "CONSULTATION_DAYS");
        as("ars").body(feedWithoutRegion).post(indicators(contract)).then().statusCode(400).body("violations[0].field", equalTo("regionCode"));
        feedWithoutRegion.put("regionCode", "77");
        as("ars").body(feedWithoutRegion).post(indicators(contract)).then().statusCode(400).body("violations[0].field", equalTo("regionCode"));
        String otherCommitment = Api.newCommitment(Api.newContract(), "2027-12-31");
        as("ars").body(indicator(otherCommitment, 0, 10, "HIGHER_IS_BETTER")).post(indicators(contract)).then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unknown-commitment"));
        as("auditor").get(indicators(contract)).then().body("total", equalTo(0));

        String manual = as("ars").body(indicator(commitment, 0, 10, "HIGHER_IS_BETTER")).post(indicators(contract)).then()
                .statusCode(201).extract().path("id");
        as("ars").body(Map.of("date", LocalDate.now().plusDays(2).toString(), "value", 3)).post(indicators(contract) + "/" + manual + "/measurements")
                .then().statusCode(400).body("violations[0].field", equalTo("date"));
        as("ars").body(Map.of("date", "2026-13-01", "value", 3)).post(indicators(contract) + "/" + manual + "/measurements")
                .then().statusCode(400);
        as("auditor").get(indicators(contract) + "/" + manual + "/measurements").then().body("total", equalTo(0));

        Map<String, Object> automatic = indicator(commitment, 0, 10, "HIGHER_IS_BETTER");
        automatic.put("feed", "REFERENCED_DOCTORS");
        automatic.put("regionCode", "27");
        // Another région's figures: a national caller's indicator (an Occitanie ARS agent's would be refused).
        String auto = as("admin").body(automatic).post(indicators(contract)).then().statusCode(201).body("kind", equalTo("AUTOMATIC"))
                .body("latest.source", equalTo("AUTOMATIC")).body("latest.value", equalTo(0.0f)).extract().path("id");
        as("ars").body(Map.of("date", LocalDate.now().toString(), "value", 3)).post(indicators(contract) + "/" + auto + "/measurements")
                .then().statusCode(409).body("type", equalTo("urn:civmil:problem:automatic-indicator"));
    }
}
