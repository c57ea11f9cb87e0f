package fr.civmil.health.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.gateway.security.AccessPolicy;
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

    /** Requests no row of the table covers, refused to every role (default deny). */
    private static final String[][] UNCOVERED = {
            { "POST", "/api/v1/territories/regions" }, // the reference geography is read-only
            { "PUT", "/api/v1/coverage/departements" },
            { "GET", "/api/v1/audit/export" },
            { "GET", "/api/test/unguarded/1" }, // a routed prefix nobody wrote a policy for
    };

    /** Each row of the gateway's table (AccessPolicy.BUILT_IN) for a read and a write it covers, then the uncovered. */
    static Stream<Arguments> everyRowForEveryRole() {
        List<Arguments> cases = new ArrayList<>();
        for (AccessPolicy.Rule rule : AccessPolicy.BUILT_IN) {
            String path = rule.pattern().endsWith("/**") ? rule.pattern().replace("/**", "/sample-1") : rule.pattern();
            for (String method : List.of("GET", "POST")) {
                if (rule.methods().contains(method)) {
                    ROLES.forEach(role -> cases.add(Arguments.of(method, path, role, rule.roles().contains(role))));
                }
            }
        }
        for (String[] request : UNCOVERED) {
            ROLES.forEach(role -> cases.add(Arguments.of(request[0], request[1], role, false)));
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
