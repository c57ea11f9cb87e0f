package fr.civmil.health.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;

import fr.civmil.health.devstack.testing.Management;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Request durations are histograms with fixed buckets, so that a p99 can be computed across replicas. */
@QuarkusTest
class MetricsTest {

    @Test
    void requestDurationsHaveBucketsFrom5MillisecondsTo10Seconds() {
        given().when().get("/test/notes").then().statusCode(200);
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("uri=\"/test/notes\",le=\"0.005\"}"))
                // Cumulative: the request (and any other test's on this path) is under the 10 s bound.
                .body(matchesRegex("(?s).*uri=\"/test/notes\",le=\"10\\.0\"} [1-9][0-9]*\\.0\n.*"));
    }
}
