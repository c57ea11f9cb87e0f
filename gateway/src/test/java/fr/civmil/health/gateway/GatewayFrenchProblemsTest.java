package fr.civmil.health.gateway;

import static fr.civmil.health.gateway.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway's own refusals read in French when the caller prefers it, under the same types; English otherwise. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamsResource.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class GatewayFrenchProblemsTest {

    @Test
    void refusalsOfTheGatewayReadInFrench() {
        given().header("Accept-Language", "fr-FR,fr;q=0.9").get("/api/v1/priority-zones").then().statusCode(401)
                .body("type", equalTo("urn:civmil:problem:unauthenticated"))
                .body("title", equalTo("Non authentifié"))
                .body("detail", equalTo("Un jeton d'accès est requis"));
        as("ars").header("Accept-Language", "fr").get("/api/v1/referral-requests").then().statusCode(403)
                .body("type", equalTo("urn:civmil:problem:forbidden"))
                .body("title", equalTo("Interdit"))
                .body("detail", equalTo("GET /api/v1/referral-requests/** est réservé aux rôles cnmss"));
        as("admin").header("Accept-Language", "fr").get("/api/v1/nowhere").then().statusCode(404)
                .body("detail", equalTo("Aucun service ne sert /api/v1/nowhere"));
        as("auditor").header("Accept-Language", "fr").queryParam("status", "abc").get("/api/v1/audit").then().statusCode(400)
                .body("title", equalTo("Requête invalide"))
                .body("violations[0].message", equalTo("doit être un nombre entier"));
    }

    @Test
    void withoutAPreferenceForFrenchTheyStayInEnglish() {
        given().header("Accept-Language", "en, fr;q=0.8").get("/api/v1/priority-zones").then().statusCode(401)
                .body("title", equalTo("Unauthenticated")).body("detail", equalTo("A bearer token is required"));
        as("ars").get("/api/v1/referral-requests").then().statusCode(403)
                .body("detail", equalTo("GET /api/v1/referral-requests/** is reserved to cnmss"));
    }
}
