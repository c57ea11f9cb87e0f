package fr.civmil.health.gateway;

import static fr.civmil.health.gateway.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Methods are judged before the role policy, from the operations each service's document lists (the zones fake
 * lists GET /api/v1/territories/communes/{insee}): a method a path does not answer is a 405 with Allow, never a
 * 403, and reaches no service; OPTIONS is answered with Allow.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamsResource.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class GatewayMethodsTest {

    private static final String COMMUNE = "/api/v1/territories/communes/09194";

    /** Injected by {@link FakeUpstreamsResource}. */
    FakeUpstreams upstreams;

    @BeforeEach
    void documentsRead() throws InterruptedException {
        // The gateway reads the documents at startup, asynchronously.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (given().options(COMMUNE).statusCode() != 204 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    @Test
    void aWriteOnAReadOnlyPathIs405WithAllowAndReachesNoService() {
        int before = upstreams.zones().received();
        for (String method : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
            as("admin").request(method, COMMUNE).then().statusCode(405).contentType("application/problem+json")
                    .header("Allow", equalTo("GET, HEAD, OPTIONS"))
                    .body("type", equalTo("urn:civmil:problem:method-not-allowed"));
        }
        assertEquals(before, upstreams.zones().received());
    }

    @Test
    void methodsHttpDoesNotKnowHereAre405Everywhere() {
        as("admin").request("TRACE", COMMUNE).then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS"));
        as("admin").request("QUERY", COMMUNE).then().statusCode(405);
        // A path no document lists yet: the method alone decides.
        as("admin").request("TRACE", "/api/v1/priority-zones").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void optionsListsTheMethodsWithoutAToken() {
        given().options(COMMUNE).then().statusCode(204).header("Allow", equalTo("GET, HEAD, OPTIONS")).body(emptyOrNullString());
    }

    @Test
    void theGatewaysOwnApiAnswers405ToWrites() {
        as("admin").post("/api/v1/audit").then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS"));
        as("auditor").get("/api/v1/audit?size=1").then().statusCode(200);
    }

    @Test
    void anAllowedMethodStillMeetsThePolicy() {
        as("visitor").get(COMMUNE).then().statusCode(403);
        as("ars").get(COMMUNE).then().statusCode(200).header("X-Upstream", "zones");
    }
}
