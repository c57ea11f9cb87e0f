package fr.civmil.health.zones;

import static fr.civmil.health.zones.Api.activeZone;
import static fr.civmil.health.zones.Api.ars;
import static fr.civmil.health.zones.Api.book;
import static fr.civmil.health.zones.Api.etag;
import static fr.civmil.health.zones.Api.moveMission;
import static fr.civmil.health.zones.Api.openSite;
import static fr.civmil.health.zones.Api.rpps;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.devstack.testing.TestClock;
import fr.civmil.health.devstack.testing.TopicProbe;
import fr.civmil.health.platform.time.Clocks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Suspending or retiring a zone acts on what depends on it, in the same transaction and with its events: its
 * missions still to come are cancelled with the zone's reason (those already past stay as they are); retiring it
 * also closes its sites. The answer lists what changed.
 */
@QuarkusTest
class ZoneCascadeTest {

    private static final LocalDate TODAY = LocalDate.now(Clocks.PARIS);

    private static String transition(String zone, String to, String reason) {
        String path = "/api/v1/priority-zones/" + zone;
        return ars().header("If-Match", etag(path)).body(Map.of("to", to, "reason", reason)).post(path + "/transitions")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void suspendingCancelsTheMissionsToComeAndRetiringClosesTheSites() {
        String zone = activeZone("200044469");
        String open = openSite(zone, 2);
        String identified = ars().body(Map.of("zoneId", zone, "communeCode", "09194", "name", "Salle de la mairie", "kind", "TOWN_HALL_ROOM",
                "address", Map.of("line", "Place de la mairie", "postalCode", "09500"), "rooms", 1))
                .post("/api/v1/consultation-sites").then().statusCode(201).extract().path("id");
        String soon = book(open, rpps(), TODAY.plusDays(3).toString(), "MORNING").statusCode(201).extract().path("id");
        String later = book(open, rpps(), TODAY.plusDays(20).toString(), "AFTERNOON").statusCode(201).extract().path("id");
        moveMission(later, "CONFIRMED", null).statusCode(200);

        // Ten days on, the first mission is past: only the second is still to come.
        TestClock.today(TODAY.plusDays(10));
        String suspended = transition(zone, "SUSPENDED", "Locaux indisponibles");
        JsonPath answer = new JsonPath(suspended);
        assertEquals(List.of(later), answer.getList("effects.cancelledMissionIds"));
        assertEquals(List.of(), answer.getList("effects.closedSiteIds"));
        ars().get("/api/v1/solidarity-missions/" + later).then().body("status", equalTo("CANCELLED"))
                .body("reason", equalTo("Zone suspendue : Locaux indisponibles"));
        ars().get("/api/v1/solidarity-missions/" + soon).then().body("status", equalTo("PLANNED"));
        ars().get("/api/v1/consultation-sites/" + open).then().body("status", equalTo("OPEN"));

        String retired = transition(zone, "RETIRED", "Fin de la campagne");
        assertEquals(List.of(), new JsonPath(retired).getList("effects.cancelledMissionIds"));
        assertEquals(List.of(identified, open).stream().sorted().toList(),
                new JsonPath(retired).<String>getList("effects.closedSiteIds").stream().sorted().toList());
        ars().get("/api/v1/consultation-sites/" + open).then().body("status", equalTo("CLOSED"));
        ars().get("/api/v1/consultation-sites/" + identified).then().body("status", equalTo("CLOSED"));
        // Reads carry no effects: only a transition's answer does.
        ars().get("/api/v1/priority-zones/" + zone).then().body("effects", nullValue());

        List<JsonNode> cancelled = TopicProbe.events("zones.events.v1", later, e -> e.size() >= 1);
        assertEquals("fr.civmil.zones.solidarity-mission.cancelled.v1", cancelled.get(0).get("type").asText());
        assertEquals("Zone suspendue : Locaux indisponibles", cancelled.get(0).get("data").get("reason").asText());
        List<JsonNode> closed = TopicProbe.events("zones.events.v1", open, e -> e.stream()
                .anyMatch(event -> event.get("type").asText().endsWith("consultation-site.closed.v1")));
        assertEquals(zone, closed.get(closed.size() - 1).get("data").get("zoneId").asText());
    }

    @Test
    void aFailedCascadeChangesNothing() {
        String zone = activeZone("200044469");
        String site = openSite(zone, 1);
        String mission = book(site, rpps(), TODAY.plusDays(5).toString(), "MORNING").statusCode(201).extract().path("id");
        // A stale If-Match refuses the move: neither the zone nor its mission nor its site moves.
        ars().header("If-Match", "\"99\"").body(Map.of("to", "RETIRED", "reason", "x")).post("/api/v1/priority-zones/" + zone + "/transitions")
                .then().statusCode(412);
        ars().get("/api/v1/solidarity-missions/" + mission).then().body("status", equalTo("PLANNED"));
        ars().get("/api/v1/consultation-sites/" + site).then().body("status", equalTo("OPEN"));
    }
}
