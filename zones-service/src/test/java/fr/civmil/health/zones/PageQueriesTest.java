package fr.civmil.health.zones;

import static fr.civmil.health.zones.Api.ars;
import static fr.civmil.health.zones.Api.as;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.devstack.testing.PageQueriesContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every list page of the service reads its items in a bounded number of statements. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class PageQueriesTest extends PageQueriesContract {

    @Test
    void aPageOfZonesAndAPageOfSitesCostAFewStatements() {
        String zoneId = null;
        for (int i = 0; i < PAGE_ITEMS; i++) {
            zoneId = Api.designate("200044469", Api.campaign(), "DESIGNATED").statusCode(201).extract().path("id");
        }
        for (int i = 0; i < PAGE_ITEMS; i++) {
            ars().body(Map.of("zoneId", zoneId, "communeCode", "09194", "name", "Site " + i, "kind", "MULTI_PROFESSIONAL_PRACTICE",
                    "address", Map.of("line", "Le bourg", "postalCode", "09500"), "rooms", 1)).post("/api/v1/consultation-sites")
                    .then().statusCode(201);
        }
        String zone = zoneId;
        assertPageBounded("zones", () -> as("auditor").queryParam("size", 200).get("/api/v1/priority-zones").then());
        assertPageBounded("sites", () -> as("auditor").queryParam("size", 200).queryParam("zoneId", zone)
                .get("/api/v1/consultation-sites").then());
    }
}
