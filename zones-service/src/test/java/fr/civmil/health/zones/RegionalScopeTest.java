package fr.civmil.health.zones;

import static fr.civmil.health.zones.Api.activeZone;
import static fr.civmil.health.zones.Api.ars;
import static fr.civmil.health.zones.Api.as;
import static fr.civmil.health.zones.Api.book;
import static fr.civmil.health.zones.Api.campaign;
import static fr.civmil.health.zones.Api.etag;
import static fr.civmil.health.zones.Api.openSite;
import static fr.civmil.health.zones.Api.rpps;
import static fr.civmil.health.devstack.testing.RegionalScope.arsOf;
import static fr.civmil.health.devstack.testing.RegionalScope.outsideRegion;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.TestInfrastructure;
import fr.civmil.health.platform.time.Clocks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An ARS agent acts on its own région only (claim {@code region} of its token): every ARS write on zones, sites,
 * missions and placements of another région is refused with a 403 naming the région the token may act on, and
 * changes nothing; {@code admin} is national.
 */
@QuarkusTest
class RegionalScopeTest {

    private static final String GRAND_PARIS = "200054781";
    private static final String MIREPOIX = "200044469";
    private static final String TOMORROW = LocalDate.now(Clocks.PARIS).plusDays(1).toString();

    @Test
    void anArsAgentDesignatesInItsOwnRegionOnlyAndAdminEverywhere() {
        String campaign = campaign();
        outsideRegion(ars().body(Map.of("epciSiren", GRAND_PARIS, "campaign", campaign)).post("/api/v1/priority-zones").then(),
                "76 (Occitanie)", "11 (Île-de-France)");
        outsideRegion(arsOf("11").body(Map.of("epciSiren", MIREPOIX, "campaign", campaign)).post("/api/v1/priority-zones").then(),
                "11 (Île-de-France)", "76 (Occitanie)");
        outsideRegion(ars().contentType("text/csv").body("epci_siren\n" + MIREPOIX + "\n" + GRAND_PARIS + "\n")
                .post("/api/v1/priority-zones/bulk-designations?campaign=" + campaign).then(), "76 (Occitanie)", "11 (Île-de-France)");
        ars().get("/api/v1/priority-zones?campaign=" + campaign).then().statusCode(200).body("total", equalTo(0));

        arsOf("11").body(Map.of("epciSiren", GRAND_PARIS, "campaign", campaign)).post("/api/v1/priority-zones").then().statusCode(201);
        as("admin").body(Map.of("epciSiren", MIREPOIX, "campaign", campaign)).post("/api/v1/priority-zones").then().statusCode(201);
        ars().get("/api/v1/priority-zones?campaign=" + campaign).then().body("total", equalTo(2));
    }

    @Test
    void anArsTokenWithoutRegionWritesNothing() {
        given().auth().oauth2(TestInfrastructure.token("dev-ars-nowhere", "ars", null)).contentType(ContentType.JSON)
                .body(Map.of("epciSiren", MIREPOIX, "campaign", campaign())).post("/api/v1/priority-zones").then()
                .statusCode(403).body("type", equalTo("urn:civmil:problem:outside-region")).body("detail", containsString("names no région"));
    }

    @Test
    void anotherRegionsAgentChangesNothingOnAnOccitanieZone() {
        String zone = activeZone(MIREPOIX);
        String site = openSite(zone, 2);
        String mission = book(site, rpps(), TOMORROW, "MORNING").statusCode(201).extract().path("id");
        String zonePath = "/api/v1/priority-zones/" + zone;
        String sitePath = "/api/v1/consultation-sites/" + site;
        String missionPath = "/api/v1/solidarity-missions/" + mission;
        String zoneTag = etag(zonePath);
        String siteTag = etag(sitePath);
        String missionTag = etag(missionPath);
        String occitanie = "76 (Occitanie)";
        String mayActOn = "11 (Île-de-France)";

        outsideRegion(arsOf("11").header("If-Match", zoneTag).body(Map.of("targetDaysPerMonth", 2)).put(zonePath).then(), mayActOn, occitanie);
        outsideRegion(arsOf("11").header("If-Match", zoneTag).body(Map.of("to", "SUSPENDED", "reason", "essai")).post(zonePath + "/transitions").then(),
                mayActOn, occitanie);
        outsideRegion(arsOf("11").body(Map.of("zoneId", zone, "communeCode", "09194", "name", "Salle", "kind", "TOWN_HALL_ROOM",
                "address", Map.of("line", "Place de la mairie", "postalCode", "09500"), "rooms", 1)).post("/api/v1/consultation-sites").then(),
                mayActOn, occitanie);
        outsideRegion(arsOf("11").header("If-Match", siteTag).body(Map.of("to", "CLOSED")).post(sitePath + "/transitions").then(), mayActOn, occitanie);
        outsideRegion(arsOf("11").body(Map.of("siteId", site, "doctor", Map.of("rpps", rpps(), "name", "Dr Test"), "date", TOMORROW, "slot", "AFTERNOON"))
                .post("/api/v1/solidarity-missions").then(), mayActOn, occitanie);
        outsideRegion(arsOf("11").header("If-Match", missionTag).body(Map.of("to", "CONFIRMED")).post(missionPath + "/transitions").then(),
                mayActOn, occitanie);
        outsideRegion(arsOf("11").body(Map.of("internId", "INT-REG-1", "faculty", "Université de Toulouse", "supervisorRpps", rpps(),
                "from", "2026-11-02", "to", "2027-04-30")).post(zonePath + "/intern-placements").then(), mayActOn, occitanie);

        // Nothing changed; the région's own agent and admin still can.
        assertEquals(zoneTag, etag(zonePath));
        assertEquals(siteTag, etag(sitePath));
        assertEquals(missionTag, etag(missionPath));
        ars().get("/api/v1/consultation-sites?zoneId=" + zone).then().body("total", equalTo(1));
        ars().get("/api/v1/solidarity-missions?zoneId=" + zone).then().body("total", equalTo(1));
        ars().get(zonePath + "/intern-placements").then().body("size()", equalTo(0));
        as("admin").header("If-Match", missionTag).body(Map.of("to", "CONFIRMED")).post(missionPath + "/transitions").then().statusCode(200);
        ars().header("If-Match", zoneTag).body(Map.of("to", "SUSPENDED", "reason", "essai")).post(zonePath + "/transitions").then().statusCode(200);
    }
}
