package fr.civmil.health.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every kind of failure comes back as RFC 9457 problem+json, with nothing internal leaked. */
@QuarkusTest
class ProblemDetailsTest {

    private static final String VALID = "{\"title\":\"Pays de Mirepoix\",\"siren\":\"200044469\",\"days\":2}";

    @Test
    void validationErrorsListEveryFieldByItsJsonName() {
        given().contentType(ContentType.JSON)
                .body("{\"title\":\" \",\"siren\":\"200044468\",\"days\":-1,\"lines\":[{\"text\":\"\"}]}")
                .when().post("/test/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:validation"))
                .body("status", equalTo(400))
                .body("detail", equalTo("4 fields are invalid"))
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("siren"))
                .body("violations.field", hasItem("days"))
                .body("violations.field", hasItem("lines[0].text"))
                .body("violations.find { it.field == 'siren' }.message", containsString("Luhn"));
    }

    @Test
    void aReaderWhoPrefersFrenchReadsFrenchTextsUnderTheSameTypes() {
        String french = "fr-FR,fr;q=0.9,en;q=0.8";
        given().contentType(ContentType.JSON).header("Accept-Language", french)
                .body("{\"title\":\" \",\"siren\":\"200044468\",\"days\":-1,\"lines\":[{\"text\":\"\"}]}")
                .when().post("/test/notes")
                .then().statusCode(400)
                .body("type", equalTo("urn:civmil:problem:validation"))
                .body("title", equalTo("Requête invalide"))
                .body("detail", equalTo("4 champs sont invalides"))
                .body("violations.find { it.field == 'siren' }.message", equalTo("doit être un SIREN valide (9 chiffres avec une clé de Luhn)"))
                .body("violations.find { it.field == 'title' }.message", equalTo("ne doit pas être vide"));
        given().header("Accept-Language", french).when().get("/test/notes/987654")
                .then().statusCode(404).body("type", equalTo("urn:civmil:problem:not-found"))
                .body("title", equalTo("Introuvable")).body("detail", equalTo("La note 987654 n'existe pas"));
        given().contentType(ContentType.JSON).header("Accept-Language", french).body("{\"title\":\"x\",\"siren\":\"200044469\",\"days\":\"two\"}")
                .when().post("/test/notes")
                .then().statusCode(400).body("detail", equalTo("days : doit être un nombre entier"));
        // English first, or no preference: English.
        given().header("Accept-Language", "en-GB,fr;q=0.5").when().get("/test/notes/987654")
                .then().body("title", equalTo("Not found")).body("detail", equalTo("Note 987654 does not exist"));
        given().header("Accept-Language", "de").when().get("/test/notes/987654").then().body("title", equalTo("Not found"));
    }

    @Test
    void unknownPropertiesAreRejected() {
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"siren\":\"200044469\",\"population\":10584}")
                .when().post("/test/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:unknown-property"))
                .body("violations[0].field", equalTo("population"));
    }

    @Test
    void malformedJsonAndWrongTypesAreClientErrors() {
        given().contentType(ContentType.JSON).body("{\"title\": \"x\", ")
                .when().post("/test/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:malformed-json"));
        given().contentType(ContentType.JSON).body("{\"title\":\"x\",\"siren\":\"200044469\",\"days\":\"two\"}")
                .when().post("/test/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("days"));
        given().contentType(ContentType.JSON)
                .when().post("/test/notes")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownResourceIsNotFound() {
        given().when().get("/test/notes/987654")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:not-found"))
                .body("detail", equalTo("Note 987654 does not exist"));
        given().when().get("/test/nowhere")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unsupportedMediaTypesAre415And406() {
        given().contentType(ContentType.TEXT).body("hello")
                .when().post("/test/notes")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:unsupported-media-type"));
        given().accept("text/csv")
                .when().get("/test/notes")
                .then().statusCode(406).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:not-acceptable"));
    }

    @Test
    void unexpectedErrorsGiveAnErrorIdAndLeakNothing() {
        given().when().get("/test/notes/boom")
                .then().statusCode(500).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:internal"))
                .body("errorId", notNullValue())
                .body(allOf(not(containsString("secret_table")), not(containsString("IllegalStateException")),
                        not(containsString("at fr.civmil"))));
    }

    @Test
    void aDatabaseAwayIsA503TheCallerMayRetryNotAnInternalError() {
        given().when().get("/test/notes/database-away")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:civmil:problem:service-unavailable"))
                .body("errorId", nullValue())
                .body(not(containsString("127.0.0.1")));
    }

    @Test
    void malformedDateAndMonthParametersAreNamed() {
        given().queryParam("month", "2026-13").when().get("/test/notes/calendar")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("month"));
        given().queryParam("date", "23/11/2026").when().get("/test/notes/calendar")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("date"));
        given().queryParam("month", "2026-11").queryParam("date", "2026-11-23").when().get("/test/notes/calendar")
                .then().statusCode(200).body("month", equalTo("2026-11")).body("date", equalTo("2026-11-23"));
    }

    @Test
    void authenticationAndRolesAreProblems() {
        given().when().get("/test/notes/secure")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:civmil:problem:unauthenticated"));
        given().auth().oauth2("not-a-jwt").when().get("/test/notes/secure")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestInfrastructure.token("dev-cnmss", "cnmss")).when().get("/test/notes/secure")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:forbidden"));
        given().auth().oauth2(TestInfrastructure.token("dev-ars", "ars")).when().get("/test/notes/secure")
                .then().statusCode(200).body("ok", equalTo("ars only"));
    }

    @Test
    void aVerifiedTokenIsRememberedOnlyAsTheExactStringThatPassed() {
        String token = TestInfrastructure.token("dev-ars", "ars");
        for (int i = 0; i < 3; i++) { // the first call verifies it, the next ones find it verified
            given().auth().oauth2(token).when().get("/test/notes/secure").then().statusCode(200);
        }
        // Same header and claims, another signature: never taken for the token that passed.
        int dot = token.lastIndexOf('.');
        char c = token.charAt(dot + 5); // inside the signature, where every bit counts
        String forged = token.substring(0, dot + 5) + (c == 'A' ? 'Q' : 'A') + token.substring(dot + 6);
        given().auth().oauth2(forged).when().get("/test/notes/secure")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token.substring(0, dot + 1) + "c2lnbmF0dXJl").when().get("/test/notes/secure")
                .then().statusCode(401);
        // A verified token still carries only its own roles.
        String cnmss = TestInfrastructure.token("dev-cnmss", "cnmss");
        given().auth().oauth2(cnmss).when().get("/test/notes/secure").then().statusCode(403);
        given().auth().oauth2(cnmss).when().get("/test/notes/secure").then().statusCode(403);
    }

    @Test
    void aValidCreationHasNoProblem() {
        given().contentType(ContentType.JSON).body(VALID)
                .when().post("/test/notes")
                .then().statusCode(201).body("errorId", nullValue()).body("title", equalTo("Pays de Mirepoix"));
    }
}
