package fr.civmil.health.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Authentication (401) and the role policy (403) at the gateway, against real tokens of the dev issuer.
 * The matrix below is written independently of the gateway's table (security/AccessPolicy) and mirrors
 * DESIGN §6 and the services' issues; docs/security.md shows the same matrix.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamsResource.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class GatewayPolicyTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> ROLES = List.of("ars", "ssa", "cnmss", "auditor", "admin", "visitor");
    private static final String EVERYONE = "ars ssa cnmss auditor admin";

    /** method, path, roles allowed (space-separated; empty: nobody). */
    private static final String[][] MATRIX = {
            // zones-service: reads by every role, writes by ars and admin; the reference geography is read-only.
            { "GET", "/api/v1/territories/regions/76", EVERYONE },
            { "POST", "/api/v1/territories/regions", "" },
            { "GET", "/api/v1/priority-zones/summary", EVERYONE },
            { "POST", "/api/v1/priority-zones", "ars admin" },
            { "PUT", "/api/v1/priority-zones/z-1", "ars admin" },
            { "GET", "/api/v1/consultation-sites", EVERYONE },
            { "PATCH", "/api/v1/consultation-sites/s-1", "ars admin" },
            { "GET", "/api/v1/solidarity-missions/m-1", EVERYONE },
            { "POST", "/api/v1/solidarity-missions/m-1/cancellation", "ars admin" },
            { "DELETE", "/api/v1/solidarity-missions/m-1", "ars admin" },
            // partnership-service: ars and ssa write; cnmss reads crisis activations only.
            { "GET", "/api/v1/partnerships/p-1/reviews", "ars ssa auditor admin" },
            { "POST", "/api/v1/partnerships/p-1/commitments", "ars ssa admin" },
            { "GET", "/api/v1/crisis-activations", EVERYONE },
            { "POST", "/api/v1/crisis-activations/c-1/stand-down", "ars ssa admin" },
            // referral-network-service: cnmss writes the directory; referral requests are cnmss's alone.
            { "GET", "/api/v1/doctors?departement=31", EVERYONE },
            { "POST", "/api/v1/doctors", "cnmss admin" },
            { "GET", "/api/v1/referral-requests/r-1", "cnmss" },
            { "POST", "/api/v1/referral-requests/r-1/assignments", "cnmss" },
            { "GET", "/api/v1/coverage/departements", EVERYONE },
            { "PUT", "/api/v1/coverage/departements", "" },
            // the gateway's own audit trail
            { "GET", "/api/v1/audit", "auditor admin" },
            { "GET", "/api/v1/audit/quota-refusals", "auditor admin" },
            { "GET", "/api/v1/audit/export", "" },
            // a routed prefix nobody wrote a policy for
            { "GET", "/api/test/unguarded/1", "" },
    };

    static Stream<Arguments> everyRowForEveryRole() {
        List<Arguments> cases = new ArrayList<>();
        for (String[] row : MATRIX) {
            Set<String> allowed = row[2].isBlank() ? Set.of() : Set.of(row[2].split(" "));
            for (String role : ROLES) {
                cases.add(Arguments.of(row[0], row[1], role, allowed.contains(role)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2}: allowed={3}")
    @MethodSource("everyRowForEveryRole")
    void theRoleMatrixIsEnforcedBeforeAnythingReachesAService(String method, String path, String role, boolean allowed) {
        var request = Tokens.as(role);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            request = request.contentType("application/json").body("{}");
        }
        ValidatableResponse response = request.request(method, path).then();
        if (allowed) {
            response.statusCode(200);
            if (!path.startsWith("/api/v1/audit")) {
                response.header("X-Upstream", notNullValue()).header("X-Seen-Method", method);
            }
        } else {
            response.statusCode(403).contentType(PROBLEM_JSON)
                    .header("X-Upstream", nullValue())
                    .body("type", is("urn:civmil:problem:forbidden"))
                    .body("status", is(403));
        }
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        given().get("/api/v1/priority-zones")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", is("Bearer realm=\"civmil-health\""))
                .header("X-Upstream", nullValue())
                .body("type", is("urn:civmil:problem:unauthenticated"))
                .body("detail", is("A bearer token is required"));
        given().header("Authorization", "Basic ZGV2LWFyczphcnM=").get("/api/v1/priority-zones")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("not a JWT", (Consumer<JwtClaims>) null, "aaa.bbb.ccc"),
                Arguments.of("expired", (Consumer<JwtClaims>) c -> {
                    c.setIssuedAt(Tokens.minutesAgo(30));
                    c.setExpirationTime(Tokens.minutesAgo(10));
                }, null),
                Arguments.of("other audience", (Consumer<JwtClaims>) c -> c.setAudience("another-api"), null),
                Arguments.of("other issuer", (Consumer<JwtClaims>) c -> c.setIssuer("https://idp.evil.example"), null),
                Arguments.of("unknown key", (Consumer<JwtClaims>) null, "stranger"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aTokenThatIsNotValidIs401AndNeverForwarded(String why, Consumer<JwtClaims> spoil, String kind) {
        JwtClaims claims = Tokens.claims("dev-ars", "admin");
        String token;
        if ("aaa.bbb.ccc".equals(kind)) {
            token = kind;
        } else if ("stranger".equals(kind)) {
            token = Tokens.signedByStranger(claims);
        } else {
            spoil.accept(claims);
            token = Tokens.signedByIssuer(claims);
        }
        Tokens.refused(given().header("Authorization", "Bearer " + token).get("/api/v1/priority-zones"));
    }

    @Test
    void aTokenSignedByTheIssuerByHandIsAccepted() {
        // Control for the cases above: the same hand-made token, unspoiled, passes.
        given().header("Authorization", "Bearer " + Tokens.signedByIssuer(Tokens.claims("hand-made", "ars")))
                .get("/api/v1/priority-zones").then().statusCode(200).header("X-Upstream", "zones");
    }

    @Test
    void aRefusalSaysWhichRolesTheRouteIsReservedTo() {
        Tokens.as("ars").get("/api/v1/referral-requests").then().statusCode(403)
                .body("detail", is("GET /api/v1/referral-requests/** is reserved to cnmss"));
        Tokens.as("admin").delete("/api/v1/territories/regions/76").then().statusCode(403)
                .body("detail", is("No access policy allows DELETE /api/v1/territories/regions/76"));
    }
}
