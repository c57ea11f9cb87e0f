package fr.civmil.health.clients.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The gateway serves, without a token, the very documents the build wrote and the clients were generated from. */
@ExtendWith(Stack.class)
class ApiDocsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Stack.gateway() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "zones-service", "partnership-service", "referral-network-service" })
    void theGatewayServesTheDocumentsAsBuilt(String service) throws Exception {
        HttpResponse<String> openApi = get("/api-docs/" + service);
        assertEquals(200, openApi.statusCode());
        Path built = Path.of(System.getProperty("civmil.root", "..")).resolve(service).resolve("target/openapi/openapi.json");
        assertEquals(JSON.readTree(built.toFile()), JSON.readTree(openApi.body()), "/api-docs/" + service + " differs from " + built);

        HttpResponse<String> asyncApi = get("/api-docs/" + service + "/asyncapi");
        assertEquals(200, asyncApi.statusCode());
        assertTrue(asyncApi.body().contains("asyncapi") && asyncApi.body().contains("3.0.0"), asyncApi.body().substring(0, Math.min(200, asyncApi.body().length())));
    }
}
