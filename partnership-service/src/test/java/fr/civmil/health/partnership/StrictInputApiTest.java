package fr.civmil.health.partnership;

import static fr.civmil.health.partnership.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The defects the schema-driven fuzzer found in partnership-service (issue 11), each as the request that showed it
 * (a defence zone's activation request is CrisisActivationTest's).
 */
@QuarkusTest
class StrictInputApiTest {

    @Test
    void anOwnerGivenByPositionIsRefusedNotReadAsSsa() {
        String contract = Api.newContract();
        Map<String, Object> commitment = new HashMap<>(Api.commitment(1, "2027-06-30", List.of()));
        commitment.put("owner", 0);
        as("ssa").body(commitment).post("/api/v1/partnerships/" + contract + "/commitments").then().statusCode(400)
                .body("violations[0].field", equalTo("owner")).body("violations[0].message", equalTo("must be one of SSA, ARS, JOINT"));
        commitment.put("axis", "1");
        commitment.put("owner", "JOINT");
        as("ssa").body(commitment).post("/api/v1/partnerships/" + contract + "/commitments").then().statusCode(400)
                .body("violations[0].field", equalTo("axis")).body("violations[0].message", equalTo("must be an integer"));
        as("ssa").get("/api/v1/partnerships/" + contract + "/commitments").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void lineBreaksOnlyWhereTextSpansLines() {
        String contract = Api.newContract();
        Map<String, Object> commitment = new HashMap<>(Api.commitment(1, "2027-06-30", List.of()));
        commitment.put("description", "Premier trimestre :\n\t- deux journées à Auch\n\t- une à Condom");
        as("ssa").body(commitment).post("/api/v1/partnerships/" + contract + "/commitments").then().statusCode(201)
                .body("description", equalTo("Premier trimestre :\n\t- deux journées à Auch\n\t- une à Condom"));
        commitment.put("title", "Consultations\navancées");
        as("ssa").body(commitment).post("/api/v1/partnerships/" + contract + "/commitments").then().statusCode(400)
                .body("violations[0].field", equalTo("title"))
                .body("violations[0].message", equalTo("must be one line without control characters"));
    }

    @ParameterizedTest
    @CsvSource({ "page=x, page", "size=abc, size", "page=0.5, page", "page=100001, page", "status=, status", "status=draft, status" })
    void aMalformedQueryParameterIs400NamingItNot404(String query, String field) {
        as("ars").get("/api/v1/partnerships?" + query).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
    }

    @Test
    void aWriteOnAReadOnlyPathIs405WithAllow() {
        as("admin").delete("/api/v1/crisis-activations").then().statusCode(405).header("Allow", equalTo("GET, HEAD, POST, OPTIONS"));
    }
}
