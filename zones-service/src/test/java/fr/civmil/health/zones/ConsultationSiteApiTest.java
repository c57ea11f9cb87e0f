package fr.civmil.health.zones;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.zones.Api.activeZone;
import static fr.civmil.health.zones.Api.ars;
import static fr.civmil.health.zones.Api.as;
import static fr.civmil.health.zones.Api.moveSite;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** Consultation sites: commune membership, lifecycle and its events. */
@QuarkusTest
class ConsultationSiteApiTest {

    private static final String SITES = "/api/v1/consultation-sites";

    private static Map<String, Object> site(String zoneId, String commune, String postalCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("zoneId", zoneId);
        body.put("communeCode", commune);
        body.put("name", "Salle de la mairie");
        body.put("kind", "TOWN_HALL_ROOM");
        body.put("address", Map.of("line", "Place de la mairie", "postalCode", postalCode));
        body.put("rooms", 1);
        return body;
    }

    @Test
    void aSiteMustBeInACommuneOfTheZonesEpci() {
        String zone = activeZone("200044469");
        ars().body(site(zone, "31555", "31000")).post(SITES).then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:commune-outside-zone"))
                .body("detail", containsString("belongs to EPCI 243100518 (Toulouse Métropole)"))
                .body("detail", containsString("CC du Pays de Mirepoix"));
        ars().body(site(zone, "09194", "31000")).post(SITES).then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:postal-code-mismatch"));
        ars().body(site(zone, "20001", "09500")).post(SITES).then().statusCode(400).body("violations[0].field", equalTo("communeCode"));
        Map<String, Object> noRooms = site(zone, "09194", "09500");
        noRooms.put("rooms", 0);
        ars().body(noRooms).post(SITES).then().statusCode(400).body("violations[0].field", equalTo("rooms"));
        ars().body(site("5f0c7a8e-2f7b-4a53-9d8e-0b8f3f1c2d11", "09194", "09500")).post(SITES).then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unknown-zone"));
        ars().queryParam("zoneId", zone).get(SITES).then().statusCode(200).body("total", equalTo(0));

        String id = ars().body(site(zone, "09194", "09500")).post(SITES).then().statusCode(201)
                .body("status", equalTo("IDENTIFIED")).body("communeName", equalTo("Mirepoix")).extract().path("id");
        as("ssa").get(SITES + "/" + id).then().statusCode(200).header("ETag", equalTo("\"0\"")).body("kind", equalTo("TOWN_HALL_ROOM"));
        ars().queryParam("zoneId", zone).get(SITES).then().body("total", equalTo(1));
    }

    @Test
    void openingAndClosingFollowTheLifecycleAndArePublished() {
        String zone = activeZone("200044469");
        String id = ars().body(site(zone, "09194", "09500")).post(SITES).then().statusCode(201).extract().path("id");
        moveSite(id, "OPEN").statusCode(409).body("type", equalTo("urn:civmil:problem:illegal-site-transition"));
        moveSite(id, "READY").statusCode(200);
        moveSite(id, "OPEN").statusCode(200).body("status", equalTo("OPEN"));
        ars().header("If-Match", "\"0\"").body(Map.of("to", "CLOSED")).post(SITES + "/" + id + "/transitions").then().statusCode(412);
        moveSite(id, "CLOSED").statusCode(200);
        moveSite(id, "OPEN").statusCode(409);

        List<JsonNode> events = TopicProbe.events("zones.events.v1", id, e -> e.size() >= 2);
        assertEquals(List.of("fr.civmil.zones.consultation-site.opened.v1", "fr.civmil.zones.consultation-site.closed.v1"),
                events.stream().map(e -> e.get("type").asText()).toList());
        assertEquals(zone, events.get(0).get("data").get("zoneId").asText());
        assertEquals("09194", events.get(0).get("data").get("communeCode").asText());
        assertEquals("TOWN_HALL_ROOM", events.get(1).get("data").get("kind").asText());
    }
}
