package fr.civmil.health.referral;

import static fr.civmil.health.referral.Api.as;
import static fr.civmil.health.referral.ReferralRequestTest.caseRef;
import static fr.civmil.health.referral.ReferralRequestTest.etag;
import static fr.civmil.health.referral.ReferralRequestTest.register;
import static fr.civmil.health.referral.ReferralRequestTest.request;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.referral.service.Retention;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Ended requests go after 12 months, read-audit rows after 5 years; one replica purges at a time. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void endedRequestsThenTheirReadsArePurgedAfterTheirPeriods() throws Exception {
        String cancelled = register(request(caseRef(), "81004", "GENERAL_PRACTICE"));
        as("cnmss").header("If-Match", etag(cancelled)).body("{\"reason\":\"Mutation annulée\"}")
                .post("/api/v1/referral-requests/" + cancelled + "/cancellation").then().statusCode(200);
        String waiting = register(request(caseRef(), "81004", "GENERAL_PRACTICE"));
        OffsetDateTime now = OffsetDateTime.now();

        Retention.Purged early = retention.purge(now.plusMonths(11));
        assertTrue(early.ran());
        as("cnmss").get("/api/v1/referral-requests/" + cancelled).then().statusCode(200);

        assertTrue(retention.purge(now.plusMonths(12).plusDays(1)).requests() >= 1);
        as("cnmss").get("/api/v1/referral-requests/" + cancelled).then().statusCode(404);
        as("cnmss").get("/api/v1/referral-requests/" + waiting).then().statusCode(200).body("status", equalTo("OPEN"));
        // The reads of the purged request stay for the audit, without anything about the household.
        as("auditor").queryParam("requestId", cancelled).get("/api/v1/referral-requests/audit").then().statusCode(200)
                .body("total", greaterThan(0));

        assertTrue(retention.purge(now.plusYears(5).plusDays(1)).reads() >= 1);
        as("auditor").queryParam("requestId", cancelled).get("/api/v1/referral-requests/audit").then().body("total", equalTo(0));
        as("cnmss").get("/api/v1/referral-requests/" + waiting).then().statusCode(200);
    }

    @Test
    void aReplicaSkipsThePurgeWhileAnotherRunsIt() throws Exception {
        String cancelled = register(request(caseRef(), "81004", "GENERAL_PRACTICE"));
        as("cnmss").header("If-Match", etag(cancelled)).body("{\"reason\":\"Mutation annulée\"}")
                .post("/api/v1/referral-requests/" + cancelled + "/cancellation").then().statusCode(200);
        OffsetDateTime later = OffsetDateTime.now().plusMonths(13);
        try (Connection otherReplica = dataSource.getConnection()) {
            try (PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, Retention.LOCK);
                lock.execute();
            }
            Retention.Purged skipped = retention.purge(later);
            assertFalse(skipped.ran());
            assertEquals(0, skipped.requests());
            as("cnmss").get("/api/v1/referral-requests/" + cancelled).then().statusCode(200);
            try (PreparedStatement unlock = otherReplica.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, Retention.LOCK);
                unlock.execute();
            }
        }
        assertTrue(retention.purge(later).ran());
        as("cnmss").get("/api/v1/referral-requests/" + cancelled).then().statusCode(404);
    }
}
