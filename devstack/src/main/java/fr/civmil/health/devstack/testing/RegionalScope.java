package fr.civmil.health.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fr.civmil.health.devstack.TestInfrastructure;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The région dimension of the role matrix, for each service's RegionalScopeTest. */
public final class RegionalScope {

    private RegionalScope() {
    }

    /** A JSON request by an ARS agent of this région (claim {@code region}). */
    public static RequestSpecification arsOf(String regionCode) {
        return given().auth().oauth2(TestInfrastructure.token("dev-ars-" + regionCode, "ars", regionCode)).contentType(ContentType.JSON);
    }

    /** The refusal of a write outside the token's région, naming the région it may act on and the one refused. */
    public static void outsideRegion(ValidatableResponse answer, String mayActOn, String refused) {
        answer.statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:outside-region"))
                .body("detail", containsString("région " + mayActOn))
                .body("detail", containsString("not on " + refused));
    }
}
