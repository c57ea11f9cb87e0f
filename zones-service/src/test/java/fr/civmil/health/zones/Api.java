package fr.civmil.health.zones;

import java.util.UUID;
import java.util.Map;

import fr.civmil.health.devstack.testing.AsRole;
import fr.civmil.health.platform.identifiers.Identifiers;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Shortcuts for calling the API as a given role, and for creating test zones. */
final class Api {


    private Api() {
    }

    static String token(String role) {
        return AsRole.token(role);
    }

    static RequestSpecification as(String role) {
        return AsRole.as(role);
    }

    static RequestSpecification ars() {
        return as("ars");
    }

    /** A campaign no other test uses, so tests may designate the same EPCI independently. */
    static String campaign() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse designate(String siren, String campaign, String status) {
        return ars().body(Map.of("epciSiren", siren, "campaign", campaign, "status", status, "targetDaysPerMonth", 8))
                .post("/api/v1/priority-zones").then();
    }

    static String etag(String path) {
        return ars().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** Moves a zone (reading its ETag first). */
    static ValidatableResponse move(String zoneId, String to) {
        String path = "/api/v1/priority-zones/" + zoneId;
        return ars().header("If-Match", etag(path)).body(Map.of("to", to, "reason", "test step to " + to))
                .post(path + "/transitions").then();
    }

    /** A zone of a fresh campaign, moved to ACTIVE. */
    static String activeZone(String siren) {
        String id = designate(siren, campaign(), "DESIGNATED").statusCode(201).extract().path("id");
        move(id, "ACTIVE").statusCode(200);
        return id;
    }

    /** A site in Mirepoix (CC du Pays de Mirepoix), in the given zone, moved to OPEN. */
    static String openSite(String zoneId, int rooms) {
        String id = ars().body(Map.of("zoneId", zoneId, "communeCode", "09194", "name", "MSP de Mirepoix", "kind", "MULTI_PROFESSIONAL_PRACTICE",
                "address", Map.of("line", "2 place du Maréchal Leclerc", "postalCode", "09500"), "rooms", rooms,
                "accessibility", Map.of("stepFreeAccess", true), "contact", Map.of("name", "Secrétariat", "phone", "+33 5 61 00 00 00")))
                .post("/api/v1/consultation-sites").then().statusCode(201).extract().path("id");
        moveSite(id, "READY").statusCode(200);
        moveSite(id, "OPEN").statusCode(200);
        return id;
    }

    static ValidatableResponse moveSite(String siteId, String to) {
        String path = "/api/v1/consultation-sites/" + siteId;
        return ars().header("If-Match", etag(path)).body(Map.of("to", to, "reason", "test")).post(path + "/transitions").then();
    }

    /** A fresh valid RPPS number (10 digits and a Luhn key), so each test has its own doctors. */
    static String rpps() {
        return Identifiers.withLuhnKey(String.format("%010d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000_000L)));
    }

    static ValidatableResponse book(String siteId, String rpps, String date, String slot) {
        return ars().body(Map.of("siteId", siteId, "doctor", Map.of("rpps", rpps, "name", "Dr Test"), "date", date, "slot", slot))
                .post("/api/v1/solidarity-missions").then();
    }

    static ValidatableResponse moveMission(String missionId, String to, String reason) {
        String path = "/api/v1/solidarity-missions/" + missionId;
        Map<String, Object> body = reason == null ? Map.of("to", to) : Map.of("to", to, "reason", reason);
        return ars().header("If-Match", etag(path)).body(body).post(path + "/transitions").then();
    }
}
