package fr.civmil.health.zones;

import static fr.civmil.health.devstack.testing.RegionalScope.arsOf;
import static fr.civmil.health.zones.Api.activeZone;
import static fr.civmil.health.zones.Api.ars;
import static fr.civmil.health.zones.Api.campaign;
import static fr.civmil.health.zones.Api.rpps;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.civmil.health.platform.time.Clocks;
import io.quarkus.test.junit.QuarkusTest;

/**
 * ARS staff read the refusals in French when their client prefers it (Accept-Language); the problem types stay the
 * same and English remains the default.
 */
@QuarkusTest
class FrenchProblemsTest {

    private static final String FRENCH = "fr-FR,fr;q=0.9,en;q=0.5";

    @Test
    void aDomainRefusalReadsInFrenchWithItsDatesInFrenchFormat() {
        String zone = activeZone("200044469");
        String site = ars().body(Map.of("zoneId", zone, "communeCode", "09194", "name", "Salle", "kind", "TOWN_HALL_ROOM",
                "address", Map.of("line", "Place de la mairie", "postalCode", "09500"), "rooms", 1))
                .post("/api/v1/consultation-sites").then().statusCode(201).extract().path("id");
        LocalDate tomorrow = LocalDate.now(Clocks.PARIS).plusDays(1);
        Map<String, Object> booking = Map.of("siteId", site, "doctor", Map.of("rpps", rpps(), "name", "Dr Test"), "date", tomorrow.toString(), "slot", "MORNING");
        ars().header("Accept-Language", FRENCH).body(booking).post("/api/v1/solidarity-missions").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:site-not-open"))
                .body("title", equalTo("Conflit"))
                .body("detail", equalTo("Les missions ne se réservent que sur des lieux ouverts (OPEN) ; le lieu " + site + " est au statut IDENTIFIED"));
        ars().body(booking).post("/api/v1/solidarity-missions").then().statusCode(409)
                .body("title", equalTo("Conflict"))
                .body("detail", equalTo("Missions are booked on OPEN sites only; site " + site + " is IDENTIFIED"));

        Map<String, Object> past = Map.of("siteId", Api.openSite(zone, 1), "doctor", Map.of("rpps", rpps(), "name", "Dr Test"), "date", "2020-01-10", "slot", "MORNING");
        LocalDate today = LocalDate.now(Clocks.PARIS);
        String day = "%02d/%02d/%d";
        ars().header("Accept-Language", "fr").body(past).post("/api/v1/solidarity-missions").then().statusCode(422)
                .body("detail", equalTo("Une mission se réserve pour un jour compris entre aujourd'hui ("
                        + String.format(day, today.getDayOfMonth(), today.getMonthValue(), today.getYear()) + ") et le "
                        + String.format(day, today.plusDays(365).getDayOfMonth(), today.plusDays(365).getMonthValue(), today.plusDays(365).getYear())
                        + " ; le 10/01/2020 est en dehors"));
    }

    @Test
    void fieldRefusalsNameTheFieldAndSayWhyInFrench() {
        ars().header("Accept-Language", FRENCH).body(Map.of("epciSiren", "200044469", "campaign", campaign(), "targetDaysPerMonth", -1))
                .post("/api/v1/priority-zones").then().statusCode(400)
                .body("title", equalTo("Requête invalide"))
                .body("violations[0].field", equalTo("targetDaysPerMonth"))
                .body("violations[0].message", equalTo("doit être positif ou nul"));
        ars().header("Accept-Language", FRENCH).body(Map.of("epciSiren", "200044469", "campaign", "Pacte 2025"))
                .post("/api/v1/priority-zones").then().statusCode(400)
                .body("violations[0].message", equalTo("doit être composé de minuscules, de chiffres et de tirets (par ex. pacte-2025)"));
        ars().header("Accept-Language", FRENCH).queryParam("status", "LIVE").get("/api/v1/priority-zones").then().statusCode(400)
                .body("detail", equalTo("status : doit valoir l'une de ces valeurs : PROPOSED, DESIGNATED, ACTIVE, SUSPENDED, RETIRED"));
        ars().header("Accept-Language", FRENCH).get("/api/v1/priority-zones/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("title", equalTo("Introuvable"))
                .body("detail", equalTo("La zone prioritaire 00000000-0000-0000-0000-000000000000 n'existe pas"));
    }

    @Test
    void theRegionalRefusalReadsInFrench() {
        arsOf("11").header("Accept-Language", FRENCH).body(Map.of("epciSiren", "200044469", "campaign", campaign()))
                .post("/api/v1/priority-zones").then().statusCode(403)
                .body("type", equalTo("urn:civmil:problem:outside-region"))
                .body("title", equalTo("Hors de la région du jeton"))
                .body("detail", equalTo("Ce jeton ne peut agir que sur la région 11 (Île-de-France), pas sur 76 (Occitanie)"));
    }
}
