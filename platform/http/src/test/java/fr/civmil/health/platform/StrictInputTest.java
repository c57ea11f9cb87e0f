package fr.civmil.health.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The strictness policy every service inherits: a value is read as the type its schema states or refused with a
 * 400 naming the field, never coerced, and text carries no control character.
 */
@QuarkusTest
class StrictInputTest {

    private static String note(String extra) {
        return "{\"title\":\"Pays de Mirepoix\",\"siren\":\"200044469\"" + extra + "}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"title\":false            | title | must be a string",
            "\"title\":12               | title | must be a string",
            "\"days\":\"2\"             | days  | must be an integer",
            "\"days\":2.7               | days  | must be an integer",
            "\"days\":true              | days  | must be an integer",
            "\"kind\":0                 | kind  | must be one of MEMO, MINUTES",
            "\"kind\":\"0\"             | kind  | must be one of MEMO, MINUTES",
            "\"kind\":\"memo\"          | kind  | must be one of MEMO, MINUTES",
            "\"urgent\":\"true\"        | urgent | must be true or false",
            "\"urgent\":1               | urgent | must be true or false",
            "\"days\":\"\"              | days  | must be an integer",
            "\"kind\":\"\"              | kind  | must be one of MEMO, MINUTES",
            "\"lines\":{\"text\":\"a\"} | lines | must be an array",
            "\"share\":\"8\"            | share | must be a number",
            "\"share\":true           | share | must be a number"
    })
    void scalarsAreNeverCoerced(String field, String name, String message) {
        String body = "{\"title\":\"Pays de Mirepoix\",\"siren\":\"200044469\"," + field + "}";
        if (name.equals("title")) {
            body = "{\"siren\":\"200044469\"," + field + "}";
        }
        given().contentType(ContentType.JSON).body(body)
                .when().post("/test/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(name))
                .body("violations[0].message", equalTo(message));
    }

    @Test
    void anIntegerIsANumber() {
        given().contentType(ContentType.JSON).body(note(",\"share\":8,\"days\":2"))
                .when().post("/test/notes").then().statusCode(201);
    }

    @Test
    void duplicateKeysAndTrailingContentAreMalformed() {
        given().contentType(ContentType.JSON).body("{\"title\":\"a\",\"title\":\"b\",\"siren\":\"200044469\"}")
                .when().post("/test/notes").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(note("") + " {}")
                .when().post("/test/notes").then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\\u001b[31mred", "del\\u007f", "a\\u0085b", "two\\nlines", "tab\\there", "nul\\u0000" })
    void oneLineTextRefusesControlCharactersWithoutEchoingThem(String title) {
        given().contentType(ContentType.JSON).body("{\"title\":\"" + title + "\",\"siren\":\"200044469\"}")
                .when().post("/test/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("title"))
                .body("violations[0].message", equalTo("must be one line without control characters"))
                .body(not(containsString("red")));
    }

    @Test
    void multiLineTextAcceptsTabsAndLineBreaksOnly() {
        given().contentType(ContentType.JSON).body(note(",\"body\":\"Ordre du jour :\\n\\t1. bilan\\r\\n\""))
                .when().post("/test/notes").then().statusCode(201);
        given().contentType(ContentType.JSON).body(note(",\"body\":\"bell\\u0007\""))
                .when().post("/test/notes")
                .then().statusCode(400).body("violations[0].field", equalTo("body"))
                .body("violations[0].message", equalTo("must not contain control characters other than tab and line breaks"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "limit=x        | limit  | must be an integer",
            "limit=0.5      | limit  | must be an integer",
            "limit=51       | limit  | must be less than or equal to 50",
            "limit=         | limit  | must not be empty; leave the parameter out instead",
            "urgent=yes     | urgent | must be true or false",
            "urgent=1       | urgent | must be true or false",
            "kind=memo      | kind   | must be one of MEMO, MINUTES",
            "kind=          | kind   | must not be empty; leave the parameter out instead",
            "q=             | q      | must not be empty; leave the parameter out instead",
            "q=a%1Bb        | q      | must be one line without control characters",
            "kind=MEMO&kind=MINUTES | kind | must be given once",
            "colour=red     | colour | is not a parameter of this operation; its parameters are kind, limit, q, urgent"
    })
    void queryParametersAreParsedStrictlyAndNamed(String query, String name, String message) {
        given().urlEncodingEnabled(false).when().get("/test/notes/search?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(name))
                .body("violations[0].message", equalTo(message));
    }

    @Test
    void wellFormedParametersPass() {
        given().when().get("/test/notes/search?kind=MINUTES&urgent=false&limit=3&q=bilan")
                .then().statusCode(200).body("kind", equalTo("MINUTES")).body("urgent", equalTo("false"))
                .body("limit", equalTo("3")).body("q", equalTo("bilan"));
        given().when().get("/test/notes/search").then().statusCode(200).body("limit", equalTo("10"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0000-00", "0000-01", "2026-00", "2026-1", "12026-01" })
    void monthsOutsideTheCalendarAreRefused(String month) {
        given().queryParam("month", month).when().get("/test/notes/calendar")
                .then().statusCode(400).body("violations[0].field", equalTo("month"));
    }

    @Test
    void aMalformedUuidInThePathIsNamed() {
        given().when().get("/test/notes/by-reference/1-1-1-1-1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("reference"));
        given().when().get("/test/notes/by-reference/0d8b2a52-6a0e-4d43-9c1c-2f7f6f0b9e10")
                .then().statusCode(200);
    }

    @Test
    void anyVersionIsNotAVersion() {
        String id = given().contentType(ContentType.JSON).body(note("")).when().post("/test/notes")
                .then().statusCode(201).extract().path("id").toString();
        given().contentType(ContentType.JSON).header("If-Match", "*").body(note(""))
                .when().put("/test/notes/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:precondition-required"));
        given().when().get("/test/notes/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""));
    }

    @Test
    void anUnsupportedMethodIs405WithAllow() {
        given().when().delete("/test/notes")
                .then().statusCode(405).contentType("application/problem+json")
                .header("Allow", containsString("GET"))
                .header("Allow", containsString("POST"));
        given().when().request("TRACE", "/test/notes").then().statusCode(405).header("Allow", containsString("GET"));
    }

    @Test
    void headAndOptionsFollowTheRfc() {
        given().when().head("/test/notes").then().statusCode(200).body(equalTo(""));
        given().when().options("/test/notes").then().statusCode(200)
                .header("Allow", containsString("GET")).header("Allow", containsString("POST"));
    }
}
