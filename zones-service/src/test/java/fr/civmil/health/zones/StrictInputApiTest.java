package fr.civmil.health.zones;

import static fr.civmil.health.zones.Api.activeZone;
import static fr.civmil.health.zones.Api.ars;
import static fr.civmil.health.zones.Api.as;
import static fr.civmil.health.zones.Api.campaign;
import static fr.civmil.health.zones.Api.etag;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The defects the schema-driven fuzzer found in zones-service (issue 11), each as the request that showed it:
 * coerced values stored, empty filters read as none, control characters stored, any-version updates, 403 for an
 * unsupported method, and a page number that overflowed the offset.
 */
@QuarkusTest
class StrictInputApiTest {

    private static final String ZONES = "/api/v1/priority-zones";
    private static final String SITES = "/api/v1/consultation-sites";

    private static int zonesOf(String campaign) {
        return ars().queryParam("campaign", campaign).get(ZONES).then().statusCode(200).extract().path("total");
    }

    @Test
    void aBooleanCampaignIsRefusedNotStoredAsText() {
        String campaign = campaign();
        ars().body(Map.of("epciSiren", "200044469", "campaign", false)).post(ZONES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("campaign")).body("violations[0].message", equalTo("must be a string"));
        ars().body("{\"epciSiren\":\"200044469\",\"campaign\":\"" + campaign + "\",\"status\":1}").post(ZONES)
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        assertEquals(0, zonesOf(campaign));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"2\"", "2.7", "true" })
    void roomsAreAnIntegerAndNothingElse(String rooms) {
        String zone = activeZone("200044469");
        String body = "{\"zoneId\":\"" + zone + "\",\"communeCode\":\"09194\",\"name\":\"Salle de la mairie\",\"kind\":\"TOWN_HALL_ROOM\","
                + "\"address\":{\"line\":\"Place de la mairie\",\"postalCode\":\"09500\"},\"rooms\":" + rooms + "}";
        ars().body(body).post(SITES).then().statusCode(400).body("violations[0].field", equalTo("rooms"))
                .body("violations[0].message", equalTo("must be an integer"));
        ars().queryParam("zoneId", zone).get(SITES).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aPageBeyondTheBoundIs400NotAnOverflow() {
        ars().get(ZONES + "?page=107374183&size=20").then().statusCode(400)
                .body("violations[0].field", equalTo("page")).body("violations[0].message", equalTo("must be between 0 and 100000"));
        ars().get(ZONES + "?page=x").then().statusCode(400).body("violations[0].field", equalTo("page"));
    }

    @Test
    void emptyFiltersAreRefusedByName() {
        ars().get(SITES + "?status=&zoneId=").then().statusCode(400).body("violations.field", contains("status", "zoneId"));
        ars().get(ZONES + "?size=").then().statusCode(400).body("violations[0].field", equalTo("size"))
                .body("violations[0].message", equalTo("must not be empty; leave the parameter out instead"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Pilote\\u001b[2J", "Pilote\\u007f", "Pilote\\u0000" })
    void controlCharactersAreNotStored(String notes) {
        String campaign = campaign();
        ars().body("{\"epciSiren\":\"200044469\",\"campaign\":\"" + campaign + "\",\"notes\":\"" + notes + "\"}").post(ZONES)
                .then().statusCode(400).body("violations[0].field", equalTo("notes"));
        assertEquals(0, zonesOf(campaign));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0000-00", "0000-01", "2026-13" })
    void aMonthOutsideTheCalendarIsRefused(String month) {
        ars().get(ZONES + "/coverage-ranking?month=" + month).then().statusCode(400).body("violations[0].field", equalTo("month"));
    }

    @Test
    void anyVersionIsNoVersion() {
        String zone = activeZone("200044469");
        String path = ZONES + "/" + zone;
        String etag = etag(path);
        ars().header("If-Match", "*").body(Map.of("targetDaysPerMonth", 3)).put(path)
                .then().statusCode(428).body("type", equalTo("urn:civmil:problem:precondition-required"));
        ars().get(path).then().statusCode(200).header("ETag", equalTo(etag));
    }

    @Test
    void anUnsupportedMethodIs405WithAllow() {
        as("admin").post("/api/v1/territories/regions").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        as("admin").request("TRACE", ZONES).then().statusCode(405).header("Allow", equalTo("GET, HEAD, POST, OPTIONS"));
    }
}
