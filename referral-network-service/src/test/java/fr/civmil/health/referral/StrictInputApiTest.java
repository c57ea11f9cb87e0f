package fr.civmil.health.referral;

import static fr.civmil.health.referral.Api.as;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** The defects the schema-driven fuzzer found in referral-network-service (issue 11), each as the request that showed it. */
@QuarkusTest
class StrictInputApiTest {

    @ParameterizedTest
    @CsvSource({ "POST, /api/v1/referral-requests/expiring, 'GET, HEAD, OPTIONS'", "PUT, /api/v1/coverage/departements, 'GET, HEAD, OPTIONS'",
            "TRACE, /api/v1/doctors, 'GET, HEAD, POST, OPTIONS'" })
    void aMethodThePathDoesNotAnswerIs405WithAllow(String method, String path, String allow) {
        as("admin").request(method, path).then().statusCode(405).contentType("application/problem+json")
                .header("Allow", equalTo(allow)).body("type", equalTo("urn:civmil:problem:method-not-allowed"));
    }

    @ParameterizedTest
    @CsvSource({ "accepting=yes, accepting", "accepting=, accepting", "departementCode=, departementCode", "charterStatus=0, charterStatus",
            "page=0.5, page" })
    void aMalformedSearchParameterIs400NamingIt(String query, String field) {
        as("cnmss").get("/api/v1/doctors?" + query).then().statusCode(400).body("violations[0].field", equalTo(field));
    }
}
