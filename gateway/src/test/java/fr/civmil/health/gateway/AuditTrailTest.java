package fr.civmil.health.gateway;

import static fr.civmil.health.gateway.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every request leaves one record in the gateway's PostgreSQL table; auditor (and admin) query it. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamsResource.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class AuditTrailTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void aProxiedRequestIsRecordedWithWhoWhatOutcomeAndUpstream() {
        String requestId = "audit-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        Tokens.as("cnmss").header("X-Request-Id", requestId).get("/api/v1/referral-requests/r-9?page=1").then().statusCode(200);

        Response found = awaitRecord(requestId);
        found.then()
                .body("total", is(1))
                .body("items[0].client", is("dev-cnmss"))
                .body("items[0].roles", contains("cnmss"))
                .body("items[0].method", is("GET"))
                .body("items[0].path", is("/api/v1/referral-requests/r-9"))
                .body("items[0].route", is("referral-network-service"))
                .body("items[0].status", is(200))
                .body("items[0].latencyMs", greaterThan(0f))
                .body("items[0].upstream", matchesPattern("127\\.0\\.0\\.1:\\d+"));
        Instant time = Instant.parse(found.path("items[0].time"));
        if (time.isBefore(before) || time.isAfter(Instant.now())) {
            fail("recorded at " + time);
        }
    }

    @Test
    void refusalsAreRecordedTooAndFiltersNarrowTheSearch() {
        String denied = "denied-" + UUID.randomUUID();
        as("ars").header("X-Request-Id", denied).get("/api/v1/referral-requests").then().statusCode(403);
        String anonymous = "anon-" + UUID.randomUUID();
        given().header("X-Request-Id", anonymous).get("/api/v1/doctors").then().statusCode(401);

        awaitRecord(denied).then().body("items[0].status", is(403)).body("items[0].client", is("dev-ars"))
                .body("items[0].upstream", nullValue());
        awaitRecord(anonymous).then().body("items[0].status", is(401)).body("items[0].client", nullValue())
                .body("items[0].route", is("referral-network-service"));

        as("auditor").queryParam("client", "dev-ars").queryParam("status", 403).queryParam("route", "referral-network-service")
                .queryParam("from", Instant.now().minusSeconds(60).toString()).queryParam("to", Instant.now().plusSeconds(5).toString())
                .queryParam("size", 200)
                .get("/api/v1/audit").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("items.requestId", hasItem(denied))
                .body("items.client", everyItem(is("dev-ars")))
                .body("items.status", everyItem(is(403)));
        // A window in the past holds none of today's records.
        as("admin").queryParam("requestId", denied).queryParam("to", "2020-01-01T00:00:00Z").get("/api/v1/audit")
                .then().statusCode(200).body("total", is(0));
    }

    @Test
    void pagesAreSortedNewestFirstWithATotal() {
        for (int i = 0; i < 3; i++) {
            as("ssa").header("X-Request-Id", "paging-" + i).get("/api/v1/crisis-activations").then().statusCode(200);
        }
        awaitRecord("paging-2");
        Response page = as("auditor").queryParam("client", "dev-ssa").queryParam("size", 2).get("/api/v1/audit");
        page.then().statusCode(200).body("size", is(2)).body("items.size()", is(2)).body("total", greaterThanOrEqualTo(3));
        Instant first = Instant.parse(page.path("items[0].time"));
        Instant second = Instant.parse(page.path("items[1].time"));
        if (first.isBefore(second)) {
            fail("not newest first: " + first + " then " + second);
        }
    }

    @Test
    void onlyAuditorAndAdminReadTheTrail() {
        for (String role : new String[] { "ars", "ssa", "cnmss" }) {
            as(role).get("/api/v1/audit").then().statusCode(403).contentType(PROBLEM_JSON);
        }
        given().get("/api/v1/audit").then().statusCode(401).contentType(PROBLEM_JSON);
        as("auditor").get("/api/v1/audit").then().statusCode(200);
        as("admin").get("/api/v1/audit").then().statusCode(200);
    }

    @Test
    void badFiltersAreProblems() {
        as("auditor").queryParam("from", "yesterday").get("/api/v1/audit").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", is("from"));
        as("auditor").queryParam("status", "abc").get("/api/v1/audit").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", is("status"));
        as("auditor").queryParam("status", 42).get("/api/v1/audit").then().statusCode(400).contentType(PROBLEM_JSON);
        as("auditor").queryParam("from", "2026-03-02T00:00:00Z").queryParam("to", "2026-03-01T00:00:00Z").get("/api/v1/audit")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", is("to"));
        as("auditor").queryParam("size", 500).get("/api/v1/audit").then().statusCode(400).contentType(PROBLEM_JSON);
        as("auditor").queryParam("sort", "password").get("/api/v1/audit").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    /** Records are written in batches off the request path: they show up shortly after the response. */
    private static Response awaitRecord(String requestId) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            Response response = as("auditor").queryParam("requestId", requestId).get("/api/v1/audit");
            response.then().statusCode(200);
            if (response.<Integer>path("total") > 0) {
                return response;
            }
            if (System.currentTimeMillis() > deadline) {
                fail("no audit record for " + requestId);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
