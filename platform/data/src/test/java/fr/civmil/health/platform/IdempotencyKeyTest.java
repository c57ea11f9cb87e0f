package fr.civmil.health.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A creation retried with the same Idempotency-Key creates one resource and answers the same. */
@QuarkusTest
class IdempotencyKeyTest {

    private static long count() {
        return given().when().get("/test/parcels/count").then().statusCode(200).extract().jsonPath().getLong("parcels");
    }

    private static Response post(String key, String name) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("name", name))
                .when().post("/test/parcels");
    }

    @Test
    void aRetryReplaysTheFirstResponseAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        long before = count();
        Response first = post(key, "idempotent");
        first.then().statusCode(201);
        Response retry = post(key, "idempotent");
        retry.then().statusCode(201).header("Idempotency-Replayed", "true")
                .header("Location", first.getHeader("Location"))
                .body("id", equalTo(first.jsonPath().getInt("id")));
        assertEquals(before + 1, count());
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        post(key, "original").then().statusCode(201);
        long before = count();
        post(key, "different").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:idempotency-key-reused"));
        assertEquals(before, count());
    }

    @Test
    void malformedKeysAreRejected() {
        post("not a key", "x").then().statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
        post("k".repeat(201), "x").then().statusCode(400);
    }
}
