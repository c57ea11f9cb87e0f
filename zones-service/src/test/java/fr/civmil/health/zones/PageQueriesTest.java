package fr.civmil.health.zones;

import static fr.civmil.health.zones.Api.ars;
import static fr.civmil.health.zones.Api.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.devstack.testing.Statements;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A list page is read in a few statements however many items it holds, never one (or more) per item. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class PageQueriesTest {

    private static final int ITEMS = 30;
    /** The page, its count, what every item shows read at once, and the platform's own statements. */
    private static final long BOUND = 10;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void aPageOfZonesAndAPageOfSitesCostAFewStatements() {
        String zoneId = null;
        for (int i = 0; i < ITEMS; i++) {
            zoneId = Api.designate("200044469", Api.campaign(), "DESIGNATED").statusCode(201).extract().path("id");
        }
        for (int i = 0; i < ITEMS; i++) {
            ars().body(Map.of("zoneId", zoneId, "communeCode", "09194", "name", "Site " + i, "kind", "MULTI_PROFESSIONAL_PRACTICE",
                    "address", Map.of("line", "Le bourg", "postalCode", "09500"), "rooms", 1)).post("/api/v1/consultation-sites")
                    .then().statusCode(201);
        }
        String zone = zoneId;
        assertBounded("zones", () -> as("auditor").queryParam("size", 200).get("/api/v1/priority-zones"));
        assertBounded("sites", () -> as("auditor").queryParam("size", 200).queryParam("zoneId", zone).get("/api/v1/consultation-sites"));
    }

    private void assertBounded(String page, Supplier<Response> read) {
        int[] items = new int[1];
        long statements = Statements.countedDuring(sessionFactory,
                () -> items[0] = read.get().then().statusCode(200).extract().jsonPath().getList("items").size());
        assertTrue(items[0] >= ITEMS, "the page of " + page + " holds " + items[0] + " items");
        assertTrue(statements <= BOUND, "a page of " + page + " took " + statements + " statements");
    }
}
