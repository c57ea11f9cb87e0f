package fr.civmil.health.referral;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import fr.civmil.health.devstack.testing.AsRole;
import fr.civmil.health.platform.identifiers.Identifiers;
import io.restassured.specification.RequestSpecification;

/** Test helpers: real tokens of the dev issuer, unique RPPS numbers and names, request bodies. */
final class Api {

    private Api() {
    }

    private static final AtomicLong RPPS = new AtomicLong(1_000_000_000L + ThreadLocalRandom.current().nextLong(8_000_000_000L));

    static String token(String role) {
        return AsRole.token(role);
    }

    static RequestSpecification as(String role) {
        return AsRole.as(role);
    }

    /** A fresh valid RPPS: 10 digits and their Luhn key. */
    static String rpps() {
        return Identifiers.withLuhnKey(Long.toString(RPPS.incrementAndGet()));
    }

    /** A last name no other test uses, so searches by name isolate a test's doctors. */
    static String uniqueName() {
        StringBuilder name = new StringBuilder("Zz");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    static String doctor(String rpps, String lastName, String specialty, String communeCode, String postalCode,
            boolean accepting, int places, LocalDate confirmedOn) {
        return String.format(Locale.ROOT, """
                {"rpps":"%s","lastName":"%s","firstName":"Élise","profession":"PHYSICIAN","specialty":"%s",
                 "practiceLocations":[{"address":"1 place de la Liberté","postalCode":"%s","communeCode":"%s"}],
                 "phone":"0494000000","teleconsultation":true,"languages":["fr","en"],
                 "capacity":{"acceptingNewPatients":%s,"remainingPlaces":%d,"confirmedOn":"%s"}}""",
                rpps, lastName, specialty, postalCode, communeCode, accepting, places, confirmedOn);
    }

    static String toulonGp(String rpps, String lastName) {
        return doctor(rpps, lastName, "GENERAL_PRACTICE", "83137", "83000", true, 10, LocalDate.now());
    }

    /** References a doctor and returns its id. */
    static String create(String body) {
        return as("cnmss").body(body).post("/api/v1/doctors").then().statusCode(201).extract().path("id");
    }

    static String etag(String doctorId) {
        return as("cnmss").get("/api/v1/doctors/" + doctorId).then().statusCode(200).extract().header("ETag");
    }

    /** Moves the charter (reading the current ETag first). */
    static void charter(String doctorId, String to, String reason) {
        as("cnmss").header("If-Match", etag(doctorId))
                .body(reason == null ? "{\"to\":\"" + to + "\"}" : "{\"to\":\"" + to + "\",\"reason\":\"" + reason + "\"}")
                .post("/api/v1/doctors/" + doctorId + "/charter-transitions").then().statusCode(200);
    }

    /** References an ACTIVE doctor and returns its id. */
    static String activeDoctor(String body) {
        String id = create(body);
        charter(id, "ACTIVE", null);
        return id;
    }
}
