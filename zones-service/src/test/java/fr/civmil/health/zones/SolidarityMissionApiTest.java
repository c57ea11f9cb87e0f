package fr.civmil.health.zones;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.devstack.testing.TestClock.today;
import static fr.civmil.health.zones.Api.activeZone;
import static fr.civmil.health.zones.Api.ars;
import static fr.civmil.health.zones.Api.book;
import static fr.civmil.health.zones.Api.move;
import static fr.civmil.health.zones.Api.moveMission;
import static fr.civmil.health.zones.Api.moveSite;
import static fr.civmil.health.zones.Api.openSite;
import static fr.civmil.health.zones.Api.rpps;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** Booking rules of solidarity missions, alone and under concurrent requests, and the mission lifecycle. */
@QuarkusTest
class SolidarityMissionApiTest {

    private static final String MISSIONS = "/api/v1/solidarity-missions";

    /** Bookings are checked against today: these tests live on a fixed calendar. */
    @BeforeEach
    void calendar() {
        today(LocalDate.of(2026, 11, 20));
    }

    @Test
    void missionsAreBookedOnlyOnOpenSitesOfActiveZones() {
        String zone = activeZone("200044469");
        String site = openSite(zone, 2);
        String doctor = rpps();
        book(site, doctor, "2027-01-04", "MORNING").statusCode(201).body("status", equalTo("PLANNED"))
                .body("days", equalTo(0.5f)).body("departementCode", equalTo("09")).body("regionCode", equalTo("76"));
        move(zone, "SUSPENDED").statusCode(200);
        book(site, doctor, "2027-01-05", "MORNING").statusCode(409).body("type", equalTo("urn:civmil:problem:zone-not-active"));
        move(zone, "ACTIVE").statusCode(200);
        moveSite(site, "CLOSED").statusCode(200);
        book(site, doctor, "2027-01-05", "MORNING").statusCode(409).body("type", equalTo("urn:civmil:problem:site-not-open"));
        book("5f0c7a8e-2f7b-4a53-9d8e-0b8f3f1c2d11", doctor, "2027-01-05", "MORNING").statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unknown-site"));
        book(site, "1234", "2027-01-05", "MORNING").statusCode(400).body("violations[0].field", equalTo("doctor.rpps"));
        book(site, "10101010101", "2027-01-05", "MORNING").statusCode(400).body("violations[0].field", equalTo("doctor.rpps")); // wrong Luhn key
        book(site, doctor, "2027-01-32", "MORNING").statusCode(400);
        book(site, doctor, "2027-01-05", "EVENING").statusCode(400);
        ars().queryParam("doctorRpps", doctor).get(MISSIONS).then().body("total", equalTo(1));
    }

    @Test
    void aDoctorNeverHasOverlappingSlotsNorMoreThanTwoDaysAMonth() {
        String site = openSite(activeZone("200044469"), 3);
        String otherZoneSite = openSite(activeZone("200044469"), 3);
        String doctor = rpps();
        book(site, doctor, "2027-02-01", "FULL_DAY").statusCode(201);
        book(otherZoneSite, doctor, "2027-02-01", "AFTERNOON").statusCode(409)
                .body("type", equalTo("urn:civmil:problem:doctor-slot-overlap"));
        book(site, doctor, "2027-02-08", "MORNING").statusCode(201);
        book(site, doctor, "2027-02-08", "AFTERNOON").statusCode(201);
        // 2 days booked in February, across zones: a half-day more is refused, March is another month.
        book(otherZoneSite, doctor, "2027-02-15", "MORNING").statusCode(409)
                .body("type", equalTo("urn:civmil:problem:monthly-limit")).body("detail", containsString("2027-02"));
        book(otherZoneSite, doctor, "2027-03-01", "FULL_DAY").statusCode(201);
        // A cancelled mission frees its days.
        String first = ars().queryParam("doctorRpps", doctor).queryParam("month", "2027-02").queryParam("sort", "date")
                .get(MISSIONS).then().body("total", equalTo(3)).extract().path("items[0].id");
        moveMission(first, "CANCELLED", "doctor unavailable").statusCode(200);
        book(otherZoneSite, doctor, "2027-02-15", "FULL_DAY").statusCode(201);
        ars().queryParam("month", "2027-13").get(MISSIONS).then().statusCode(400);
    }

