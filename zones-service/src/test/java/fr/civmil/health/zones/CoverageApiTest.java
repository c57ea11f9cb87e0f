package fr.civmil.health.zones;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.devstack.testing.TestClock.today;
import static fr.civmil.health.zones.Api.activeZone;
import static fr.civmil.health.zones.Api.ars;
import static fr.civmil.health.zones.Api.as;
import static fr.civmil.health.zones.Api.book;
import static fr.civmil.health.zones.Api.campaign;
import static fr.civmil.health.zones.Api.designate;
import static fr.civmil.health.zones.Api.etag;
import static fr.civmil.health.zones.Api.move;
import static fr.civmil.health.zones.Api.moveMission;
import static fr.civmil.health.zones.Api.openSite;
import static fr.civmil.health.zones.Api.rpps;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.civmil.health.contracts.events.EventFixture;
import io.quarkus.test.junit.QuarkusTest;

/** Coverage of a zone, the regional ranking, and the events of other services feeding them. */
@QuarkusTest
class CoverageApiTest {

    private static final String ZONES = "/api/v1/priority-zones";

    /** Bookings are checked against today: these tests live on a fixed calendar. */
    @BeforeEach
    void calendar() {
        today(LocalDate.of(2026, 11, 20));
    }

    @Test
    void coverageCountsDaysDoctorsInternsAndIdleWeeks() {
        String zone = activeZone("200044469");
        ars().header("If-Match", etag(ZONES + "/" + zone)).body(Map.of("targetDaysPerMonth", 4)).put(ZONES + "/" + zone).then().statusCode(200);
        String site = openSite(zone, 3);
        String a = rpps();
        String full = book(site, a, "2026-12-01", "FULL_DAY").statusCode(201).extract().path("id");
        moveMission(full, "CONFIRMED", null).statusCode(200);
        today(LocalDate.of(2026, 12, 1));
        moveMission(full, "COMPLETED", null).statusCode(200);
        book(site, rpps(), "2026-12-08", "MORNING").statusCode(201);
        String cancelled = book(site, rpps(), "2026-12-08", "AFTERNOON").statusCode(201).extract().path("id");
        moveMission(cancelled, "CANCELLED", "no patients booked").statusCode(200);
        ars().body(Map.of("internId", "TLS-1", "faculty", "Toulouse", "supervisorRpps", "10101010105", "from", "2027-01-04", "to", "2027-01-31"))
                .post(ZONES + "/" + zone + "/intern-placements").then().statusCode(201);

        as("auditor").queryParam("from", "2026-12").queryParam("to", "2027-01").get(ZONES + "/" + zone + "/coverage").then().statusCode(200)
                .body("targetDaysPerMonth", equalTo(4.0f))
                .body("months.month", contains("2026-12", "2027-01"))
                .body("months[0].plannedDays", equalTo(1.5f)).body("months[0].completedDays", equalTo(1.0f))
                .body("months[0].distinctDoctors", equalTo(2)).body("months[0].interns", equalTo(0))
                // Week 49 starts on 30 November (November's); week 50 has the 8 December morning.
                .body("months[0].weeksWithoutConsultation", contains("2026-W51", "2026-W52", "2026-W53"))
                .body("months[1].plannedDays", equalTo(0)).body("months[1].interns", equalTo(1))
                .body("months[1].weeksWithoutConsultation", empty());
    }

