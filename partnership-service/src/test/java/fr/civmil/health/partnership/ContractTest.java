package fr.civmil.health.partnership;

import static fr.civmil.health.partnership.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ContractTest {

    private static final String CONTRACTS = "/api/v1/partnerships";

    private static int total() {
        return as("auditor").get(CONTRACTS).then().statusCode(200).extract().path("total");
    }

    @Test
    void theDemoContractIsTheOnePublishedWithItsFourSignatoriesAndSixAxes() {
        Map<String, Object> demo = as("auditor").queryParam("size", 200).get(CONTRACTS).then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(c -> "SSA-ARS-OCCITANIE".equals(c.get("reference"))).findFirst().orElseThrow();
        String id = (String) demo.get("id");
        as("auditor").get(CONTRACTS + "/" + id).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("ACTIVE"))
                .body("legalBasis", equalTo("Code de la santé publique, article L6147-12"))
                .body("frameworkReferences", hasItem("Projet régional de santé 2023-2028"))
                .body("signatories.name", contains("Didier JAFFRE", "Jean-Baptiste MEYNARD", "Ludovic PETIT", "Fabien SAVY"))
                .body("signatories[3].function", equalTo("lieutenant-colonel Officier de Zone de Défense et de Sécurité"))
                .body("axes", hasSize(6))
                .body("axes.number", contains(1, 2, 3, 4, 5, 6))
                .body("axes[3].title", equalTo("Préparer et gérer les situations sanitaires exceptionnelles, en s'appuyant sur les capacités spécifiques du SSA"))
                .body("axes[5].title", equalTo("Promouvoir et accompagner le développement de la réserve sanitaire et militaire, levier de renfort en situation de crise"));
        as("auditor").get(CONTRACTS + "/" + id + "/commitments").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.description", everyItem(startsWith("[Example]")));
        as("auditor").get(CONTRACTS + "/" + id + "/indicators").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.name", everyItem(startsWith("[Example]")))
                .body("items.kind", everyItem(equalTo("AUTOMATIC")))
                .body("items.regionCode", everyItem(equalTo("76")));
    }

    @Test
    void aCreatedContractStartsAsDraftAndCanBeReadBack() {
        String reference = "T-" + UUID.randomUUID();
        var created = as("ssa").body(Api.contract(reference)).post(CONTRACTS).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/partnerships/")).header("ETag", equalTo("\"0\""))
                .body("status", equalTo("DRAFT")).body("axes.number", contains(1, 2, 3)).extract();
        as("admin").get(created.header("Location")).then().statusCode(200)
                .body("reference", equalTo(reference)).body("periodEnd", equalTo("2029-12-31"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstCreationAndRefusesAnotherBody() {
        String key = "create-" + UUID.randomUUID();
        Map<String, Object> body = Api.contract("T-" + UUID.randomUUID());
        String first = as("ars").header("Idempotency-Key", key).body(body).post(CONTRACTS).then().statusCode(201).extract().path("id");
        int before = total();
        as("ars").header("Idempotency-Key", key).body(body).post(CONTRACTS).then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(first));
        as("ars").header("Idempotency-Key", key).body(Api.contract("T-" + UUID.randomUUID())).post(CONTRACTS).then()
                .statusCode(422).body("type", equalTo("urn:civmil:problem:idempotency-key-reused"));
        assertEquals(before, total());
    }

    @Test
    void invalidContractsAreProblemsAndCreateNothing() {
        int before = total();
        Map<String, Object> reversed = new HashMap<>(Api.contract("T-" + UUID.randomUUID()));
        reversed.put("periodEnd", "2024-01-01");
        as("ars").body(reversed).post(CONTRACTS).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("periodEnd"));
        Map<String, Object> tooLong = new HashMap<>(Api.contract("T-" + UUID.randomUUID()));
        tooLong.put("periodEnd", "2031-01-01");
        as("ars").body(tooLong).post(CONTRACTS).then().statusCode(400).body("detail", equalTo("periodEnd: a specific contract lasts at most five years"));
        Map<String, Object> noAxes = new HashMap<>(Api.contract("T-" + UUID.randomUUID()));
        noAxes.put("axes", List.of());
        as("ars").body(noAxes).post(CONTRACTS).then().statusCode(400).body("violations.field", hasItem("axes"));
        Map<String, Object> unknownField = new HashMap<>(Api.contract("T-" + UUID.randomUUID()));
        unknownField.put("budget", 12);
        as("ars").body(unknownField).post(CONTRACTS).then().statusCode(400);
        as("ars").body("{\"reference\":").post(CONTRACTS).then().statusCode(400);
        assertEquals(before, total());
        String reference = "T-" + UUID.randomUUID();
        as("ars").body(Api.contract(reference)).post(CONTRACTS).then().statusCode(201);
        as("ars").body(Api.contract(reference)).post(CONTRACTS).then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:duplicate-reference"));
    }

    @Test
    void theLifecycleRefusesIllegalStepsAndNeedsEverySignatureDate() {
        String id = Api.newContract();
        String path = CONTRACTS + "/" + id;
        as("ars").header("If-Match", "\"0\"").body(Map.of("status", "ACTIVE")).post(path + "/status").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:illegal-transition"));
        as("ars").header("If-Match", "\"0\"").body(Map.of("status", "SIGNED")).post(path + "/status").then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unsigned-signatories"));
        as("ars").body(Map.of("status", "SIGNED")).post(path + "/status").then().statusCode(428);

        Map<String, Object> changes = new HashMap<>(Api.contract("ignored"));
        changes.remove("reference");
        changes.remove("regionCode");
        changes.remove("axes");
        changes.put("signatories", List.of(Map.of("name", "Alice Martin", "function", "Directrice", "organisation", "ARS Occitanie",
                "signedOn", "2025-01-10")));
        as("ars").header("If-Match", "\"0\"").body(changes).put(path).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("signatories[0].signedOn", equalTo("2025-01-10"));
        as("ars").header("If-Match", "\"0\"").body(Map.of("status", "SIGNED")).post(path + "/status").then().statusCode(412);
        as("ars").header("If-Match", "\"1\"").body(Map.of("status", "SIGNED")).post(path + "/status").then().statusCode(200)
                .body("status", equalTo("SIGNED"));
        as("ars").header("If-Match", "\"2\"").body(changes).put(path).then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:contract-not-draft"));
        as("ssa").header("If-Match", "\"2\"").body(Map.of("status", "ACTIVE")).post(path + "/status").then().statusCode(200);
        as("ssa").header("If-Match", "\"3\"").body(Map.of("status", "TERMINATED")).post(path + "/status").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as("ssa").header("If-Match", "\"3\"").body(Map.of("status", "EXPIRED")).post(path + "/status").then().statusCode(200);
        as("ssa").header("If-Match", "\"4\"").body(Map.of("status", "ACTIVE")).post(path + "/status").then().statusCode(409);
        as("ssa").get(path).then().body("status", equalTo("EXPIRED")).header("ETag", equalTo("\"4\""));
        as("ssa").body(Api.commitment(1, "2027-01-01", List.of())).post(path + "/commitments").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:contract-closed"));
    }

    @Test
    void collectionsArePagedWithAStableSortAndRefuseBadParameters() {
        Api.newContract();
        Api.newContract();
        as("auditor").queryParam("size", 1).queryParam("sort", "-createdAt").get(CONTRACTS).then().statusCode(200)
                .body("items", hasSize(1)).body("size", equalTo(1));
        as("auditor").queryParam("size", 201).get(CONTRACTS).then().statusCode(400);
        as("auditor").queryParam("sort", "budget").get(CONTRACTS).then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
        as("auditor").queryParam("status", "SLEEPING").get(CONTRACTS).then().statusCode(400);
                as("auditor").get(CONTRACTS + "/" + UUID.randomUUID()).then().statusCode(404).body("type", equalTo("urn:civmil:problem:not-found"));
    }
}
