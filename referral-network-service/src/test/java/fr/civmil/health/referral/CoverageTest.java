package fr.civmil.health.referral;

import static fr.civmil.health.referral.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class CoverageTest {

    @Test
    void figuresPerDepartement() throws Exception {
        // Haute-Corse (2B) is used by no other test.
        LocalDate today = LocalDate.now();
        String bastiaGp = Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", "2B033", "20200", true, 4, today));
        Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", "2B096", "20250", true, 6, today));
        Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "PAEDIATRICS", "2B033", "20200", false, 10, today));
        Api.create(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", "2B033", "20200", true, 50, today)); // pending

        String assigned = ReferralRequestTest.register(ReferralRequestTest.request(ReferralRequestTest.caseRef(), "2B033", "GENERAL_PRACTICE"));
        ReferralRequestTest.register(ReferralRequestTest.request(ReferralRequestTest.caseRef(), "2B096", "GENERAL_PRACTICE"));
        ReferralRequestTest.register(ReferralRequestTest.request(ReferralRequestTest.caseRef(), "2B033", "PAEDIATRICS"));
        as("cnmss").header("If-Match", "\"0\"").body(ReferralRequestTest.assignment(bastiaGp, "GENERAL_PRACTICE"))
                .post("/api/v1/referral-requests/" + assigned + "/assignment").then().statusCode(200);

        String zoneId = UUID.randomUUID().toString();
        ProjectionTest.zone("designated", zoneId, "2B033").send(zoneId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("ars").queryParam("departementCode", "2B")
                .get("/api/v1/coverage/departements").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].departementName", equalTo("Haute-Corse"))
                .body("items[0].activeDoctors", equalTo(3))
                .body("items[0].activeDoctorsBySpecialty.GENERAL_PRACTICE", equalTo(2))
                .body("items[0].activeDoctorsBySpecialty.PAEDIATRICS", equalTo(1))
                .body("items[0].remainingPlaces", equalTo(3 + 6))
                .body("items[0].openRequests", equalTo(2))
                .body("items[0].medianDaysToAssignment", equalTo(0.0f))
                .body("items[0].doctorsInPriorityZones", equalTo(2)));

        as("ssa").queryParam("regionCode", "76").queryParam("size", 200).get("/api/v1/coverage/departements").then()
                .statusCode(200).body("total", equalTo(13));
        as("auditor").queryParam("size", 3).queryParam("sort", "-departementCode").get("/api/v1/coverage/departements").then()
                .statusCode(200).body("items[0].departementCode", startsWith("9"));
        as("cnmss").queryParam("regionCode", "76").get("/api/v1/coverage/departements").then()
                .body("items.regionCode", everyItem(equalTo("76")));
        as("cnmss").queryParam("regionCode", "ZZ").get("/api/v1/coverage/departements").then().statusCode(400);
        as("cnmss").queryParam("sort", "population").get("/api/v1/coverage/departements").then().statusCode(400);
    }
}
