package fr.civmil.health.zones;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.devstack.testing.TestClock.today;
import static fr.civmil.health.zones.Api.activeZone;
import static fr.civmil.health.zones.Api.book;
import static fr.civmil.health.zones.Api.move;
import static fr.civmil.health.zones.Api.moveMission;
import static fr.civmil.health.zones.Api.moveSite;
import static fr.civmil.health.zones.Api.openSite;
import static fr.civmil.health.zones.Api.rpps;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.contracts.events.EventContracts;
import io.quarkus.test.junit.QuarkusTest;

/** Every event the service publishes matches its published JSON Schema (examples are checked in events-contracts). */
@QuarkusTest
class EventSchemaTest {

    /** Bookings are checked against today: these tests live on a fixed calendar. */
    @BeforeEach
    void calendar() {
        today(LocalDate.of(2026, 11, 20));
    }

    @Test
    void publishedEventsMatchTheirSchemas() throws Exception {
        String zone = activeZone("200044469");
        String site = openSite(zone, 2);
        String doctor = rpps();
        String done = book(site, doctor, "2027-07-05", "MORNING").statusCode(201).extract().path("id");
        String dropped = book(site, doctor, "2027-07-06", "FULL_DAY").statusCode(201).extract().path("id");
        moveMission(done, "CONFIRMED", null).statusCode(200);
        today(LocalDate.of(2027, 7, 5));
        moveMission(done, "COMPLETED", null).statusCode(200);
        moveMission(dropped, "CANCELLED", "sick").statusCode(200);
        moveSite(site, "CLOSED").statusCode(200);
        move(zone, "RETIRED").statusCode(200);

        List<JsonNode> events = new ArrayList<>();
        events.addAll(TopicProbe.events("zones.events.v1", zone, e -> e.size() >= 4));
        events.addAll(TopicProbe.events("zones.events.v1", site, e -> e.size() >= 2));
        events.addAll(TopicProbe.events("zones.events.v1", done, e -> !e.isEmpty()));
        events.addAll(TopicProbe.events("zones.events.v1", dropped, e -> !e.isEmpty()));
        Set<String> types = new TreeSet<>();
        for (JsonNode event : events) {
            EventContracts.assertConforms(event);
            types.add(event.get("type").asText());
        }
        assertEquals(7, types.size(), types.toString());
    }
}
