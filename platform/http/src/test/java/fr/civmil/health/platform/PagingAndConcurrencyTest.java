package fr.civmil.health.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Collections are paged with a total and a stable sort; updates need the current ETag. */
@QuarkusTest
class PagingAndConcurrencyTest {

    private long create(String title) {
        return given().contentType(ContentType.JSON).body("{\"title\":\"" + title + "\",\"siren\":\"200044469\"}")
                .when().post("/test/notes").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void pagesCarryTheTotalAndHonourSize() {
        for (int i = 0; i < 5; i++) {
            create("page-" + i);
        }
        given().queryParam("size", 2).queryParam("page", 1).queryParam("sort", "-id")
                .when().get("/test/notes")
                .then().statusCode(200)
                .body("items", hasSize(2)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(5));
    }

    @Test
    void sortIsStableAndValidated() {
        create("b-same");
        create("a-same");
        given().queryParam("sort", "title").queryParam("size", 200).when().get("/test/notes")
                .then().statusCode(200).body("items.title.findAll { it.endsWith('-same') }", contains("a-same", "b-same"));
        given().queryParam("sort", "password").when().get("/test/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("sort"));
    }

    @Test
    void sizeAbove200AndNegativePagesAreRejected() {
        given().queryParam("size", 201).when().get("/test/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("size"));
        given().queryParam("page", -1).when().get("/test/notes")
                .then().statusCode(400).body("violations[0].field", equalTo("page"));
    }

    @Test
    void aPageWhoseOffsetWouldOverflowIsAClientErrorNamingThePage() {
        // 107374183 × 20 passes 2^31 − 1: this answered 500 ("First result cannot be negative").
        given().queryParam("page", 107374183).queryParam("size", 20).when().get("/test/notes")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("page"));
        given().queryParam("page", 100000).queryParam("size", 200).when().get("/test/notes").then().statusCode(200);
    }

    @Test
    void updatesRequireTheCurrentEtag() {
        long id = create("versioned");
        String etag = given().when().get("/test/notes/" + id).then().statusCode(200).extract().header("ETag");
        String body = "{\"title\":\"renamed\",\"siren\":\"200044469\"}";

        given().contentType(ContentType.JSON).body(body).when().put("/test/notes/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:precondition-required"));
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body).when().put("/test/notes/" + id)
                .then().statusCode(200).body("title", equalTo("renamed"));
        // The same (now stale) ETag again: someone else's update would be lost.
        given().contentType(ContentType.JSON).header("If-Match", etag).body("{\"title\":\"lost\",\"siren\":\"200044469\"}")
                .when().put("/test/notes/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:precondition-failed"));
        given().when().get("/test/notes/" + id).then().body("title", equalTo("renamed"));
    }
}
