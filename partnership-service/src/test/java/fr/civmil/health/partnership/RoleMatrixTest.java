package fr.civmil.health.partnership;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Every endpoint × every role (and no token): allowed roles get through, others get 403, anonymous 401. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class RoleMatrixTest {

    private static final Set<String> READ = Set.of("ars", "ssa", "auditor", "admin");
    private static final Set<String> WRITE = Set.of("ars", "ssa", "admin");
    private static final Set<String> CRISIS_READ = Set.of("ars", "ssa", "cnmss", "auditor", "admin");
    private static final List<String> ROLES = List.of("ars", "ssa", "cnmss", "auditor", "admin");

    private record Endpoint(String method, String path, Supplier<Object> body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Real resources for the paths' placeholders, created once through the API. */
    private static final class Fixture {
        static Map<String, String> ids;

        static synchronized Map<String, String> get() {
            if (ids == null) {
                String contract = Api.newContract();
                String commitment = Api.newCommitment(contract, "2027-12-31");
                String indicator = Api.as("ars").body(IndicatorTest.indicator(commitment, 0, 10, "HIGHER_IS_BETTER"))
                        .post("/api/v1/partnerships/" + contract + "/indicators").then().statusCode(201).extract().path("id");
                int year = LocalDate.now().getYear();
                Api.as("ars").body(Map.of("year", year)).post("/api/v1/partnerships/" + contract + "/reviews").then().statusCode(201);
                String activation = CrisisActivationTest.request("ars", "NRC", "971");
                String reinforcement = Api.as("ars").body(Map.of("type", "OTHER", "quantity", 1, "place", "Pointe-à-Pitre"))
                        .post("/api/v1/crisis-activations/" + activation + "/reinforcements").then().statusCode(201).extract().path("id");
                ids = Map.of("{contract}", contract, "{commitment}", commitment, "{indicator}", indicator, "{year}", String.valueOf(year),
                        "{activation}", activation, "{reinforcement}", reinforcement);
            }
            return ids;
        }
    }

    static List<Endpoint> endpoints() {
        String c = "/api/v1/partnerships/{contract}";
        String r = c + "/reviews/{year}";
        String a = "/api/v1/crisis-activations/{activation}";
        Supplier<Object> none = () -> null;
        Supplier<Object> empty = Map::of;
        return List.of(
                new Endpoint("GET", "/api/v1/partnerships", none, READ),
                new Endpoint("POST", "/api/v1/partnerships", () -> Api.contract("M-" + UUID.randomUUID()), WRITE),
                new Endpoint("GET", c, none, READ),
                new Endpoint("PUT", c, () -> Map.of("title", "t", "legalBasis", "L6147-12", "parties", List.of("ARS"), "signatories", List.of(),
                        "frameworkReferences", List.of(), "periodStart", "2025-01-01", "periodEnd", "2026-01-01"), WRITE),
                new Endpoint("POST", c + "/status", () -> Map.of("status", "TERMINATED", "reason", "matrix"), WRITE),
                new Endpoint("GET", c + "/commitments", none, READ),
                new Endpoint("POST", c + "/commitments", () -> Api.commitment(1, "2027-01-01", List.of()), WRITE),
                new Endpoint("GET", c + "/commitments/{commitment}", none, READ),
                new Endpoint("PUT", c + "/commitments/{commitment}", () -> Api.commitment(2, "2027-01-01", List.of()), WRITE),
                new Endpoint("POST", c + "/commitments/{commitment}/status", () -> Map.of("status", "IN_PROGRESS"), WRITE),
                new Endpoint("GET", c + "/indicators", none, READ),
                new Endpoint("POST", c + "/indicators", () -> IndicatorTest.indicator(Fixture.get().get("{commitment}"), 0, 5, "HIGHER_IS_BETTER"), WRITE),
                new Endpoint("GET", c + "/indicators/{indicator}", none, READ),
                new Endpoint("GET", c + "/indicators/{indicator}/measurements", none, READ),
                new Endpoint("POST", c + "/indicators/{indicator}/measurements", () -> Map.of("date", LocalDate.now().toString(), "value", 1), WRITE),
                new Endpoint("GET", "/api/v1/partnerships/figures/consultation-days?region=76&from=2026-01&to=2026-12", none, READ),
                new Endpoint("GET", "/api/v1/partnerships/figures/referenced-doctors?region=76", none, READ),
                new Endpoint("GET", c + "/reviews", none, READ),
                new Endpoint("POST", c + "/reviews", () -> Map.of("year", 2025), WRITE),
                new Endpoint("GET", r, none, READ),
                new Endpoint("POST", r + "/snapshot", empty, WRITE),
                new Endpoint("POST", r + "/comments", () -> Map.of("commitmentId", Fixture.get().get("{commitment}"), "text", "matrix"), WRITE),
                new Endpoint("POST", r + "/signatures/SSA", none, Set.of("ssa", "admin")),
                new Endpoint("POST", r + "/signatures/ARS", none, Set.of("ars", "admin")),
                new Endpoint("GET", r + "/comparison?with=2025", none, READ),
                new Endpoint("GET", r + "/export.csv", none, READ),
                new Endpoint("GET", r + "/export.html", none, READ),
                new Endpoint("GET", "/api/v1/crisis-activations", none, CRISIS_READ),
                new Endpoint("POST", "/api/v1/crisis-activations", () -> CrisisActivationTest.activation("REB", "972"), WRITE),
                new Endpoint("GET", a, none, CRISIS_READ),
                new Endpoint("POST", a + "/activation", none, WRITE),
                new Endpoint("GET", a + "/reinforcements", none, CRISIS_READ),
                new Endpoint("POST", a + "/reinforcements", () -> Map.of("type", "OTHER", "quantity", 2, "place", "Fort-de-France"), WRITE),
                new Endpoint("GET", a + "/reinforcements/{reinforcement}", none, CRISIS_READ),
                new Endpoint("POST", a + "/reinforcements/{reinforcement}/status", () -> Map.of("status", "COMMITTED"), WRITE),
                new Endpoint("POST", a + "/stand-down", () -> Map.of("notes", "matrix"), WRITE));
    }

    static Stream<Arguments> matrix() {
        // Plain strings as arguments: Quarkus clones each argument into the application's class loader.
        List<Arguments> cases = new ArrayList<>();
        List<Endpoint> endpoints = endpoints();
        for (int i = 0; i < endpoints.size(); i++) {
            cases.add(Arguments.of(i + " " + endpoints.get(i), null));
            for (String role : ROLES) {
                cases.add(Arguments.of(i + " " + endpoints.get(i), role));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyWhatTheMatrixSays(String name, String role) {
        Endpoint endpoint = endpoints().get(Integer.parseInt(name.substring(0, name.indexOf(' '))));
        String path = endpoint.path();
        for (var id : Fixture.get().entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        RequestSpecification request = given().contentType("application/json").header("If-Match", "*");
        if (role != null) {
            request.auth().oauth2(Api.token(role));
        }
        Object body = endpoint.body().get();
        if (body != null) {
            request.body(body);
        }
        int status = request.request(endpoint.method(), path).statusCode();
        if (role == null) {
            assertEquals(401, status, "anonymous");
        } else if (endpoint.allowed().contains(role)) {
            assertTrue(status != 401 && status != 403 && status < 500, role + " is allowed but got " + status);
        } else {
            assertEquals(403, status, role + " must be refused");
        }
    }
}
