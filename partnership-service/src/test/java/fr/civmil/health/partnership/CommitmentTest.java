package fr.civmil.health.partnership;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.partnership.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class CommitmentTest {

    private static String commitments(String contractId) {
        return "/api/v1/partnerships/" + contractId + "/commitments";
    }

    @Test
    void aCommitmentPastItsDueDateAndStillOpenIsLate() {
        String contract = Api.newContract();
        String late = Api.newCommitment(contract, LocalDate.now().minusDays(3).toString());
        String onTime = Api.newCommitment(contract, LocalDate.now().plusMonths(3).toString());
        as("auditor").get(commitments(contract) + "/" + late).then().statusCode(200).body("late", equalTo(true))
                .body("status", equalTo("PLANNED"));
        as("auditor").get(commitments(contract) + "/" + onTime).then().body("late", equalTo(false));
        as("auditor").queryParam("late", true).get(commitments(contract)).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(late));
        as("ars").header("If-Match", "\"0\"").body(Map.of("status", "ABANDONED", "reason", "No budget"))
                .post(commitments(contract) + "/" + late + "/status").then().statusCode(200).body("late", equalTo(false));
        as("auditor").queryParam("late", true).get(commitments(contract)).then().body("total", equalTo(0));
    }

    @Test
    void unknownAxesAndZonesAreRefusedWith422AndCreateNothing() {
        String contract = Api.newContract();
        as("ars").body(Api.commitment(6, "2027-01-01", List.of())).post(commitments(contract)).then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unknown-axis"));
        String unknownZone = UUID.randomUUID().toString();
        as("ars").body(Api.commitment(1, "2027-01-01", List.of(unknownZone))).post(commitments(contract)).then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unknown-zone"))
                .body("detail", org.hamcrest.Matchers.containsString(unknownZone));
        as("ars").body(Map.of("axis", 1, "owner", "NAVY", "title", "x", "description", "y", "deliverables", List.of(),
                "dueDate", "2027-01-01", "zoneIds", List.of())).post(commitments(contract)).then().statusCode(400);
        as("ars").body(Map.of("axis", 1, "owner", "SSA", "title", "x", "description", "y", "deliverables", List.of(),
                "dueDate", "31/12/2027", "zoneIds", List.of())).post(commitments(contract)).then().statusCode(400)
                .body("violations[0].field", equalTo("dueDate"));
        as("auditor").get(commitments(contract)).then().body("total", equalTo(0));
        as("ars").body(Api.commitment(1, "2027-01-01", List.of())).post("/api/v1/partnerships/" + UUID.randomUUID() + "/commitments")
                .then().statusCode(404);
    }

    @Test
    void theLifecycleNeedsAReasonToAbandonAndPublishesEachStep() {
        String contract = Api.newContract();
        String id = Api.newCommitment(contract, "2027-06-30");
        String status = commitments(contract) + "/" + id + "/status";
        as("ssa").header("If-Match", "\"0\"").body(Map.of("status", "ACHIEVED")).post(status).then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:illegal-transition"));
        as("ssa").header("If-Match", "\"0\"").body(Map.of("status", "IN_PROGRESS")).post(status).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("status", equalTo("IN_PROGRESS"));
        as("ssa").header("If-Match", "\"1\"").body(Map.of("status", "ABANDONED")).post(status).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as("ssa").header("If-Match", "\"0\"").body(Map.of("status", "ACHIEVED")).post(status).then().statusCode(412);
        as("ssa").body(Map.of("status", "ACHIEVED")).post(status).then().statusCode(428);
        as("ssa").get(commitments(contract) + "/" + id).then().body("status", equalTo("IN_PROGRESS"));
        as("ssa").header("If-Match", "\"1\"").body(Map.of("status", "ACHIEVED")).post(status).then().statusCode(200);
        as("ssa").header("If-Match", "\"2\"").body(Map.of("status", "IN_PROGRESS")).post(status).then().statusCode(409);
        as("ssa").header("If-Match", "\"2\"").body(Api.commitment(1, "2027-06-30", List.of()))
                .put(commitments(contract) + "/" + id).then().statusCode(409);

        JsonNode event = TopicProbe.awaitPublished("partnership.events.v1", "fr.civmil.partnership.commitment.status-changed.v1",
                d -> d.path("commitmentId").asText().equals(id) && d.path("to").asText().equals("ACHIEVED"));
        assertEquals("IN_PROGRESS", event.at("/data/from").asText());
        assertEquals(contract, event.at("/data/contractId").asText());
        assertEquals(1, event.at("/data/axis").asInt());
        assertEquals("commitment " + id, event.path("subject").asText());
    }

    @Test
    void anEditNeedsTheCurrentETag() {
        String contract = Api.newContract();
        String id = Api.newCommitment(contract, "2027-06-30");
        var changed = Map.of("axis", 3, "owner", "SSA", "title", "Exercice ORSAN", "description", "Un exercice conjoint",
                "deliverables", List.of("Retex"), "dueDate", "2027-09-30", "zoneIds", List.of());
        as("ars").body(changed).put(commitments(contract) + "/" + id).then().statusCode(428);
        as("ars").header("If-Match", "\"0\"").body(changed).put(commitments(contract) + "/" + id).then().statusCode(200)
                .body("axis", equalTo(3)).body("owner", equalTo("SSA")).header("ETag", equalTo("\"1\""));
        as("ars").header("If-Match", "\"0\"").body(changed).put(commitments(contract) + "/" + id).then().statusCode(412);
        as("auditor").queryParam("axis", 3).get(commitments(contract)).then().body("items.id", hasItem(id));
        as("auditor").queryParam("owner", "ARS").get(commitments(contract)).then().body("items.id", not(hasItem(id)));
    }

    @Test
    void concurrentStatusChangesWithTheSameETagLetExactlyOneWin() throws Exception {
        String contract = Api.newContract();
        String id = Api.newCommitment(contract, "2027-06-30");
        String status = commitments(contract) + "/" + id + "/status";
        String token = Api.token("ars");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                        .header("If-Match", "\"0\"").body(Map.of("status", "IN_PROGRESS")).post(status).statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                codes.add(f.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
            assertTrue(codes.stream().allMatch(c -> c == 200 || c == 412), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        as("auditor").get(commitments(contract) + "/" + id).then().header("ETag", equalTo("\"1\""));
    }

    @Test
    void creationIsIdempotentWithAKey() {
        String contract = Api.newContract();
        String key = UUID.randomUUID().toString();
        var body = Api.commitment(2, "2027-01-01", List.of());
        String first = as("ssa").header("Idempotency-Key", key).body(body).post(commitments(contract)).then().statusCode(201).extract().path("id");
        as("ssa").header("Idempotency-Key", key).body(body).post(commitments(contract)).then().statusCode(201)
                .body("id", equalTo(first));
        as("auditor").get(commitments(contract)).then().body("items.id", containsInAnyOrder(first));
    }
}
