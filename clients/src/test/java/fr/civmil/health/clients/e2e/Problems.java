package fr.civmil.health.clients.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks a refusal as an integrator would: the status and the problem's stable type (docs/api.md). */
final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** Asserts the status and type {@code urn:civmil:problem:<slug>} of a generated client's ApiException. */
    static JsonNode assertProblem(int status, String slug, int actualStatus, String body) {
        assertEquals(status, actualStatus, body);
        try {
            JsonNode problem = JSON.readTree(body);
            assertEquals("urn:civmil:problem:" + slug, problem.path("type").asText(), body);
            assertEquals(status, problem.path("status").asInt(), body);
            return problem;
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not a problem+json body: " + body, e);
        }
    }
}
