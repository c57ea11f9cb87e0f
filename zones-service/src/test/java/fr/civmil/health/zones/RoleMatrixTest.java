package fr.civmil.health.zones;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint × every role: without a token 401; writes by ars and admin only (403 otherwise);
 * reads by every role. An allowed call may still fail for its own reasons (404, 400…), never 401/403.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final List<String> ROLES = List.of("ars", "ssa", "cnmss", "auditor", "admin");
    private static final List<String> WRITERS = List.of("ars", "admin");
    private static final String ID = "5f0c7a8e-2f7b-4a53-9d8e-0b8f3f1c2d11";

    record Endpoint(String method, String path, boolean write, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        return List.of(
                read("/api/v1/territories/regions"), read("/api/v1/territories/regions/76"),
                read("/api/v1/territories/departements?region=76"), read("/api/v1/territories/departements/09"),
                read("/api/v1/territories/epci/200044469"), read("/api/v1/territories/epci?departement=09"),
                read("/api/v1/territories/communes/09194"), read("/api/v1/territories/communes?q=mirepoix"),
                read("/api/v1/priority-zones"), read("/api/v1/priority-zones/summary?region=76"),
                read("/api/v1/priority-zones/" + ID), read("/api/v1/priority-zones/" + ID + "/transitions"),
                read("/api/v1/priority-zones/" + ID + "/coverage?from=2026-01&to=2026-02"),
                read("/api/v1/priority-zones/coverage-ranking?month=2026-01"),
                read("/api/v1/priority-zones/" + ID + "/intern-placements"),
                read("/api/v1/consultation-sites"), read("/api/v1/consultation-sites/" + ID),
                read("/api/v1/solidarity-missions"), read("/api/v1/solidarity-missions/" + ID),
                write("POST", "/api/v1/priority-zones", "application/json", "{}"),
                write("POST", "/api/v1/priority-zones/bulk-designations?campaign=matrix", "text/csv", "epci_siren\n"),
                write("PUT", "/api/v1/priority-zones/" + ID, "application/json", "{}"),
                write("POST", "/api/v1/priority-zones/" + ID + "/transitions", "application/json", "{}"),
                write("POST", "/api/v1/priority-zones/" + ID + "/intern-placements", "application/json", "{}"),
                write("POST", "/api/v1/consultation-sites", "application/json", "{}"),
                write("POST", "/api/v1/consultation-sites/" + ID + "/transitions", "application/json", "{}"),
                write("POST", "/api/v1/solidarity-missions", "application/json", "{}"),
                write("POST", "/api/v1/solidarity-missions/" + ID + "/transitions", "application/json", "{}"));
    }

    static Stream<Arguments> matrix() {
        return endpoints().stream().flatMap(e -> ROLES.stream().map(role -> Arguments.of(e, role)));
    }

    private static Endpoint read(String path) {
        return new Endpoint("GET", path, false, null, null);
    }

    private static Endpoint write(String method, String path, String contentType, String body) {
        return new Endpoint(method, path, true, contentType, body);
    }

    private static RequestSpecification request(Endpoint e) {
        RequestSpecification spec = given();
        if (e.body() != null) {
            spec = spec.contentType(e.contentType()).body(e.body());
        }
        return spec.accept(ContentType.ANY);
    }

    @ParameterizedTest(name = "{0} without a token")
    @MethodSource("endpoints")
    void withoutATokenEveryEndpointIsUnauthenticated(Endpoint e) {
        request(e).request(e.method(), e.path()).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:unauthenticated"));
        request(e).auth().oauth2("not.a.token").request(e.method(), e.path()).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachRoleGetsWhatTheMatrixSays(Endpoint e, String role) {
        int status = request(e).auth().oauth2(Api.token(role)).request(e.method(), e.path()).then().extract().statusCode();
        if (e.write() && !WRITERS.contains(role)) {
            request(e).auth().oauth2(Api.token(role)).request(e.method(), e.path()).then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("urn:civmil:problem:forbidden"));
        } else {
            assertNotEquals(401, status, e + " as " + role);
            assertNotEquals(403, status, e + " as " + role);
        }
    }
}
