package fr.civmil.health.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.devstack.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The production log format: one JSON object per line with its timestamp, level, service, and the request's trace id,
 * span id, request id and caller's subject, including on lines written by the worker thread that served the request.
 * (The tests read the same formatter written to a file, as the console's is the build's own output.)
 */
@QuarkusTest
@TestProfile(JsonLogsTest.JsonFile.class)
class JsonLogsTest {

    static final Path LOG = Path.of("target/json-logs-test.log");

    public static class JsonFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.json.enabled", "true",
                    "quarkus.log.file.json.additional-field.service.value", "${quarkus.application.name}");
        }
    }

    @Test
    void eachLineSaysWhenWhatWhichServiceTraceRequestAndCaller() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String requestId = "json-logs-" + UUID.randomUUID();
        given().auth().oauth2(TestInfrastructure.token("dev-ars", "ars")).header("X-Request-Id", requestId)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .when().get("/test/notes/secure").then().statusCode(200);

        JsonNode line = await().atMost(Duration.ofSeconds(10)).until(() -> find(requestId), Optional::isPresent).orElseThrow();
        assertEquals("secure note read", line.path("message").asText());
        assertEquals("INFO", line.path("level").asText());
        assertEquals("platform-http", line.path("service").asText());
        OffsetDateTime.parse(line.path("timestamp").asText()); // an ISO-8601 instant with its offset
        JsonNode mdc = line.path("mdc");
        assertEquals(traceId, mdc.path("traceId").asText(), "the caller's trace goes on");
        assertTrue(mdc.path("spanId").asText().matches("[0-9a-f]{16}"), mdc::toString);
        assertNotEquals("00f067aa0ba902b7", mdc.path("spanId").asText(), "the service's own span, child of the caller's");
        assertEquals("dev-ars", mdc.path("subject").asText(), "the token's subject");
    }

    private static Optional<JsonNode> find(String requestId) throws Exception {
        if (!Files.exists(LOG)) {
            return Optional.empty();
        }
        ObjectMapper json = new ObjectMapper();
        for (String text : Files.readAllLines(LOG)) {
            JsonNode line = json.readTree(text);
            if (requestId.equals(line.path("mdc").path("requestId").asText())) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }
}
