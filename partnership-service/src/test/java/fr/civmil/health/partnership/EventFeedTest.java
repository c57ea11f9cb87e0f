package fr.civmil.health.partnership;

import static fr.civmil.health.partnership.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.civmil.health.contracts.events.EventFixture;
import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Other services' events, made from their published examples and produced to the real broker, change
 * what this service's API shows.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class EventFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** zones-service's published example of a mission event, for this mission, région, date and length. */
    private static void mission(String type, String missionId, String regionCode, LocalDate date, double days) {
        EventFixture.of("fr.civmil.zones.solidarity-mission." + type + ".v1").with("missionId", missionId)
                .with("regionCode", regionCode).with("date", date.toString()).with("slot", days == 1 ? "FULL_DAY" : "MORNING")
                .with("days", days).send(missionId);
    }

    /** referral-network-service's published example of a doctor event, with this charter status and région. */
    private static void doctor(String type, String doctorId, String charterField, String status, String region) {
        EventFixture.of("fr.civmil.referral.doctor." + type + ".v1").with("doctorId", doctorId).with(charterField, status)
                .with("regionCodes", List.of(region)).send(doctorId);
    }

    /** As admin: the feeds of other régions are counted too, which an Occitanie ARS agent may not set up. */
    private static String automaticIndicator(String contract, String commitment, String feed, String region, int target) {
        return as("admin").body(Map.of("commitmentId", commitment, "name", feed, "unit", "n", "baseline", 0, "target", target,
                "direction", "HIGHER_IS_BETTER", "feed", feed, "regionCode", region))
                .post("/api/v1/partnerships/" + contract + "/indicators").then().statusCode(201).extract().path("id");
    }

    @Test
    void designatedZonesBecomeLinkableFromCommitmentsAndCrises() throws Exception {
        String contract = Api.newContract();
        String zone = UUID.randomUUID().toString();
        String commitments = "/api/v1/partnerships/" + contract + "/commitments";
        as("ars").body(Api.commitment(1, "2027-06-30", List.of(zone))).post(commitments).then().statusCode(422);

        EventFixture.of("fr.civmil.zones.priority-zone.designated.v1").with("zoneId", zone).with("status", "DESIGNATED").send(zone);

        await().atMost(WAIT).untilAsserted(() -> as("ars").body(Api.commitment(1, "2027-06-30", List.of(zone))).post(commitments)
                .then().statusCode(201).body("zoneIds", hasItem(zone)));
        as("ars").body(Map.of("plan", "AMAVI", "departementCodes", List.of("32"), "zoneIds", List.of(zone),
                "reason", "test", "requestingParty", "SSA")).post("/api/v1/crisis-activations").then().statusCode(201)
                .body("zoneIds[0]", equalTo(zone));
    }

    @Test
    void completedMissionDaysFeedTheConsultationIndicatorAndCancellationsTakeThemBack() throws Exception {
        String region = "53";
        String contract = Api.newContract();
        String commitment = Api.newCommitment(contract, "2027-12-31");
        String indicator = automaticIndicator(contract, commitment, "CONSULTATION_DAYS", region, 10);
        String path = "/api/v1/partnerships/" + contract + "/indicators/" + indicator;
        as("auditor").get(path).then().body("latest.value", equalTo(0.0f));

        LocalDate today = LocalDate.now();
        String half = UUID.randomUUID().toString();
        mission("completed", UUID.randomUUID().toString(), region, today.withDayOfMonth(1), 1);
        mission("completed", half, region, today.withDayOfMonth(1), 0.5);
        mission("completed", UUID.randomUUID().toString(), region, today.minusYears(1), 1);
        mission("completed", UUID.randomUUID().toString(), "76", today, 1);

        await().atMost(WAIT).untilAsserted(() -> as("auditor").get(path).then()
                .body("latest.value", equalTo(1.5f)).body("latest.source", equalTo("AUTOMATIC")).body("progress", equalTo(15.0f)));
        String month = YearMonth.from(today).toString();
        as("ssa").queryParam("region", region).queryParam("from", YearMonth.from(today.minusYears(1)).toString()).queryParam("to", month)
                .get("/api/v1/partnerships/figures/consultation-days").then().statusCode(200)
                .body("total", equalTo(2.5f)).body("months.find { it.month == '" + month + "' }.days", equalTo(1.5f));

        mission("cancelled", half, region, today.withDayOfMonth(1), 0.5);
        await().atMost(WAIT).untilAsserted(() -> as("auditor").get(path).then().body("latest.value", equalTo(1.0f)));
        as("auditor").get(path + "/measurements").then().body("total", equalTo(1));
        as("ssa").queryParam("region", region).queryParam("from", "2026-13").queryParam("to", month)
                .get("/api/v1/partnerships/figures/consultation-days").then().statusCode(400);
        as("ssa").queryParam("region", "00").queryParam("from", month).queryParam("to", month)
                .get("/api/v1/partnerships/figures/consultation-days").then().statusCode(400);
    }

    @Test
    void referencedDoctorsWithAnActiveCharterFeedTheNetworkIndicator() throws Exception {
        String region = "84";
        String contract = Api.newContract();
        String commitment = Api.newCommitment(contract, "2027-12-31");
        String indicator = automaticIndicator(contract, commitment, "REFERENCED_DOCTORS", region, 40);
        String path = "/api/v1/partnerships/" + contract + "/indicators/" + indicator;

        String first = UUID.randomUUID().toString();
        doctor("referenced", first, "charterStatus", "ACTIVE", region);
        doctor("referenced", UUID.randomUUID().toString(), "charterStatus", "ACTIVE", region);
        doctor("referenced", UUID.randomUUID().toString(), "charterStatus", "SUSPENDED", region);
        doctor("referenced", UUID.randomUUID().toString(), "charterStatus", "ACTIVE", "76");

        await().atMost(WAIT).untilAsserted(() -> as("auditor").get(path).then().body("latest.value", equalTo(2.0f)));
        as("auditor").queryParam("region", region).get("/api/v1/partnerships/figures/referenced-doctors").then().statusCode(200)
                .body("active", equalTo(2));

        doctor("charter-status-changed", first, "to", "SUSPENDED", region);
        await().atMost(WAIT).untilAsserted(() -> as("auditor").get(path).then().body("latest.value", equalTo(1.0f))
                .body("progress", equalTo(2.5f)));
    }
}