    @Test
    void badCoverageRequestsAreProblems() {
        String zone = activeZone("200044469");
        String path = ZONES + "/" + zone + "/coverage";
        ars().queryParam("from", "2026-13").queryParam("to", "2027-01").get(path).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("from"));
        ars().queryParam("from", "2027-02").queryParam("to", "2027-01").get(path).then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
        ars().queryParam("from", "2020-01").queryParam("to", "2027-01").get(path).then().statusCode(400);
        ars().queryParam("from", "2027-01").get(path).then().statusCode(400).body("violations[0].field", equalTo("to"));
        ars().queryParam("from", "2027-01").queryParam("to", "2027-01").get(ZONES + "/" + UUID.randomUUID() + "/coverage").then()
                .statusCode(404);
        ars().queryParam("month", "12-2026").get(ZONES + "/coverage-ranking").then().statusCode(400);
        ars().get(ZONES + "/coverage-ranking").then().statusCode(400).body("violations[0].field", equalTo("month"));
        ars().queryParam("month", "2026-12").queryParam("sort", "epciName").get(ZONES + "/coverage-ranking").then().statusCode(400);
    }

    @Test
    void theRankingPutsTheWorstCoveredZonesFirst() {
        String campaign = campaign();
        String half = designate("200044469", campaign, "DESIGNATED").statusCode(201).extract().path("id");
        String full = designate("200006930", campaign, "DESIGNATED").statusCode(201).extract().path("id");
        String none = designate("246600548", campaign, "DESIGNATED").statusCode(201).extract().path("id");
        String proposed = designate("200040418", campaign, "PROPOSED").statusCode(201).extract().path("id");
        for (String[] target : new String[][] { { half, "4" }, { full, "1" }, { none, "8" } }) {
            ars().header("If-Match", etag(ZONES + "/" + target[0])).body(Map.of("targetDaysPerMonth", Integer.parseInt(target[1])))
                    .put(ZONES + "/" + target[0]).then().statusCode(200);
        }
        move(half, "ACTIVE").statusCode(200);
        String halfSite = openSite(half, 2);
        book(halfSite, rpps(), "2027-03-02", "FULL_DAY").statusCode(201);
        book(halfSite, rpps(), "2027-03-02", "FULL_DAY").statusCode(201);
        move(full, "ACTIVE").statusCode(200);
        String fullSite = ars().body(Map.of("zoneId", full, "communeCode", "48010", "name", "Cabinet", "kind", "PRACTICE",
                "address", Map.of("line", "Le bourg", "postalCode", "48600"), "rooms", 1)).post("/api/v1/consultation-sites").then()
                .statusCode(201).extract().path("id");
        Api.moveSite(fullSite, "READY").statusCode(200);
        Api.moveSite(fullSite, "OPEN").statusCode(200);
        book(fullSite, rpps(), "2027-03-03", "MORNING").statusCode(201);
        book(fullSite, rpps(), "2027-03-03", "AFTERNOON").statusCode(201);

        as("cnmss").queryParam("region", "76").queryParam("campaign", campaign).queryParam("month", "2027-03")
                .get(ZONES + "/coverage-ranking").then().statusCode(200)
                .body("total", equalTo(3)).body("items.zoneId", contains(none, half, full))
                .body("items.zoneId", not(hasItem(proposed)))
                .body("items[0].rank", equalTo(1)).body("items[0].coverageRate", equalTo(0.0f))
                .body("items[1].plannedDays", equalTo(2.0f)).body("items[1].coverageRate", equalTo(0.5f))
                .body("items[1].distinctDoctors", equalTo(2)).body("items[2].coverageRate", equalTo(1.0f));
    }

    @Test
    void referencedDoctorsFromReferralEventsCountInTheirZones() {
        String zone = activeZone("241200807");
        List<String> communes = ars().get(ZONES + "/" + zone).then().extract().path("communeCodes");
        String path = ZONES + "/" + zone + "/coverage";
        int before = ars().queryParam("from", "2027-01").queryParam("to", "2027-01").get(path).then().extract().path("referencedDoctors");
        // One record key for the whole story keeps it in order on one partition (the contract keys by doctor id;
        // the projection does not depend on the key). The last doctor is a marker: when it counts, all came before.
        String key = "coverage-test-" + UUID.randomUUID();
        String active = UUID.randomUUID().toString();
        String suspended = UUID.randomUUID().toString();
        String leaving = UUID.randomUUID().toString();
        doctor("referenced", active, communes.get(0)).with("charterStatus", "ACTIVE").send(key);
        doctor("referenced", suspended, communes.get(1)).with("charterStatus", "SUSPENDED").send(key);
        doctor("referenced", leaving, communes.get(0)).with("charterStatus", "ACTIVE").send(key);
        doctor("referenced", UUID.randomUUID().toString(), "31555").with("charterStatus", "ACTIVE").send(key);
        doctor("charter-status-changed", leaving, communes.get(0)).with("from", "ACTIVE").with("to", "WITHDRAWN").send(key);
        doctor("updated", suspended, communes.get(1)).with("charterStatus", "ACTIVE").send(key);
        doctor("referenced", UUID.randomUUID().toString(), communes.get(2)).with("charterStatus", "ACTIVE").send(key);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> ars().queryParam("from", "2027-01").queryParam("to", "2027-01")
                .get(path).then().body("referencedDoctors", equalTo(before + 3)));
    }

    @Test
    void aZoneShowsTheCrisesActiveOnIt() {
        String zone = activeZone("241200542"); // CC du Réquistanais, Aveyron (12)
        String byDepartement = UUID.randomUUID().toString();
        String byZone = UUID.randomUUID().toString();
        crisis("activated", byDepartement, "EPI_CLIM", List.of("12", "81"), List.of()).send(byDepartement);
        crisis("activated", byZone, "AMAVI", List.of("75"), List.of(zone)).send(byZone);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ssa").get(ZONES + "/" + zone).then()
                .body("activeCrises.activationId", hasItem(byDepartement)).body("activeCrises.activationId", hasItem(byZone)));

        crisis("stood-down", byDepartement, "EPI_CLIM", List.of("12", "81"), List.of()).send(byDepartement);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("ssa").get(ZONES + "/" + zone).then()
                .body("activeCrises.activationId", not(hasItem(byDepartement))).body("activeCrises.activationId", hasItem(byZone)));
        String elsewhere = activeZone("200044469"); // Ariège (09): neither crisis touches it
        as("ssa").get(ZONES + "/" + elsewhere).then().body("activeCrises.activationId", not(hasItem(byZone)));
    }

    @Test
    void anEventTheProjectionsCannotReadGoesToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        TopicProbe.sendEvent("partnership.events.v1", key, "fr.civmil.partnership.crisis.activated.v1",
                Map.of("plan", "NRC", "departementCodes", List.of("31")));
        List<com.fasterxml.jackson.databind.JsonNode> dead = TopicProbe.events("partnership.events.v1.dlt", key, e -> !e.isEmpty());
        org.junit.jupiter.api.Assertions.assertEquals(1, dead.size());
        org.junit.jupiter.api.Assertions.assertEquals("NRC", dead.get(0).get("data").get("plan").asText());
    }

    /** referral-network-service's published example of a doctor event, for this doctor practising in this commune. */
    private static EventFixture doctor(String event, String doctorId, String commune) {
        return EventFixture.of("fr.civmil.referral.doctor." + event + ".v1").with("doctorId", doctorId)
                .with("practiceCommuneCodes", List.of(commune)).with("departementCodes", List.of(commune.substring(0, 2)));
    }

    /** partnership-service's published example of a crisis event, with this scope. */
    private static EventFixture crisis(String event, String activationId, String plan, List<String> departements, List<String> zones) {
        return EventFixture.of("fr.civmil.partnership.crisis." + event + ".v1").with("activationId", activationId).with("plan", plan)
                .with("departementCodes", departements).with("zoneIds", zones);
    }
}
