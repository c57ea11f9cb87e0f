package fr.civmil.health.referral;

import static fr.civmil.health.referral.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.civmil.health.devstack.testing.Management;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The directory search answers repeated questions from its cache, and never with what a committed write
 * has changed: a write through this service is seen by the very next search, a write committed by
 * another replica as soon as its notification arrives.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class DirectorySearchCacheTest {

    private static final Pattern HITS = Pattern.compile("referral_search_cache_total\\{result=\"hit\"[^}]*} ([0-9.E]+)");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void repeatedSearchesComeFromTheCacheAndAWriteHereIsSeenByTheNextOne() {
        String name = Api.uniqueName();
        String id = Api.activeDoctor(Api.doctor(Api.rpps(), name, "GENERAL_PRACTICE", "83137", "83000", true, 3, LocalDate.now()));
        search(name).body("items.capacity.remainingPlaces", contains(3));

        double hits = hits();
        String first = search(name).extract().asString();
        assertEquals(hits + 1, hits(), "the same search again is answered from the cache");
        assertEquals(first, search(name).extract().asString(), "a stored answer is the answer as computed");

        as("cnmss").header("If-Match", Api.etag(id))
                .body("{\"acceptingNewPatients\":true,\"remainingPlaces\":7,\"confirmedOn\":\"" + LocalDate.now() + "\"}")
                .put("/api/v1/doctors/" + id + "/capacity").then().statusCode(200);
        search(name).body("items.capacity.remainingPlaces", contains(7));

        Api.charter(id, "SUSPENDED", "on leave");
        search(name).body("total", equalTo(0));
        as("ars").queryParam("departementCode", "83").queryParam("name", name).queryParam("charterStatus", "SUSPENDED")
                .get("/api/v1/doctors").then().statusCode(200).body("items.charter.status", contains("SUSPENDED"));
    }

    @Test
    void aWriteCommittedByAnotherReplicaReachesTheCacheThroughItsNotification() throws Exception {
        String name = Api.uniqueName();
        String id = Api.activeDoctor(Api.doctor(Api.rpps(), name, "GENERAL_PRACTICE", "83137", "83000", true, 3, LocalDate.now()));
        search(name).body("items.capacity.remainingPlaces", contains(3));
        search(name).body("items.capacity.remainingPlaces", contains(3));

        // Another replica's transaction: committed in the database, unknown to this one until notified.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update referenced_doctor set remaining_places = 9, version = version + 1 where id = ?")) {
            update.setObject(1, UUID.fromString(id));
            assertEquals(1, update.executeUpdate());
        }
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> search(name).body("items.capacity.remainingPlaces", contains(9)));
    }

    @Test
    void aChangeInAnotherDepartementKeepsTheStoredAnswer() throws Exception {
        String name = Api.uniqueName();
        Api.activeDoctor(Api.doctor(Api.rpps(), name, "GENERAL_PRACTICE", "83137", "83000", true, 3, LocalDate.now()));
        search(name);
        Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", "31555", "31000", true, 3, LocalDate.now()));
        double hits = hits();
        search(name).body("total", equalTo(1));
        assertEquals(hits + 1, hits(), "a doctor referenced in Haute-Garonne does not outdate answers about the Var");
    }

    private static ValidatableResponse search(String name) {
        return as("ars").queryParam("departementCode", "83").queryParam("name", name).get("/api/v1/doctors").then()
                .statusCode(200).contentType("application/json");
    }

    private static double hits() {
        Matcher m = HITS.matcher(Management.given().get("/q/metrics").then().statusCode(200).extract().asString());
        assertTrue(m.find(), "the cache publishes its hits");
        return Double.parseDouble(m.group(1));
    }
}
