package fr.civmil.health.referral;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.referral.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Events of zones-service and partnership-service, produced to the real broker, change what the directory shows. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ProjectionTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static String zone(String zoneId, String status, String... communes) {
        return "{\"zoneId\":\"" + zoneId + "\",\"epciSiren\":\"244800405\",\"epciName\":\"CC test\",\"campaign\":\"2025\",\"status\":\""
                + status + "\",\"regionCode\":\"76\",\"departementCodes\":[\"48\"],\"communeCodes\":[\"" + String.join("\",\"", communes)
                + "\"],\"population\":12000}";
    }

    @Test
    void priorityZoneEventsMaintainInPriorityZone() throws Exception {
        String name = Api.uniqueName();
        String mende = Api.activeDoctor(Api.doctor(Api.rpps(), name, "GENERAL_PRACTICE", "48095", "48000", true, 3, LocalDate.now()));
        String elsewhere = Api.activeDoctor(Api.doctor(Api.rpps(), name, "GENERAL_PRACTICE", "31555", "31000", true, 3, LocalDate.now()));
        as("ars").queryParam("name", name).queryParam("inPriorityZone", "true").get("/api/v1/doctors").then().body("total", equalTo(0));

        String zoneId = UUID.randomUUID().toString();
        TopicProbe.send("zones.events.v1", zoneId, TopicProbe.cloudEvent("/civmil/zones-service",
                "fr.civmil.zones.priority-zone.designated.v1", zone(zoneId, "DESIGNATED", "48095", "48061")));
        await().atMost(PATIENCE).untilAsserted(() -> as("ars").queryParam("name", name).queryParam("inPriorityZone", "true")
                .get("/api/v1/doctors").then().body("items.id", contains(mende)));
        as("ssa").get("/api/v1/doctors/" + mende).then().body("inPriorityZone", equalTo(true))
                .body("practiceLocations[0].inPriorityZone", equalTo(true));
        as("ssa").queryParam("name", name).queryParam("inPriorityZone", "false").get("/api/v1/doctors").then()
                .body("items.id", contains(elsewhere));

        // The zone shrinks: Mende leaves it.
        TopicProbe.send("zones.events.v1", zoneId, TopicProbe.cloudEvent("/civmil/zones-service",
                "fr.civmil.zones.priority-zone.status-changed.v1",
                "{\"zoneId\":\"" + zoneId + "\",\"epciSiren\":\"244800405\",\"campaign\":\"2025\",\"from\":\"DESIGNATED\",\"to\":\"ACTIVE\","
                        + "\"reason\":\"perimeter\",\"regionCode\":\"76\",\"departementCodes\":[\"48\"],\"communeCodes\":[\"48061\"]}"));
        await().atMost(PATIENCE).untilAsserted(() -> as("ars").get("/api/v1/doctors/" + mende).then().body("inPriorityZone", equalTo(false)));

        TopicProbe.send("zones.events.v1", zoneId, TopicProbe.cloudEvent("/civmil/zones-service",
                "fr.civmil.zones.priority-zone.status-changed.v1",
                "{\"zoneId\":\"" + zoneId + "\",\"epciSiren\":\"244800405\",\"campaign\":\"2025\",\"from\":\"ACTIVE\",\"to\":\"ACTIVE\","
                        + "\"reason\":\"perimeter\",\"regionCode\":\"76\",\"departementCodes\":[\"48\"],\"communeCodes\":[\"48095\"]}"));
        await().atMost(PATIENCE).untilAsserted(() -> as("ars").get("/api/v1/doctors/" + mende).then().body("inPriorityZone", equalTo(true)));

        TopicProbe.send("zones.events.v1", zoneId, TopicProbe.cloudEvent("/civmil/zones-service",
                "fr.civmil.zones.priority-zone.retired.v1",
                "{\"zoneId\":\"" + zoneId + "\",\"epciSiren\":\"244800405\",\"campaign\":\"2025\",\"reason\":\"end of campaign\","
                        + "\"regionCode\":\"76\",\"departementCodes\":[\"48\"],\"communeCodes\":[\"48095\"]}"));
        await().atMost(PATIENCE).untilAsserted(() -> as("ars").queryParam("name", name).queryParam("inPriorityZone", "true")
                .get("/api/v1/doctors").then().body("total", equalTo(0)));
    }

    @Test
    void crisisActivationsFlagTheirDepartementsUntilStoodDown() throws Exception {
        String name = Api.uniqueName();
        String doctor = Api.activeDoctor(Api.doctor(Api.rpps(), name, "GENERAL_PRACTICE", "46042", "46000", true, 3, LocalDate.now()));
        String activationId = UUID.randomUUID().toString();
        TopicProbe.send("partnership.events.v1", activationId, TopicProbe.cloudEvent("/civmil/partnership-service",
                "fr.civmil.partnership.crisis.activated.v1", "{\"activationId\":\"" + activationId
                        + "\",\"plan\":\"EPI_CLIM\",\"departementCodes\":[\"46\",\"82\"],\"zoneIds\":[],\"requestingParty\":\"ARS\","
                        + "\"activatedAt\":\"2026-11-23T08:00:00Z\"}"));
        await().atMost(PATIENCE).untilAsserted(() -> as("cnmss").queryParam("name", name).get("/api/v1/doctors").then()
                .body("items[0].activeCrises.plan", contains("EPI_CLIM"))
                .body("items[0].activeCrises.departementCode", contains("46")));
        as("ars").queryParam("departementCode", "82").get("/api/v1/coverage/departements").then()
                .body("items[0].activeCrisisPlans", contains("EPI_CLIM"));

        TopicProbe.send("partnership.events.v1", activationId, TopicProbe.cloudEvent("/civmil/partnership-service",
                "fr.civmil.partnership.crisis.stood-down.v1", "{\"activationId\":\"" + activationId
                        + "\",\"plan\":\"EPI_CLIM\",\"departementCodes\":[\"46\",\"82\"],\"zoneIds\":[],\"stoodDownAt\":\"2026-11-24T08:00:00Z\"}"));
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
