package fr.civmil.health.zones;

import static fr.civmil.health.devstack.testing.TestClock.today;
import static fr.civmil.health.zones.Api.activeZone;
import static fr.civmil.health.zones.Api.ars;
import static fr.civmil.health.zones.Api.as;
import static fr.civmil.health.zones.Api.book;
import static fr.civmil.health.zones.Api.designate;
import static fr.civmil.health.zones.Api.move;
import static fr.civmil.health.zones.Api.moveMission;
import static fr.civmil.health.zones.Api.moveSite;
import static fr.civmil.health.zones.Api.rpps;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.devstack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Volunteer doctors' allowances: €200 a full day and half for a half-day by default, a campaign's own amount when
 * the ARS sets one; fixed when the mission is completed, published with its completion, totalled per doctor, zone,
 * month and campaign, and exported for payment in French.
 */
@QuarkusTest
class AllowanceApiTest {

    private static final String ALLOWANCES = "/api/v1/solidarity-missions/allowances";

    private static String completed(String site, String rpps, String date, String slot) {
        today(LocalDate.parse(date).minusDays(3));
        String id = book(site, rpps, date, slot).statusCode(201).extract().path("id");
        moveMission(id, "CONFIRMED", null).statusCode(200);
        today(LocalDate.parse(date));
        moveMission(id, "COMPLETED", null).statusCode(200);
        return id;
    }

    @Test
    void aCompletedMissionCarriesItsAllowanceAndThePaymentFileListsItInFrench() {
        String site = Api.openSite(activeZone("200044469"), 2);
        String doctor = rpps();
        String full = completed(site, doctor, "2027-03-01", "FULL_DAY");
        String half = completed(site, doctor, "2027-03-08", "MORNING");
        String planned = book(site, rpps(), "2027-03-09", "AFTERNOON").statusCode(201).extract().path("id");

        ars().get("/api/v1/solidarity-missions/" + full).then().body("allowanceEur", equalTo(200.0f));
        ars().get("/api/v1/solidarity-missions/" + half).then().body("allowanceEur", equalTo(100.0f));
        ars().get("/api/v1/solidarity-missions/" + planned).then().body("allowanceEur", nullValue());

        as("auditor").queryParam("groupBy", "DOCTOR").queryParam("month", "2027-03").get(ALLOWANCES).then().statusCode(200)
                .body("find { it.key == '" + doctor + "' }.missions", equalTo(2))
                .body("find { it.key == '" + doctor + "' }.days", equalTo(1.5f))
                .body("find { it.key == '" + doctor + "' }.amountEur", equalTo(300.0f));
        as("ars").queryParam("groupBy", "MONTH").queryParam("region", "76").get(ALLOWANCES).then().statusCode(200)
                .body("find { it.key == '2027-03' }.amountEur", org.hamcrest.Matchers.greaterThanOrEqualTo(300.0f));
        as("cnmss").queryParam("groupBy", "DOCTOR").get(ALLOWANCES).then().statusCode(403);
        as("ars").get(ALLOWANCES).then().statusCode(400).body("violations[0].field", equalTo("groupBy"));

        String csv = as("ars").queryParam("month", "2027-03").queryParam("region", "76").get(ALLOWANCES + "/export.csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("indemnites-2027-03-76.csv")).extract().asString();
        assertEquals("RPPS;Médecin;Date;Créneau;Jours;Montant (EUR);Zone (EPCI);Campagne;Mission", csv.lines().findFirst().orElseThrow());
        List<String> lines = csv.lines().filter(line -> line.startsWith(doctor)).toList();
        assertEquals(2, lines.size(), csv);
        assertEquals(List.of(doctor, "Dr Test", "01/03/2027", "journée", "1", "200,00", "CC du Pays de Mirepoix"),
                List.of(lines.get(0).split(";")).subList(0, 7));
        assertEquals(List.of("08/03/2027", "matin", "0,5", "100,00"), List.of(lines.get(1).split(";")).subList(2, 6));

        JsonNode event = TopicProbe.events("zones.events.v1", full, e -> e.stream()
                .anyMatch(x -> x.get("type").asText().endsWith("solidarity-mission.completed.v1"))).stream()
                .filter(x -> x.get("type").asText().endsWith("completed.v1")).findFirst().orElseThrow();
        assertEquals(200.0, event.get("data").get("allowanceEur").asDouble());
    }

    @Test
    void aCampaignMayHaveItsOwnAmount() {
        String zone = designate("200044469", "tarif-test", "DESIGNATED").statusCode(201).extract().path("id");
        move(zone, "ACTIVE").statusCode(200);
        String site = ars().body(Map.of("zoneId", zone, "communeCode", "09194", "name", "MSP de Mirepoix", "kind", "MULTI_PROFESSIONAL_PRACTICE",
                "address", Map.of("line", "2 place du Maréchal Leclerc", "postalCode", "09500"), "rooms", 1))
                .post("/api/v1/consultation-sites").then().statusCode(201).extract().path("id");
        moveSite(site, "READY").statusCode(200);
        moveSite(site, "OPEN").statusCode(200);
        String mission = completed(site, rpps(), "2027-04-05", "FULL_DAY");
        ars().get("/api/v1/solidarity-missions/" + mission).then().body("allowanceEur", equalTo(150.0f));
        as("auditor").queryParam("groupBy", "CAMPAIGN").queryParam("campaign", "tarif-test").get(ALLOWANCES).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].key", equalTo("tarif-test")).body("[0].amountEur", equalTo(150.0f));
    }
}
