package fr.civmil.health.zones;

import static fr.civmil.health.zones.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.civmil.health.zones.service.DemoSeed;
import io.quarkus.test.junit.QuarkusTest;

/** The Occitanie seed: 19 of the 28 announced zones, loaded once however often it runs. */
@QuarkusTest
class DemoSeedTest {

    @Inject
    DemoSeed seed;

    @Test
    void loadsThePublishedZonesOnceAndTheSummarySaysNineAreMissing() {
        seed.load();
        assertEquals(0, seed.load(), "a second run (a restart) designates nothing more");
        as("auditor").queryParam("region", "76").queryParam("campaign", DemoSeed.CAMPAIGN).get("/api/v1/priority-zones/summary")
                .then().statusCode(200)
                .body("zoneCount", equalTo(19)).body("populationCovered", equalTo(185982)).body("byDepartement.population.sum()", equalTo(185982))
                .body("populationSource", containsString("Populations légales 2023"))
                .body("announced.zoneCount", equalTo(28)).body("announced.population", equalTo(323497))
                .body("announced.shareOfRegionPopulation", equalTo(5.3f))
                .body("announced.notLoaded", equalTo(9))
                .body("byDepartement.code", hasItems("09", "11", "12", "30", "31", "32", "46", "48", "65", "66", "81", "82"));
        as("auditor").queryParam("campaign", DemoSeed.CAMPAIGN).queryParam("departement", "32").get("/api/v1/priority-zones")
                .then().body("total", equalTo(4)).body("items[0].status", equalTo("DESIGNATED"));
    }
}
