package fr.civmil.health.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.devstack.TestInfrastructure;
import fr.civmil.health.devstack.testing.OperationSamples.Call;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The role matrix as the service enforces it equals the one its OpenAPI document publishes ({@code x-roles} on every
 * operation, derived from {@code @RolesAllowed}): every operation of the served document is called without a token
 * (401), with a role it does not list (403 {@code forbidden}) and with each role it lists (neither 401 nor 403: the
 * call may still fail for its own reasons, as the sample ids name nothing). The gateway's policy is compared with
 * the same documents by the clients module's end-to-end suite.
 */
public abstract class RoleMatrixContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The served document's operations (read once the application is up: not in a static parameter source). */
    private static List<Call> calls() {
        try {
            return OperationSamples.of(JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .extract().asString()));
        } catch (Exception e) {
            throw new IllegalStateException("the served OpenAPI document cannot be read", e);
        }
    }

    @Test
    void everyOperationIsEnforcedAsItsDocumentSays() {
        List<String> disagreements = new ArrayList<>();
        List<Call> calls = calls();
        for (Call call : calls) {
            if (call.roles().isEmpty()) {
                disagreements.add(call + " publishes no x-roles");
            }
            int anonymous = request(call).request(call.method(), call.path()).then().extract().statusCode();
            if (anonymous != 401) {
                disagreements.add(call + " without a token: " + anonymous);
            }
            for (String role : OperationSamples.ROLES) {
                var answer = request(call).auth().oauth2(AsRole.token(role)).request(call.method(), call.path()).then().extract();
                String disagreement = OperationSamples.disagreement(call, role, answer.statusCode(), answer.body().asString());
                if (disagreement != null) {
                    disagreements.add(disagreement);
                }
            }
        }
        assertFalse(calls.isEmpty(), "the document has no operation");
        assertEquals(List.of(), disagreements);
    }

    /**
     * The région dimension of the matrix: every write an {@code ars} token may make is limited to the token's région
     * ({@code x-region-scoped}, its 403 listing {@code outside-region}); each service proves the refusal itself on real
     * resources (RegionalScopeTest), and an {@code ars} token of another région is refused on no read.
     */
    @Test
    void everyArsWriteIsLimitedToTheTokensRegion() throws Exception {
        JsonNode document = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> unscoped = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            boolean write = List.of("post", "put", "patch", "delete").contains(operation.getKey());
            boolean ars = false;
            for (JsonNode role : operation.getValue().path("x-roles")) {
                ars |= role.asText().equals("ars");
            }
            boolean scoped = operation.getValue().path("x-region-scoped").asBoolean(false);
            if (write && ars != scoped) {
                unscoped.add(operation.getKey().toUpperCase() + " " + path.getKey() + (scoped ? " is region-scoped but ars may not call it" : " is open to ars in every région"));
            }
            if (scoped && !operation.getValue().path("responses").path("403").path("description").asText().contains("outside-region")) {
                unscoped.add(operation.getKey().toUpperCase() + " " + path.getKey() + " does not list outside-region among its 403s");
            }
        }));
        assertEquals(List.of(), unscoped);
        String otherRegionArs = TestInfrastructure.token("dev-ars-11", "ars", "11");
        for (Call call : calls()) {
            if (call.method().equals("GET") && call.roles().contains("ars")) {
                int status = request(call).auth().oauth2(otherRegionArs).request(call.method(), call.path()).then().extract().statusCode();
                assertTrue(status != 401 && status != 403, call + " refuses an ars token of another région: " + status);
            }
        }
    }

    private static RequestSpecification request(Call call) {
        RequestSpecification spec = given().accept(ContentType.ANY);
        return call.body() == null ? spec : spec.contentType(call.contentType()).body(call.body());
    }
}
