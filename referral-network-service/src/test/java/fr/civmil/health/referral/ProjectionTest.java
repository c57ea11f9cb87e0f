package fr.civmil.health.referral;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.referral.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.civmil.health.contracts.events.EventFixture;
import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.reference.ReferenceGeography;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Events of zones-service and partnership-service, made from their published examples and produced to
 * the real broker, change what the directory shows.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ProjectionTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ReferenceGeography GEO = ReferenceGeography.load();

    @Inject
    AgroalDataSource dataSource;

    private static final String ZONE = "fr.civmil.zones.priority-zone.";

    /** zones-service's published example of this priority-zone event, for this zone and communes. */
    static EventFixture zone(String event, String zoneId, String... communes) {
        return EventFixture.of(ZONE + event + ".v1").with("zoneId", zoneId).with("communeCodes", List.of(communes));
    }

    @Test
    void priorityZoneEventsMaintainInPriorityZone() throws Exception {
        String name = Api.uniqueName();
        String mende = Api.activeDoctor(Api.doctor(Api.rpps(), name, "GENERAL_PRACTICE", "48095", "48000", true, 3, LocalDate.now()));
        String elsewhere = Api.activeDoctor(Api.doctor(Api.rpps(), name, "GENERAL_PRACTICE", "31555", "31000", true, 3, LocalDate.now()));
        as("ars").queryParam("name", name).queryParam("inPriorityZone", "true").get("/api/v1/doctors").then().body("total", equalTo(0));

        String zoneId = UUID.randomUUID().toString();
        zone("designated", zoneId, "48095", "48061").with("status", "DESIGNATED").send(zoneId);
        await().atMost(PATIENCE).untilAsserted(() -> as("ars").queryParam("name", name).queryParam("inPriorityZone", "true")
                .get("/api/v1/doctors").then().body("items.id", contains(mende)));
        as("ssa").get("/api/v1/doctors/" + mende).then().body("inPriorityZone", equalTo(true))
                .body("practiceLocations[0].inPriorityZone", equalTo(true));
        as("ssa").queryParam("name", name).queryParam("inPriorityZone", "false").get("/api/v1/doctors").then()
                .body("items.id", contains(elsewhere));

        // The zone shrinks: Mende leaves it.
        zone("status-changed", zoneId, "48061").with("from", "DESIGNATED").with("to", "ACTIVE").send(zoneId);
        await().atMost(PATIENCE).untilAsserted(() -> as("ars").get("/api/v1/doctors/" + mende).then().body("inPriorityZone", equalTo(false)));

        zone("status-changed", zoneId, "48095").with("from", "ACTIVE").with("to", "ACTIVE").send(zoneId);
        await().atMost(PATIENCE).untilAsserted(() -> as("ars").get("/api/v1/doctors/" + mende).then().body("inPriorityZone", equalTo(true)));

        zone("retired", zoneId, "48095").send(zoneId);
        await().atMost(PATIENCE).untilAsserted(() -> as("ars").queryParam("name", name).queryParam("inPriorityZone", "true")
                .get("/api/v1/doctors").then().body("total", equalTo(0)));
    }

    @Test
    void onlyZonesInForceMakeADoctorInPriorityZone() throws Exception {
        ReferenceGeography.Commune montauban = GEO.commune("82121").orElseThrow();
        String doctor = Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", montauban.insee(),
                montauban.postalCodes().get(0), true, 3, LocalDate.now()));
        String zoneId = UUID.randomUUID().toString();
        zone("designated", zoneId, montauban.insee()).with("status", "PROPOSED").send(zoneId);
        await().atMost(PATIENCE).until(() -> "PROPOSED".equals(zoneStatus(zoneId)));
        as("ars").get("/api/v1/doctors/" + doctor).then().body("inPriorityZone", equalTo(false))
                .body("practiceLocations[0].inPriorityZone", equalTo(false));

        zone("status-changed", zoneId, montauban.insee()).with("from", "PROPOSED").with("to", "DESIGNATED").send(zoneId);
        await().atMost(PATIENCE).untilAsserted(() -> as("ars").get("/api/v1/doctors/" + doctor).then().body("inPriorityZone", equalTo(true)));
        zone("status-changed", zoneId, montauban.insee()).with("from", "DESIGNATED").with("to", "SUSPENDED").send(zoneId);
        await().atMost(PATIENCE).until(() -> "SUSPENDED".equals(zoneStatus(zoneId)));
        as("ars").get("/api/v1/doctors/" + doctor).then().body("inPriorityZone", equalTo(true));
        zone("status-changed", zoneId, montauban.insee()).with("from", "SUSPENDED").with("to", "RETIRED").send(zoneId);
        await().atMost(PATIENCE).until(() -> "RETIRED".equals(zoneStatus(zoneId)));
        as("ars").get("/api/v1/doctors/" + doctor).then().body("inPriorityZone", equalTo(false));
    }

    /** The projection's status of a zone, to know an event was applied before asserting what it must not change. */
    private String zoneStatus(String zoneId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select status from priority_zone where zone_id = ?")) {
            statement.setObject(1, UUID.fromString(zoneId));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Test
    void crisisActivationsFlagTheirDepartementsUntilStoodDown() throws Exception {
        String name = Api.uniqueName();
        String doctor = Api.activeDoctor(Api.doctor(Api.rpps(), name, "GENERAL_PRACTICE", "46042", "46000", true, 3, LocalDate.now()));
        String activationId = UUID.randomUUID().toString();
        EventFixture.of("fr.civmil.partnership.crisis.activated.v1").with("activationId", activationId).with("plan", "EPI_CLIM")
                .with("departementCodes", List.of("46", "82")).with("zoneIds", List.of()).send(activationId);
        await().atMost(PATIENCE).untilAsserted(() -> as("cnmss").queryParam("name", name).get("/api/v1/doctors").then()
                .body("items[0].activeCrises.plan", contains("EPI_CLIM"))
                .body("items[0].activeCrises.departementCode", contains("46")));
        as("ars").queryParam("departementCode", "82").get("/api/v1/coverage/departements").then()
                .body("items[0].activeCrisisPlans", contains("EPI_CLIM"));

        EventFixture.of("fr.civmil.partnership.crisis.stood-down.v1").with("activationId", activationId).with("plan", "EPI_CLIM")
                .with("departementCodes", List.of("46", "82")).with("zoneIds", List.of()).send(activationId);
        await().atMost(PATIENCE).untilAsserted(() -> as("cnmss").get("/api/v1/doctors/" + doctor).then()
                .body("activeCrises", empty()));
    }

    @Test
    void anEventThatCannotBeAppliedGoesToTheDeadLetterTopic() throws Exception {
        String key = "broken-" + UUID.randomUUID();
        TopicProbe.send("zones.events.v1", key, TopicProbe.cloudEvent("/civmil/zones-service",
                "fr.civmil.zones.priority-zone.designated.v1", "{\"status\":\"DESIGNATED\",\"communeCodes\":[\"48095\"]}"));
        var dead = TopicProbe.read("zones.events.v1.dlt", PATIENCE, rs -> rs.stream().anyMatch(r -> key.equals(r.key())));
        assertTrue(dead.stream().anyMatch(r -> key.equals(r.key())), "dead-lettered after its retries");
    }
}
