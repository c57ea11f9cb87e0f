package fr.civmil.health.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What every service of the suite must do from day one, run by each service's own
 * {@code @QuarkusTest} subclass against the real PostgreSQL and Kafka of the dev stack.
 */
public abstract class ServiceChassisContract {

    /** The title the service's OpenAPI document announces. */
    protected abstract String openApiTitle();

    @Test
    void isLive() {
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("kafka"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo(openApiTitle()))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void publishesItsAsyncApiDocumentWithoutAuthentication() {
        given().when().get("/q/asyncapi").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(startsWith("asyncapi: 3.0.0"));
        // Self-contained: references to other files (schemas, other services' channels) are inlined.
        given().queryParam("format", "json").when().get("/q/asyncapi").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("asyncapi", equalTo("3.0.0"))
                .body("operations.values().action", hasItem("send"))
                .body(not(containsString(".yaml#")), not(containsString(".schema.json")));
    }

    @Test
    void answersUnknownPathsWithAProblem() {
        given().when().get("/api/v1/no-such-resource").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:not-found"));
    }
}
