package fr.civmil.health.referral;

import static fr.civmil.health.referral.Api.as;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** CNMSS staff read the refusals in French when their client prefers it; the types stay; English is the default. */
@QuarkusTest
class FrenchProblemsTest {

    @Test
    void refusalsReadInFrenchUnderTheSameTypes() {
        as("cnmss").header("Accept-Language", "fr-FR,fr;q=0.9").queryParam("specialty", "BRAIN_SURGERY").get("/api/v1/doctors")
                .then().statusCode(400)
                .body("type", equalTo("urn:civmil:problem:validation"))
                .body("title", equalTo("Requête invalide"))
                .body("violations[0].field", equalTo("specialty"))
                .body("violations[0].message", equalTo("spécialité « BRAIN_SURGERY » inconnue ; voir la liste des codes dans le guide de l'orientation"));
        as("cnmss").queryParam("specialty", "BRAIN_SURGERY").get("/api/v1/doctors").then().statusCode(400)
                .body("violations[0].message", equalTo("unknown specialty 'BRAIN_SURGERY'; see the code list in the referral guide"));
        as("cnmss").header("Accept-Language", "fr").get("/api/v1/doctors/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("title", equalTo("Introuvable"))
                .body("detail", equalTo("Le médecin référencé 00000000-0000-0000-0000-000000000000 n'existe pas"));
        as("cnmss").header("Accept-Language", "fr").queryParam("accepting", "yes").get("/api/v1/doctors").then().statusCode(400)
                .body("violations[0].message", equalTo("doit valoir true ou false"));
    }
}
