package fr.civmil.health.clients.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.devstack.testing.OperationSamples;
import fr.civmil.health.devstack.testing.OperationSamples.Call;

/**
 * The gateway's policy equals the roles the documents publish: every operation of the three documents, as the
 * running gateway serves them, is called through the gateway with every role; the gateway (or the service behind
 * it) refuses exactly the roles the operation's {@code x-roles} does not list. Each service's RoleMatrixTest proves
 * the service enforces its document; together the three agree.
 */
@ExtendWith(Stack.class)
class GatewayRoleMatrixTest {

    private static final List<String> SERVICES = List.of("zones-service", "partnership-service", "referral-network-service");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theGatewayRefusesExactlyTheRolesTheDocumentsDoNotList() throws Exception {
        List<String> disagreements = new ArrayList<>();
        int calls = 0;
        for (Call call : calls()) {
            assertFalse(call.roles().isEmpty(), call + " publishes no x-roles");
            for (String role : OperationSamples.ROLES) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.gateway() + call.path()))
                        .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body()));
                if (call.contentType() != null) {
                    request.header("Content-Type", call.contentType());
                }
                Stack.bearer(role).accept(request);
                HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                calls++;
                String disagreement = OperationSamples.disagreement(call, role, answer.statusCode(), answer.body());
                if (disagreement != null) {
                    disagreements.add(disagreement);
                }
            }
        }
        assertTrue(calls > 300, "only " + calls + " calls");
        assertEquals(List.of(), disagreements);
    }

    /**
     * Every path of every document, with every method it lists no operation for: 405 at the gateway, before its
     * role policy, with an Allow header listing exactly the methods the document does (plus HEAD for GET, and
     * OPTIONS), which OPTIONS answers too.
     */
    @Test
    void aMethodNoOperationListsIs405WithAllowAtTheGateway() throws Exception {
        List<String> disagreements = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode paths = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(Stack.gateway() + "/api-docs/" + service)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("paths");
            for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
                Set<String> listed = new TreeSet<>();
                path.getValue().fieldNames().forEachRemaining(method -> listed.add(method.toUpperCase(Locale.ROOT)));
                String concrete = path.getKey().replaceAll("\\{[^}]+\\}", "0d8b2a52-6a0e-4d43-9c1c-2f7f6f0b9e10");
                Set<String> expected = new TreeSet<>(listed);
                expected.add("OPTIONS");
                if (listed.contains("GET")) {
                    expected.add("HEAD");
                }
                HttpResponse<String> options = options(concrete);
                // The gateway reads the documents asynchronously, and retries every few seconds until a service is up.
                for (int wait = 0; wait < 50 && options.statusCode() != 204; wait++) {
                    Thread.sleep(200);
                    options = options(concrete);
                }
                if (options.statusCode() != 204 || !expected.equals(allow(options))) {
                    disagreements.add("OPTIONS " + path.getKey() + ": " + options.statusCode() + " " + allow(options));
                }
                for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE")) {
                    if (expected.contains(method)) {
                        continue;
                    }
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.gateway() + concrete))
                            .method(method, HttpRequest.BodyPublishers.noBody());
                    Stack.bearer("admin").accept(request);
                    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 405 || !expected.equals(allow(answer))
                            || !answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                        disagreements.add(method + " " + path.getKey() + ": " + answer.statusCode() + " Allow " + allow(answer));
                    }
                }
            }
        }
        assertEquals(List.of(), disagreements);
    }

    private static HttpResponse<String> options(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Stack.gateway() + path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> allow(HttpResponse<String> answer) {
        return new TreeSet<>(List.of(answer.headers().firstValue("Allow").orElse("").split(",\\s*")));
    }

    private static List<Call> calls() throws Exception {
        List<Call> calls = new ArrayList<>();
        for (String service : SERVICES) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(Stack.gateway() + "/api-docs/" + service)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), "/api-docs/" + service);
            calls.addAll(OperationSamples.of(JSON.readTree(answer.body())));
        }
        return calls;
    }
}
