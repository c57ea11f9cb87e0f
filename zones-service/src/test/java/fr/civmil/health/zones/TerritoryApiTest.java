package fr.civmil.health.zones;

import static fr.civmil.health.zones.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The reference geography through HTTP. */
@QuarkusTest
class TerritoryApiTest {

    @Test
    void listsTheRegionsPagedWithTheirTotal() {
        as("auditor").queryParam("size", 5).get("/api/v1/territories/regions").then().statusCode(200)
                .body("total", equalTo(26)).body("items", hasSize(5)).body("items[0].code", equalTo("01"));
        as("ssa").get("/api/v1/territories/regions/76").then().statusCode(200)
                .body("name", equalTo("Occitanie"));
    }

    @Test
    void listsTheDepartementsOfOccitanie() {
        as("cnmss").queryParam("region", "76").queryParam("size", 50).get("/api/v1/territories/departements").then()
                .statusCode(200).body("total", equalTo(13)).body("items.code", hasItem("09"))
                .body("items.regionCode", everyItem(equalTo("76")));
        as("cnmss").get("/api/v1/territories/departements/2A").then().statusCode(200).body("name", equalTo("Corse-du-Sud"));
    }

    @Test
    void readsAnEpciWithItsMemberCommunes() {
        as("ars").get("/api/v1/territories/epci/200044469").then().statusCode(200)
                .body("name", equalTo("CC du Pays de Mirepoix")).body("departementCodes", contains("09"))
                .body("population", equalTo(10584)).body("communeCodes", hasItem("09194"));
    }

    @Test
    void searchesEpciByDepartementAndName() {
        as("ars").queryParam("departement", "32").queryParam("q", "lomagne").get("/api/v1/territories/epci").then()
                .statusCode(200).body("items.siren", hasItem("243200391"));
    }

    @Test
    void searchesCommunesByNamePostalCodeAndDepartement() {
        as("ars").queryParam("q", "mirepoix").queryParam("departement", "09").get("/api/v1/territories/communes").then()
                .statusCode(200).body("items[0].insee", equalTo("09194")).body("items[0].epciSiren", equalTo("200044469"));
        as("ars").queryParam("postalCode", "09500").get("/api/v1/territories/communes").then()
                .statusCode(200).body("items.insee", hasItem("09194"));
        as("ars").get("/api/v1/territories/communes/31555").then().statusCode(200).body("name", equalTo("Toulouse"));
    }

    @Test
    void unknownCodesAreNotFoundProblems() {
        for (String path : new String[] { "regions/99", "departements/00", "epci/200044468", "communes/99999" }) {
            as("ars").get("/api/v1/territories/" + path).then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo("urn:civmil:problem:not-found"));
        }
    }

    @Test
    void malformedFiltersAreBadRequests() {
        as("ars").queryParam("region", "7").get("/api/v1/territories/departements").then().statusCode(400)
                .body("violations[0].field", equalTo("region"));
        as("ars").queryParam("postalCode", "9500").get("/api/v1/territories/communes").then().statusCode(400)
                .body("violations[0].field", equalTo("postalCode"));
        as("ars").queryParam("size", 500).get("/api/v1/territories/regions").then().statusCode(400);
        as("ars").queryParam("sort", "nope").get("/api/v1/territories/regions").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
    }

    @Test
    void sortsOnRequest() {
        as("ars").queryParam("sort", "-population").queryParam("size", 1).get("/api/v1/territories/regions").then()
                .statusCode(200).body("items[0].code", equalTo("11"));
    }
}