    @Test
    void aSiteSlotTakesNoMoreDoctorsThanRooms() {
        String site = openSite(activeZone("200044469"), 1);
        book(site, rpps(), "2027-04-05", "MORNING").statusCode(201);
        book(site, rpps(), "2027-04-05", "MORNING").statusCode(409).body("type", equalTo("urn:civmil:problem:site-slot-full"));
        book(site, rpps(), "2027-04-05", "FULL_DAY").statusCode(409).body("type", equalTo("urn:civmil:problem:site-slot-full"));
        book(site, rpps(), "2027-04-05", "AFTERNOON").statusCode(201);
    }

    @Test
    void parallelBookingsOfOneDoctorStopAtTheMonthlyLimit() throws Exception {
        String site = openSite(activeZone("200044469"), 5);
        String doctor = rpps();
        List<Integer> statuses = parallel(6, i -> book(site, doctor, "2027-05-0" + (i + 1), "FULL_DAY").extract().statusCode());
        assertEquals(2, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(4, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        ars().queryParam("doctorRpps", doctor).get(MISSIONS).then().body("total", equalTo(2));
    }

    @Test
    void parallelBookingsOfOneSiteSlotStopAtItsRooms() throws Exception {
        String site = openSite(activeZone("200044469"), 2);
        List<Integer> statuses = parallel(6, i -> book(site, rpps(), "2027-06-07", i % 2 == 0 ? "FULL_DAY" : "MORNING").extract().statusCode());
        assertEquals(2, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        ars().queryParam("siteId", site).get(MISSIONS).then().body("total", equalTo(2));
    }

    @Test
    void theLifecycleNeedsAReasonToCancelAndPublishesCompletionAndCancellation() {
        String site = openSite(activeZone("200044469"), 2);
        String doctor = rpps();
        String done = book(site, doctor, "2026-12-01", "FULL_DAY").statusCode(201).extract().path("id");
        String dropped = book(site, doctor, "2026-12-02", "AFTERNOON").statusCode(201).extract().path("id");
        today(LocalDate.of(2026, 12, 1));
        moveMission(done, "COMPLETED", null).statusCode(409).body("type", equalTo("urn:civmil:problem:illegal-mission-transition"));
        moveMission(done, "CONFIRMED", null).statusCode(200).body("status", equalTo("CONFIRMED"));
        moveMission(done, "COMPLETED", null).statusCode(200);
        moveMission(dropped, "CANCELLED", null).statusCode(400).body("violations[0].field", equalTo("reason"));
        moveMission(dropped, "CANCELLED", "road closed").statusCode(200).body("reason", equalTo("road closed"));
        moveMission(dropped, "CONFIRMED", null).statusCode(409);
        ars().header("If-Match", "\"0\"").body(Map.of("to", "CONFIRMED")).post(MISSIONS + "/" + done + "/transitions").then().statusCode(412);

        JsonNode completed = TopicProbe.events("zones.events.v1", done, e -> !e.isEmpty()).get(0);
        assertEquals("fr.civmil.zones.solidarity-mission.completed.v1", completed.get("type").asText());
        assertEquals("2026-12-01", completed.get("data").get("date").asText());
        assertEquals(1, completed.get("data").get("days").asInt());
        assertEquals("FULL_DAY", completed.get("data").get("slot").asText());
        assertEquals("09", completed.get("data").get("departementCode").asText());
        JsonNode cancelled = TopicProbe.events("zones.events.v1", dropped, e -> !e.isEmpty()).get(0);
        assertEquals("fr.civmil.zones.solidarity-mission.cancelled.v1", cancelled.get("type").asText());
        assertEquals("road closed", cancelled.get("data").get("reason").asText());
        assertEquals(0.5, cancelled.get("data").get("days").asDouble());
    }

    @Test
    void internsArePlacedInZones() {
        String zone = activeZone("200044469");
        String path = "/api/v1/priority-zones/" + zone + "/intern-placements";
        Map<String, Object> body = Map.of("internId", "TLS-2026-0142", "faculty", "Faculté de santé de Toulouse",
                "supervisorRpps", "10101010105", "from", "2026-11-02", "to", "2027-04-30");
        ars().body(body).post(path).then().statusCode(201).body("from", equalTo("2026-11-02"));
        ars().body(Map.of("internId", "X", "faculty", "F", "supervisorRpps", "10101010105", "from", "2026-11-02", "to", "2026-10-01"))
                .post(path).then().statusCode(400).body("violations[0].field", equalTo("to"));
        ars().body(Map.of("internId", "X", "faculty", "F", "supervisorRpps", "10101010101", "from", "2026-11-02", "to", "2027-04-30"))
                .post(path).then().statusCode(400).body("violations[0].field", equalTo("supervisorRpps")); // wrong Luhn key
        ars().get(path).then().statusCode(200).body("size()", equalTo(1)).body("[0].internId", equalTo("TLS-2026-0142"));
    }

    @Test
    void missionsAreTiedToRealDates() {
        String site = openSite(activeZone("200044469"), 2);
        book(site, rpps(), "2026-11-19", "MORNING").statusCode(422).body("type", equalTo("urn:civmil:problem:mission-date-out-of-range"));
        book(site, rpps(), "2020-01-10", "MORNING").statusCode(422).body("type", equalTo("urn:civmil:problem:mission-date-out-of-range"));
        book(site, rpps(), "2027-11-21", "MORNING").statusCode(422).body("type", equalTo("urn:civmil:problem:mission-date-out-of-range"));
        book(site, rpps(), "2027-11-20", "MORNING").statusCode(201);
        String today = book(site, rpps(), "2026-11-20", "AFTERNOON").statusCode(201).extract().path("id");
        String soon = book(site, rpps(), "2026-12-04", "MORNING").statusCode(201).extract().path("id");
        moveMission(soon, "CONFIRMED", null).statusCode(200);
        moveMission(soon, "COMPLETED", null).statusCode(409).body("type", equalTo("urn:civmil:problem:mission-not-yet-held"));
        moveMission(today, "CONFIRMED", null).statusCode(200);
        moveMission(today, "COMPLETED", null).statusCode(200);
        today(LocalDate.of(2026, 12, 4));
        moveMission(soon, "COMPLETED", null).statusCode(200);
    }

    @Test
    void anInternHoldsOnePlacementAtATimeWithinTheSchemeInAnActiveZone() {
        String zone = activeZone("200044469");
        String path = "/api/v1/priority-zones/" + zone + "/intern-placements";
        String intern = "TLS-2026-" + rpps().substring(0, 4);
        ars().body(Map.of("internId", intern, "faculty", "Toulouse", "supervisorRpps", "10101010105", "from", "2026-11-02", "to", "2027-01-31"))
                .post(path).then().statusCode(201);
        ars().body(Map.of("internId", intern, "faculty", "Toulouse", "supervisorRpps", "10101010105", "from", "2027-01-31", "to", "2027-04-30"))
                .post(path).then().statusCode(409).body("type", equalTo("urn:civmil:problem:intern-placement-overlap"));
        ars().body(Map.of("internId", intern, "faculty", "Toulouse", "supervisorRpps", "10101010105", "from", "2027-02-01", "to", "2027-04-30"))
                .post(path).then().statusCode(201);
        ars().body(Map.of("internId", intern + "-B", "faculty", "Toulouse", "supervisorRpps", "10101010105", "from", "2026-10-05", "to", "2027-01-31"))
                .post(path).then().statusCode(422).body("type", equalTo("urn:civmil:problem:before-scheme"));
        String proposed = Api.designate("200044469", Api.campaign(), "PROPOSED").statusCode(201).extract().path("id");
        ars().body(Map.of("internId", intern + "-C", "faculty", "Toulouse", "supervisorRpps", "10101010105", "from", "2027-02-01", "to", "2027-04-30"))
                .post("/api/v1/priority-zones/" + proposed + "/intern-placements").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:zone-not-active"));
        ars().get(path).then().statusCode(200).body("size()", equalTo(2));
    }

    interface Call {
        int run(int index) throws Exception;
    }

    static List<Integer> parallel(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<Integer>) () -> call.run(index)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
