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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
