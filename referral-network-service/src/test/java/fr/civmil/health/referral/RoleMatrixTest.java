package fr.civmil.health.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint with every role and without a token. Allowed callers get the endpoint's own answer
 * to a harmless request (an invalid body or an unknown id: nothing changes); others get 403, and
 * anonymous callers 401, both as problems.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class RoleMatrixTest {

    static final List<String> ROLES = List.of("ars", "ssa", "cnmss", "auditor", "admin");
    static final Set<String> DIRECTORY_READERS = Set.of("cnmss", "ars", "ssa", "auditor", "admin");
    static final Set<String> CNMSS = Set.of("cnmss");
    static final String UNKNOWN = UUID.randomUUID().toString();

    record Endpoint(String method, String path, String contentType, String body, Set<String> allowed, int allowedStatus) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/doctors", "application/json", "{}", CNMSS, 400),
            new Endpoint("POST", "/api/v1/doctors/imports", "text/csv", "not,a,header\n", CNMSS, 422),
            new Endpoint("GET", "/api/v1/doctors?specialty=GENERAL_PRACTICE", null, null, DIRECTORY_READERS, 200),
            new Endpoint("GET", "/api/v1/doctors/" + UNKNOWN, null, null, DIRECTORY_READERS, 404),
            new Endpoint("PUT", "/api/v1/doctors/" + UNKNOWN, "application/json", "{}", CNMSS, 400),
            new Endpoint("PUT", "/api/v1/doctors/" + UNKNOWN + "/capacity", "application/json", "{}", CNMSS, 400),
            new Endpoint("POST", "/api/v1/doctors/" + UNKNOWN + "/charter-transitions", "application/json", "{}", CNMSS, 400),
            new Endpoint("GET", "/api/v1/doctors/" + UNKNOWN + "/charter-history", null, null, DIRECTORY_READERS, 404),
            new Endpoint("POST", "/api/v1/referral-requests", "application/json", "{}", CNMSS, 400),
            new Endpoint("GET", "/api/v1/referral-requests", null, null, CNMSS, 200),
            new Endpoint("GET", "/api/v1/referral-requests/expiring", null, null, CNMSS, 200),
            new Endpoint("GET", "/api/v1/referral-requests/" + UNKNOWN, null, null, CNMSS, 404),
            new Endpoint("POST", "/api/v1/referral-requests/" + UNKNOWN + "/proposals", null, null, CNMSS, 404),
            new Endpoint("GET", "/api/v1/referral-requests/" + UNKNOWN + "/proposals", null, null, CNMSS, 404),
            new Endpoint("POST", "/api/v1/referral-requests/" + UNKNOWN + "/assignment", "application/json", "{}", CNMSS, 400),
            new Endpoint("POST", "/api/v1/referral-requests/" + UNKNOWN + "/cancellation", "application/json", "{}", CNMSS, 400),
            new Endpoint("POST", "/api/v1/referral-requests/" + UNKNOWN + "/closure", null, null, CNMSS, 404),
            new Endpoint("GET", "/api/v1/referral-requests/audit", null, null, Set.of("auditor", "admin"), 200),
            new Endpoint("GET", "/api/v1/coverage/departements", null, null, DIRECTORY_READERS, 200));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (String role : ROLES) {
                cases.add(Arguments.of(e.method() + " " + e.path(), role, e.allowed().contains(role) ? e.allowedStatus() : 403, e));
            }
            cases.add(Arguments.of(e.method() + " " + e.path(), "anonymous", 401, e));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void roleMatrix(String name, String role, int expected, Endpoint e) {
        RequestSpecification request = given();
        if (!role.equals("anonymous")) {
            request.header("Authorization", "Bearer " + Api.token(role));
        }
        if (e.contentType() != null) {
            request.contentType(e.contentType()).body(e.body());
        } else if (!e.method().equals("GET")) {
            request.contentType(ContentType.JSON);
        }
        var response = request.request(e.method(), e.path()).then().statusCode(expected);
        if (expected >= 400) {
            response.contentType("application/problem+json");
        }
        if (expected == 403) {
            response.body("type", equalTo("urn:civmil:problem:forbidden"));
        }
    }
}
