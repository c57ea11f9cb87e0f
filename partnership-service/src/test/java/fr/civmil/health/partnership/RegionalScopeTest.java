package fr.civmil.health.partnership;

import static fr.civmil.health.partnership.Api.as;
import static fr.civmil.health.devstack.testing.RegionalScope.arsOf;
import static fr.civmil.health.devstack.testing.RegionalScope.outsideRegion;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * An ARS agent acts on its own région only (claim {@code region} of its token): contracts, commitments, indicators,
 * reviews and crisis activations of another région are refused with a 403 naming the région the token may act on, and
 * nothing changes; {@code admin} and the SSA are national.
 */
@QuarkusTest
class RegionalScopeTest {

    private static final String CRISES = "/api/v1/crisis-activations";
    private static final String OCCITANIE = "76 (Occitanie)";
    private static final String ILE_DE_FRANCE = "11 (Île-de-France)";

    private static Map<String, Object> activation(String... departements) {
        return Map.of("plan", "EPI_CLIM", "departementCodes", List.of(departements), "zoneIds", List.of(),
                "reason", "Canicule", "requestingParty", "ARS");
    }

    @Test
    void aContractBelongsToItsRegionsAgency() {
        Map<String, Object> paris = new HashMap<>(Api.contract("T-IDF-" + UUID.randomUUID()));
        paris.put("regionCode", "11");
        outsideRegion(as("ars").body(paris).post("/api/v1/partnerships").then(), OCCITANIE, ILE_DE_FRANCE);
        arsOf("11").body(paris).post("/api/v1/partnerships").then().statusCode(201).body("regionCode", equalTo("11"));
        as("admin").body(Api.contract("T-ADM-" + UUID.randomUUID())).post("/api/v1/partnerships").then().statusCode(201);
    }

    @Test
    void anotherRegionsAgentChangesNothingOnAnOccitanieContract() {
        String contract = Api.newContract();
        String path = "/api/v1/partnerships/" + contract;
        String commitment = Api.newCommitment(contract, LocalDate.now().plusMonths(6).toString());
        String commitmentPath = path + "/commitments/" + commitment;
        String indicator = as("ars").body(Map.of("commitmentId", commitment, "name", "Journées", "unit", "days", "baseline", 0, "target", 100,
                "direction", "HIGHER_IS_BETTER")).post(path + "/indicators").then().statusCode(201).extract().path("id");
        int year = LocalDate.now().getYear();
        as("ars").body(Map.of("year", year)).post(path + "/reviews").then().statusCode(201);
        String review = path + "/reviews/" + year;
        String contractTag = Api.etag("ars", path);
        String commitmentTag = Api.etag("ars", commitmentPath);
        String reviewTag = Api.etag("ars", review);

        Map<String, Object> changes = new HashMap<>(Api.contract("ignored"));
        changes.remove("reference");
        changes.remove("axes");
        changes.remove("regionCode");
        outsideRegion(arsOf("11").header("If-Match", contractTag).body(changes).put(path).then(), ILE_DE_FRANCE, OCCITANIE);
        outsideRegion(arsOf("11").header("If-Match", contractTag).body(Map.of("status", "TERMINATED", "reason", "essai")).post(path + "/status").then(),
                ILE_DE_FRANCE, OCCITANIE);
        outsideRegion(arsOf("11").body(Api.commitment(1, "2027-06-30", List.of())).post(path + "/commitments").then(), ILE_DE_FRANCE, OCCITANIE);
        outsideRegion(arsOf("11").header("If-Match", commitmentTag).body(Api.commitment(1, "2027-06-30", List.of())).put(commitmentPath).then(),
                ILE_DE_FRANCE, OCCITANIE);
        outsideRegion(arsOf("11").header("If-Match", commitmentTag).body(Map.of("status", "IN_PROGRESS")).post(commitmentPath + "/status").then(),
                ILE_DE_FRANCE, OCCITANIE);
        outsideRegion(arsOf("11").body(Map.of("commitmentId", commitment, "name", "Autre", "unit", "days", "baseline", 0, "target", 10,
                "direction", "HIGHER_IS_BETTER")).post(path + "/indicators").then(), ILE_DE_FRANCE, OCCITANIE);
        outsideRegion(arsOf("11").body(Map.of("date", LocalDate.now().toString(), "value", 5)).post(path + "/indicators/" + indicator + "/measurements").then(),
                ILE_DE_FRANCE, OCCITANIE);
        outsideRegion(arsOf("11").body(Map.of("year", year - 1)).post(path + "/reviews").then(), ILE_DE_FRANCE, OCCITANIE);
        outsideRegion(arsOf("11").header("If-Match", reviewTag).body(Map.of()).post(review + "/snapshot").then(), ILE_DE_FRANCE, OCCITANIE);
        outsideRegion(arsOf("11").body(Map.of("commitmentId", commitment, "text", "Avis d'une autre région")).post(review + "/comments").then(),
                ILE_DE_FRANCE, OCCITANIE);
        outsideRegion(arsOf("11").header("If-Match", reviewTag).body(Map.of("signatory", "Alice Martin")).post(review + "/signatures/ARS").then(), ILE_DE_FRANCE, OCCITANIE);
        // An indicator that would count another région's figures is refused too.
        outsideRegion(as("ars").body(Map.of("commitmentId", commitment, "name", "Médecins", "unit", "doctors", "baseline", 0, "target", 10,
                "direction", "HIGHER_IS_BETTER", "feed", "REFERENCED_DOCTORS", "regionCode", "11")).post(path + "/indicators").then(), OCCITANIE, ILE_DE_FRANCE);

        assertEquals(contractTag, Api.etag("ars", path));
        assertEquals(commitmentTag, Api.etag("ars", commitmentPath));
        assertEquals(reviewTag, Api.etag("ars", review));
        as("auditor").get(path + "/commitments").then().body("total", equalTo(1));
        as("auditor").get(path + "/indicators").then().body("total", equalTo(1));
        as("auditor").get(path + "/indicators/" + indicator + "/measurements").then().body("total", equalTo(0));
        as("auditor").get(path + "/reviews").then().body("total", equalTo(1));
        as("auditor").get(review).then().body("comments.size()", equalTo(0)).body("status", equalTo("OPEN"));
    }

