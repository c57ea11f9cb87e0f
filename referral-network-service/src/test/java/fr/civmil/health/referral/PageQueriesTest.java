package fr.civmil.health.referral;

import static fr.civmil.health.referral.Api.as;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.devstack.testing.PageQueriesContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every list page of the service reads its items in a bounded number of statements. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class PageQueriesTest extends PageQueriesContract {

    @Test
    void aPageOfRequestsReadsTheirNeedsAndRecordsItsReadsAtOnce() {
        String last = null;
        for (int i = 0; i < PAGE_ITEMS; i++) {
            last = ReferralRequestTest.register(ReferralRequestTest.request(ReferralRequestTest.caseRef(), "83137", "GENERAL_PRACTICE:2",
                    "PAEDIATRICS"));
        }
        for (int i = 0; i < PAGE_ITEMS; i++) {
            as("cnmss").get("/api/v1/referral-requests/" + last).then().statusCode(200);
        }
        String request = last;
        assertPageBounded("requests", () -> as("cnmss").queryParam("size", 200).queryParam("departementCode", "83")
                .get("/api/v1/referral-requests").then());
        assertPageBounded("expiring requests", () -> as("cnmss").queryParam("size", 200).queryParam("withinDays", 365)
                .get("/api/v1/referral-requests/expiring").then());
        assertPageBounded("reads", () -> as("auditor").queryParam("size", 200).queryParam("requestId", request)
                .get("/api/v1/referral-requests/audit").then());
    }
}
