package fr.civmil.health.partnership;

import static fr.civmil.health.partnership.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.devstack.testing.TopicProbe;
import fr.civmil.health.platform.time.Clocks;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The contract's follow-up committee: a meeting with its attendees by party and minutes, decisions that move
 * commitments (recorded in their history, published as any change), and the minutes signed off by both parties,
 * after which the meeting no longer changes.
 */
@QuarkusTest
class CommitteeMeetingTest {

    private static final LocalDate TODAY = LocalDate.now(Clocks.PARIS);

    private static Map<String, Object> meeting(List<Map<String, String>> attendees, String minutes) {
        return minutes == null ? Map.of("heldOn", TODAY.minusDays(2).toString(), "kind", "ORDINARY", "attendees", attendees)
                : Map.of("heldOn", TODAY.minusDays(2).toString(), "kind", "ORDINARY", "place", "ARS Occitanie, Montpellier",
                        "attendees", attendees, "minutes", minutes);
    }

    private static final List<Map<String, String>> BOTH = List.of(
            Map.of("party", "ARS", "name", "Alice Martin", "function", "Directrice"),
            Map.of("party", "SSA", "name", "Bruno Leroy", "function", "Médecin chef"));

    @Test
    void aDecisionMovesTheCommitmentInTheSameTransactionAndItsHistoryNamesIt() {
        String contract = Api.newContract();
        String commitment = Api.newCommitment(contract, TODAY.plusMonths(6).toString());
        String meetings = "/api/v1/partnerships/" + contract + "/committee-meetings";
        String meeting = as("ars").body(meeting(BOTH, "Point sur l'axe 1")).post(meetings).then().statusCode(201)
                .body("attendees.party", contains("ARS", "SSA")).body("status", equalTo("OPEN")).body("createdBy", equalTo("dev-ars"))
                .extract().path("id");
        String path = meetings + "/" + meeting;

        as("ssa").body(Map.of("commitmentId", commitment, "status", "IN_PROGRESS", "text", "Lancement validé en séance"))
                .post(path + "/decisions").then().statusCode(201).body("status", equalTo("IN_PROGRESS"));
        as("auditor").get("/api/v1/partnerships/" + contract + "/commitments/" + commitment).then().body("status", equalTo("IN_PROGRESS"));
        String decisionId = as("auditor").get(path).then().body("decisions", hasSize(1)).header("ETag", equalTo("\"1\""))
                .extract().path("decisions[0].id");
        as("auditor").get("/api/v1/partnerships/" + contract + "/commitments/" + commitment + "/history").then()
                .body("to", contains("PLANNED", "IN_PROGRESS"))
                .body("[1].decisionId", equalTo(decisionId))
                .body("[1].reason", equalTo("Décision du comité de suivi du " + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                        .format(TODAY.minusDays(2)) + " : Lancement validé en séance"))
                .body("[0].decisionId", nullValue());
        JsonNode event = TopicProbe.awaitPublished("partnership.events.v1", "fr.civmil.partnership.commitment.status-changed.v1",
                d -> d.path("commitmentId").asText().equals(commitment) && d.path("to").asText().equals("IN_PROGRESS"));
        assertEquals("PLANNED", event.at("/data/from").asText());

        // A decision the lifecycle refuses changes nothing: no decision, no status.
        as("ssa").body(Map.of("commitmentId", commitment, "status", "PLANNED", "text", "Retour en arrière")).post(path + "/decisions")
                .then().statusCode(409).body("type", equalTo("urn:civmil:problem:illegal-transition"));
        as("ssa").body(Map.of("commitmentId", UUID.randomUUID().toString(), "status", "IN_PROGRESS", "text", "?")).post(path + "/decisions")
                .then().statusCode(422).body("type", equalTo("urn:civmil:problem:unknown-commitment"));
        as("auditor").get(path).then().body("decisions", hasSize(1));
        as("auditor").get("/api/v1/partnerships/" + contract + "/commitments/" + commitment).then().body("status", equalTo("IN_PROGRESS"));
        as("auditor").get(meetings + "?year=" + TODAY.minusDays(2).getYear()).then().body("total", equalTo(1));
    }

    @Test
    void bothPartiesSignTheMinutesForNamedSignatoriesAfterWhichTheMeetingNoLongerChanges() {
        String contract = Api.newContract();
        String commitment = Api.newCommitment(contract, TODAY.plusMonths(6).toString());
        String meetings = "/api/v1/partnerships/" + contract + "/committee-meetings";
        String meeting = as("ssa").body(meeting(List.of(BOTH.get(1)), null)).post(meetings).then().statusCode(201).extract().path("id");
        String path = meetings + "/" + meeting;

        // No minutes yet, then the ARS absent: nothing to sign.
        as("ssa").header("If-Match", "\"0\"").body(Map.of("signatory", "Bruno Leroy")).post(path + "/signatures/SSA").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:minutes-missing"));
        as("ssa").header("If-Match", "\"0\"").body(meeting(List.of(BOTH.get(1)), "Compte rendu")).put(path).then().statusCode(200);
        as("ssa").header("If-Match", "\"1\"").body(Map.of("signatory", "Bruno Leroy")).post(path + "/signatures/SSA").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:minutes-without-both-parties"));
        as("ssa").header("If-Match", "\"1\"").body(meeting(BOTH, "Compte rendu de la réunion")).put(path).then().statusCode(200);

        as("ars").header("If-Match", "\"2\"").body(Map.of("signatory", "Alice Martin")).post(path + "/signatures/SSA").then().statusCode(403)
                .body("type", equalTo("urn:civmil:problem:signatory-party"));
        as("ssa").header("If-Match", "\"2\"").body(Map.of("signatory", "Alice Martin")).post(path + "/signatures/SSA").then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unknown-signatory"));
        as("ssa").header("If-Match", "\"2\"").body(Map.of("signatory", "Bruno Leroy")).post(path + "/signatures/SSA").then().statusCode(200)
                .body("status", equalTo("PARTIALLY_SIGNED")).body("ssaSignature.signatory", equalTo("Bruno Leroy"))
                .body("ssaSignature.function", equalTo("Médecin chef")).body("ssaSignature.signedBy", equalTo("dev-ssa"));

        // From the first signature on, the meeting is what was signed.
        as("ars").header("If-Match", "\"3\"").body(meeting(BOTH, "Autre compte rendu")).put(path).then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:minutes-signed"));
        as("ars").header("Accept-Language", "fr").header("If-Match", "\"3\"").body(meeting(BOTH, "Autre compte rendu")).put(path).then()
                .statusCode(409).body("title", equalTo("Conflit"))
                .body("detail", equalTo("Le compte rendu de la réunion du " + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                        .format(TODAY.minusDays(2)) + " a été signé : la réunion ne change plus"));
        as("ars").body(Map.of("commitmentId", commitment, "status", "IN_PROGRESS", "text", "Tardif")).post(path + "/decisions").then().statusCode(409);
        as("ssa").header("If-Match", "\"3\"").body(Map.of("signatory", "Bruno Leroy")).post(path + "/signatures/SSA").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:minutes-already-signed"));
        as("ars").header("If-Match", "\"3\"").body(Map.of("signatory", "Alice Martin")).post(path + "/signatures/ARS").then().statusCode(200)
                .body("status", equalTo("SIGNED")).body("arsSignature.signatory", equalTo("Alice Martin"))
                .body("arsSignature.signedAt", notNullValue()).body("minutes", equalTo("Compte rendu de la réunion"));
        as("auditor").get("/api/v1/partnerships/" + contract + "/commitments/" + commitment).then().body("status", equalTo("PLANNED"));
    }
}