    @Test
    void anArsAgentActivatesOrsanInItsOwnRegionOnly() {
        outsideRegion(as("ars").body(activation("31", "75")).post(CRISES).then(), OCCITANIE, ILE_DE_FRANCE);
        outsideRegion(as("ars").body(activation("2A")).post(CRISES).then(), OCCITANIE, "94 (Corse)");
        String id = as("ars").body(activation("46")).post(CRISES).then().statusCode(201).extract().path("id");
        String path = CRISES + "/" + id;
        String tag = Api.etag("ars", path);
        outsideRegion(arsOf("11").header("If-Match", tag).post(path + "/activation").then(), ILE_DE_FRANCE, OCCITANIE);
        outsideRegion(arsOf("11").header("If-Match", tag).body(Map.of("notes", "fin")).post(path + "/stand-down").then(), ILE_DE_FRANCE, OCCITANIE);
        outsideRegion(arsOf("11").body(Map.of("type", "HEALTH_RESERVE", "quantity", 3, "place", "CH de Cahors")).post(path + "/reinforcements").then(),
                ILE_DE_FRANCE, OCCITANIE);
        as("auditor").get(path).then().body("status", equalTo("REQUESTED"));
        as("auditor").get(path + "/reinforcements").then().body("total", equalTo(0));

        // The SSA is national: it may request in any région; so may admin.
        String paris = as("ssa").body(activation("75")).post(CRISES).then().statusCode(201).extract().path("id");
        as("admin").header("If-Match", Api.etag("admin", CRISES + "/" + paris)).body(Map.of("notes", "exercice terminé"))
                .post(CRISES + "/" + paris + "/stand-down").then().statusCode(200);
        as("ars").header("If-Match", tag).body(Map.of("notes", "fin")).post(path + "/stand-down").then().statusCode(200);
    }
}
