package fr.civmil.health.partnership;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.partnership.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class CrisisActivationTest {

    static final String CRISES = "/api/v1/crisis-activations";

    static Map<String, Object> activation(String plan, String... departements) {
        return Map.of("plan", plan, "departementCodes", List.of(departements), "zoneIds", List.of(),
                "reason", "Exercice de test", "requestingParty", "ARS");
    }

    static String request(String role, String plan, String... departements) {
        return as(role).body(activation(plan, departements)).post(CRISES).then().statusCode(201).extract().path("id");
    }

    static void standDown(String id) {
        String etag = Api.etag("ars", CRISES + "/" + id);
        as("ars").header("If-Match", etag).body(Map.of("notes", "fin")).post(CRISES + "/" + id + "/stand-down").then().statusCode(200);
    }

    @Test
    void aDefenceZoneMayRequestAnActivation() {
        Map<String, Object> byDefenceZone = new java.util.HashMap<>(activation("EPI_CLIM", "48"));
        byDefenceZone.put("requestingParty", "DEFENCE_ZONE");
        String id = as("ssa").body(byDefenceZone).post(CRISES).then().statusCode(201)
                .body("requestingParty", equalTo("DEFENCE_ZONE")).extract().path("id");
        as("auditor").get(CRISES + "/" + id).then().statusCode(200).body("requestingParty", equalTo("DEFENCE_ZONE"));
        standDown(id);
    }

    @Test
    void aPlanIsOpenOncePerDepartementUntilItIsStoodDown() {
        String first = request("ars", "REB", "09", "11");
        as("ssa").body(activation("REB", "11", "12")).post(CRISES).then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:crisis-already-open"))
                .body("detail", containsString(first));
        request("ssa", "NRC", "11");
        as("auditor").queryParam("plan", "REB").queryParam("departement", "12").get(CRISES).then().statusCode(200)
                .body("items.id", not(hasItem(first)));
        as("auditor").queryParam("plan", "REB").queryParam("departement", "11").get(CRISES).then()
                .body("items.id", hasItem(first));
        standDown(first);
        request("ssa", "REB", "11", "12");
    }

    @Test
    void badScopesAreProblemsAndOpenNothing() {
        as("ars").body(activation("AMAVI", "99")).post(CRISES).then().statusCode(400)
                .body("violations[0].field", startsWith("departementCodes"));
        as("ars").body(activation("TSUNAMI", "31")).post(CRISES).then().statusCode(400);
        as("ars").body(activation("AMAVI")).post(CRISES).then().statusCode(400);
        as("ars").body(Map.of("plan", "AMAVI", "departementCodes", List.of("81"), "zoneIds", List.of(UUID.randomUUID().toString()),
                "reason", "x", "requestingParty", "ARS")).post(CRISES).then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unknown-zone"));
        as("auditor").queryParam("departement", "81").get(CRISES).then().body("total", equalTo(0));
        as("auditor").queryParam("departement", "99").get(CRISES).then().statusCode(400);
        request("ars", "AMAVI", "81");
    }

    @Test
    void theLifecycleRecordsWhoAndWhenAndPublishesActivationAndStandDown() {
        String id = request("ars", "AMAVI", "31", "11");
        String path = CRISES + "/" + id;
        as("cnmss").get(path).then().statusCode(200).body("status", equalTo("REQUESTED"))
                .body("requestedBy", equalTo("dev-ars")).body("activatedAt", nullValue()).header("ETag", equalTo("\"0\""));
        as("ssa").post(path + "/activation").then().statusCode(428);
        as("ssa").header("If-Match", "\"0\"").post(path + "/activation").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("activatedBy", equalTo("dev-ssa")).body("activatedAt", notNullValue());
        as("ssa").header("If-Match", "\"1\"").post(path + "/activation").then().statusCode(409);

        JsonNode activated = TopicProbe.awaitPublished("partnership.events.v1", "fr.civmil.partnership.crisis.activated.v1",
                d -> d.path("activationId").asText().equals(id));
        assertEquals("AMAVI", activated.at("/data/plan").asText());
        assertEquals("11", activated.at("/data/departementCodes/0").asText());
        assertEquals("31", activated.at("/data/departementCodes/1").asText());
        assertEquals("ARS", activated.at("/data/requestingParty").asText());

        String reserve = as("ars").body(Map.of("type", "HEALTH_RESERVE", "quantity", 5, "place", "CHU de Toulouse"))
                .post(path + "/reinforcements").then().statusCode(201).extract().path("id");
        as("ars").body(Map.of("type", "HEALTH_RESERVE", "quantity", 7, "place", "CH de Carcassonne")).post(path + "/reinforcements")
                .then().statusCode(201);
        String evacuation = as("ssa").body(Map.of("type", "MEDICAL_EVACUATION", "quantity", 2, "place", "Base aérienne 101"))
                .post(path + "/reinforcements").then().statusCode(201).extract().path("id");
        as("ssa").body(Map.of("type", "MEDICAL_EVACUATION", "quantity", 0, "place", "x")).post(path + "/reinforcements")
                .then().statusCode(400);
        String reservePath = path + "/reinforcements/" + reserve;
        as("ssa").header("If-Match", "\"0\"").body(Map.of("status", "DEPLOYED")).post(reservePath + "/status").then().statusCode(409);
        as("ssa").header("If-Match", "\"0\"").body(Map.of("status", "COMMITTED")).post(reservePath + "/status").then().statusCode(200);
        as("ssa").header("If-Match", "\"1\"").body(Map.of("status", "DEPLOYED")).post(reservePath + "/status").then().statusCode(200);
        as("ssa").header("If-Match", "\"1\"").body(Map.of("status", "RELEASED")).post(reservePath + "/status").then().statusCode(412);

        as("auditor").get(path).then().statusCode(200)
                .body("reinforcementTotals.find { it.type == 'HEALTH_RESERVE' }.quantity", equalTo(12))
                .body("reinforcementTotals.find { it.type == 'HEALTH_RESERVE' }.requests", equalTo(2))
                .body("reinforcementTotals.find { it.type == 'HEALTH_RESERVE' }.deployed", equalTo(5))
                .body("reinforcementTotals.find { it.type == 'MEDICAL_EVACUATION' }.deployed", equalTo(0))
                .body("afterAction", nullValue());

        as("ars").header("If-Match", "\"1\"").body(Map.of("notes", "Retour d'expérience le 15 décembre"))
                .post(path + "/stand-down").then().statusCode(200)
                .body("status", equalTo("STOOD_DOWN")).body("stoodDownBy", equalTo("dev-ars"))
                .body("afterAction.notes", equalTo("Retour d'expérience le 15 décembre"))
                .body("afterAction.duration", startsWith("PT"))
                .body("afterAction.reinforcementsDeployed.HEALTH_RESERVE", equalTo(5))
                .body("afterAction.reinforcementsDeployed.MEDICAL_EVACUATION", nullValue())
                // What was still open ended with the crisis: the deployed reserve released, the rest cancelled.
                .body("afterAction.releasedAtStandDown.HEALTH_RESERVE", equalTo(5))
                .body("afterAction.cancelledAtStandDown.HEALTH_RESERVE", equalTo(7))
                .body("afterAction.cancelledAtStandDown.MEDICAL_EVACUATION", equalTo(2));
        as("auditor").get(reservePath).then().statusCode(200).body("status", equalTo("RELEASED"));
        as("auditor").get(path + "/reinforcements/" + evacuation).then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("ars").header("If-Match", "\"2\"").body(Map.of("notes", "encore")).post(path + "/stand-down").then().statusCode(409);
        as("ars").body(Map.of("type", "OTHER", "quantity", 1, "place", "x")).post(path + "/reinforcements").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:activation-stood-down"));
        as("ssa").header("If-Match", "\"0\"").body(Map.of("status", "COMMITTED"))
                .post(path + "/reinforcements/" + evacuation + "/status").then().statusCode(409);

        JsonNode stoodDown = TopicProbe.awaitPublished("partnership.events.v1", "fr.civmil.partnership.crisis.stood-down.v1",
                d -> d.path("activationId").asText().equals(id));
        assertEquals(2, stoodDown.at("/data/departementCodes").size());
        assertEquals("AMAVI", stoodDown.at("/data/plan").asText());
    }

    @Test
    void concurrentRequestsForTheSamePlanAndDepartementOpenExactlyOne() throws Exception {
        String token = Api.token("ars");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> codes = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // Overlapping scopes in different orders: still exactly one winner and no deadlock.
                Map<String, Object> body = i % 2 == 0 ? activation("EPI_CLIM", "34", "30") : activation("EPI_CLIM", "30", "34");
                calls.add(() -> RestAssured.given().auth().oauth2(token).contentType("application/json").body(body).post(CRISES).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                codes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(7, codes.stream().filter(c -> c == 409).count(), codes.toString());
        as("auditor").queryParam("plan", "EPI_CLIM").queryParam("departement", "34").get(CRISES).then().body("total", equalTo(1));
    }

    @Test
    void aRequestWithdrawnBeforeActivationPublishesNothingAndFreesTheScope() {
        String id = request("ssa", "MEDICO_PSY", "46");
        as("ssa").header("If-Match", "\"0\"").body(Map.of()).post(CRISES + "/" + id + "/stand-down").then().statusCode(200)
                .body("afterAction.duration", notNullValue()).body("activatedAt", nullValue());
        request("ssa", "MEDICO_PSY", "46");
        as("auditor").queryParam("status", "STOOD_DOWN").queryParam("plan", "MEDICO_PSY").get(CRISES).then()
                .body("items.id", hasItem(id));
    }

    @Test
    void creationIsIdempotentWithAKey() {
        String key = UUID.randomUUID().toString();
        String first = as("ars").header("Idempotency-Key", key).body(activation("NRC", "65")).post(CRISES).then().statusCode(201)
                .extract().path("id");
        as("ars").header("Idempotency-Key", key).body(activation("NRC", "65")).post(CRISES).then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(first));
    }
}
