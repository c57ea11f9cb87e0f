package fr.civmil.health.partnership;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.civmil.health.devstack.testing.AsRole;
import io.restassured.specification.RequestSpecification;

/** Requests as a client of a given role, and the bodies the tests reuse. */
final class Api {


    private Api() {
    }

    static String token(String role) {
        return AsRole.token(role);
    }

    static RequestSpecification as(String role) {
        return AsRole.as(role);
    }

    static Map<String, Object> contract(String reference) {
        return Map.of("reference", reference,
                "title", "Contrat de test " + reference,
                "regionCode", "76",
                "legalBasis", "Code de la santé publique, article L6147-12",
                "parties", List.of("ARS Occitanie", "Service de santé des armées"),
                "signatories", List.of(Map.of("party", "ARS", "name", "Alice Martin", "function", "Directrice", "organisation", "ARS Occitanie"),
                        Map.of("party", "SSA", "name", "Bruno Leroy", "function", "Médecin chef", "organisation", "Service de santé des armées")),
                "frameworkReferences", List.of("Projet régional de santé 2023-2028", "ORSAN"),
                "periodStart", "2025-01-01",
                "periodEnd", "2029-12-31",
                "axes", List.of("Accès aux soins", "Organisation territoriale", "Situations sanitaires exceptionnelles"));
    }

    /** A new DRAFT contract with three axes; returns its id. */
    static String newContract() {
        return as("ars").body(contract("T-" + UUID.randomUUID())).post("/api/v1/partnerships")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> commitment(int axis, String dueDate, List<String> zoneIds) {
        return Map.of("axis", axis, "owner", "JOINT", "title", "Consultations avancées",
                "description", "Des journées de consultation en zone prioritaire", "deliverables", List.of("Bilan trimestriel"),
                "dueDate", dueDate, "zoneIds", zoneIds);
    }

    static String newCommitment(String contractId, String dueDate) {
        return as("ssa").body(commitment(1, dueDate, List.of())).post("/api/v1/partnerships/" + contractId + "/commitments")
                .then().statusCode(201).extract().path("id");
    }

    static String etag(String role, String path) {
        return as(role).get(path).then().statusCode(200).extract().header("ETag");
    }
}
