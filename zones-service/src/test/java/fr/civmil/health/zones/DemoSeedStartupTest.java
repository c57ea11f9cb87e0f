package fr.civmil.health.zones;

import static fr.civmil.health.zones.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.civmil.health.zones.service.DemoSeed;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With demo data on, the service starts with the 19 zones, and starting again on the same database changes nothing. */
@QuarkusTest
@TestProfile(DemoSeedStartupTest.DemoDataOn.class)
class DemoSeedStartupTest {

    public static class DemoDataOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("civmil.demo-data.enabled", "true");
        }
    }

    @Test
    void startsWithThePublishedOccitanieZones() {
        as("auditor").queryParam("region", "76").queryParam("campaign", DemoSeed.CAMPAIGN).get("/api/v1/priority-zones/summary")
                .then().statusCode(200).body("zoneCount", equalTo(19)).body("announced.notLoaded", equalTo(9));
        as("auditor").queryParam("campaign", DemoSeed.CAMPAIGN).queryParam("size", 1).get("/api/v1/priority-zones")
                .then().body("total", equalTo(19)).body("items[0].notes", org.hamcrest.Matchers.startsWith("Publicly named in: "));
    }
}
