package fr.civmil.health.gateway.quota;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.gateway.FakeUpstreamsResource;
import fr.civmil.health.gateway.Tokens;
import fr.civmil.health.gateway.config.EdgeConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two gateways on one database: the one under test, serving HTTP, and a second one's quota side (its limiter
 * and its sharing) on the same database, as a second replica would run them.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamsResource.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class SharedQuotasTest {

    private static final String CLIENT = "two-gateways-client";

    @Inject
    DataSource dataSource;

    @Inject
    EdgeConfig config;

    @Test
    void twoGatewaysTogetherAllowTheQuotaNotTwiceIt() throws Exception {
        QuotaLimiter secondLimiter = new QuotaLimiter(config);
        SharedQuotas second = new SharedQuotas(dataSource, secondLimiter, config);
        second.exchange(); // a replica starting learns where the others stand

        // The quota-test route allows a burst of 5. Three go through the second gateway...
        for (int i = 0; i < 3; i++) {
            assertTrue(secondLimiter.take(CLIENT, Set.of("ars"), "quota-test").allowed());
        }
        second.exchange();
        Thread.sleep(700); // ... which the first one hears within its interval (200 ms).

        // ... so the first one lets two through, not five.
        String token = Tokens.of(CLIENT, "ars");
        given().header("Authorization", "Bearer " + token).get("/api/test/quota/a").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/test/quota/b").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/test/quota/c").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-5]"));

        // And the second one hears of those two: nothing is left there either.
        Thread.sleep(700);
        second.exchange();
        assertFalse(secondLimiter.take(CLIENT, Set.of("ars"), "quota-test").allowed());
    }
}
