package fr.civmil.health.clients.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads answers as an integrator would, whatever the generated client (each has its own ApiResponse and ApiException). */
final class Responses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    /** The ETag of a response (ApiResponse.getHeaders(): case-insensitive, as java.net.http gives them). */
    static String etag(Map<String, List<String>> headers) {
        return headers.get("ETag").get(0);
    }

    /** Checks a refusal: the status and the problem's stable type, never its detail (docs/api.md). */
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
