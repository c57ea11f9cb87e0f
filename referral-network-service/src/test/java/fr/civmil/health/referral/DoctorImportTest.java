package fr.civmil.health.referral;

import fr.civmil.health.contracts.events.EventContracts;
import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.referral.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.platform.identifiers.Identifiers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class DoctorImportTest {

    static final String HEADER = "rpps,lastName,firstName,profession,specialty,address,postalCode,communeCode,phone,"
            + "teleconsultation,languages,acceptingNewPatients,remainingPlaces,capacityConfirmedOn,charterSignedOn\n";

    static String line(String rpps, String lastName, String specialty, String postal, String commune, int places, String signedOn) {
        return rpps + "," + lastName + ",Jeanne,PHYSICIAN," + specialty + ",\"4, rue \"\"Neuve\"\"\"," + postal + "," + commune
                + ",0561000000,true,fr|oc,true," + places + "," + LocalDate.now() + "," + signedOn + "\n";
    }

    static io.restassured.response.ValidatableResponse post(String csv) {
        return given().header("Authorization", "Bearer " + Api.token("cnmss")).contentType("text/csv").body(csv)
                .post("/api/v1/doctors/imports").then();
    }

    @Test
    void importsAllOrNothingAndReimportingChangesNothing() {
        String name = Api.uniqueName();
        String existingRpps = Api.rpps();
        String existing = Api.activeDoctor(Api.toulonGp(existingRpps, name + "x"));
        String a = Api.rpps();
        String b = Api.rpps();
        String csv = HEADER
                + line(a, name + "a", "GENERAL_PRACTICE", "31000", "31555", 7, "2024-09-25")
                + line(b, name + "b", "SM40", "12000", "12202", 3, "")
                + line(existingRpps, name + "x", "GENERAL_PRACTICE", "83000", "83137", 10, "");

        // A bad file is refused whole, with every bad line.
        String bad = csv
                + line("10101010101", name + "c", "GENERAL_PRACTICE", "31000", "31555", 1, "")
                + line(Api.rpps(), name + "d", "BRAIN_SURGERY", "31000", "83137", 1, "")
                + line(a, name + "e", "GENERAL_PRACTICE", "31000", "31555", 1, "")
                + "only,three,fields\n";
        post(bad).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:invalid-import"))
                .body("violations.field", contains("line 5", "line 6", "line 7", "line 8"))
                .body("violations[0].message", containsString("rpps must be 11 digits with a valid Luhn key"))
                .body("violations[1].message", containsString("specialty 'BRAIN_SURGERY'"))
                .body("violations[1].message", containsString("postal code 31000 is not a postal code"))
                .body("violations[2].message", containsString("already on line 2"))
                .body("violations[3].message", containsString("has 3 fields"));
        as("ars").queryParam("name", name).get("/api/v1/doctors").then().body("total", equalTo(1));

        post(csv).statusCode(200).body("rows", equalTo(3)).body("created", equalTo(2)).body("updated", equalTo(1))
                .body("unchanged", equalTo(0));
        as("ars").queryParam("name", name).queryParam("sort", "name").get("/api/v1/doctors").then()
                .body("total", equalTo(2))
                .body("items[0].charter.status", equalTo("ACTIVE"))
                .body("items[0].charter.signedOn", equalTo("2024-09-25"))
                .body("items[0].practiceLocations[0].address", equalTo("4, rue \"Neuve\""))
                .body("items[0].practiceLocations[0].departementCode", equalTo("31"))
                .body("items[0].languages", contains("fr", "oc"));
        as("cnmss").queryParam("name", name).queryParam("charterStatus", "PENDING_SIGNATURE").get("/api/v1/doctors").then()
                .body("items.specialty", contains("PAEDIATRICS"));
        String etag = Api.etag(existing);
        String imported = as("ars").queryParam("rpps", a).get("/api/v1/doctors").then().extract().path("items[0].id");
        var events = TopicProbe.read("referral.events.v1", java.time.Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> imported.equals(r.key()))).stream().filter(r -> imported.equals(r.key())).toList();
        var referenced = TopicProbe.json(events.get(0).value());
        assertEquals("fr.civmil.referral.doctor.referenced.v1", referenced.get("type").asText());
        assertEquals("ACTIVE", referenced.at("/data/charterStatus").asText());
        EventContracts.assertConforms(referenced);

        post(csv).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));
        as("ars").get("/api/v1/doctors/" + existing).then().header("ETag", equalTo(etag));
    }

    @Test
    void aLargeFileIsImportedWholeOrNotAtAll() {
        StringBuilder csv = new StringBuilder(HEADER);
        String name = Api.uniqueName();
        int rows = 20_000;
        long first = 3_000_000_000L + System.nanoTime() % 100_000_000L * 10;
        String base = Identifiers.withLuhnKey(Long.toString(first));
        for (int i = 0; i < rows; i++) {
            csv.append(line(Identifiers.withLuhnKey(Long.toString(first + i)), name + i, "GENERAL_PRACTICE", "31000", "31555", 5, "2025-01-01"));
        }
        // Two bad lines far from the first ones (the import works in chunks): both reported, nothing kept.
        String lastLinesWrong = csv + line(Identifiers.withLuhnKey(Long.toString(first + rows)), name + "x", "GENERAL_PRACTICE", "31000", "12202", 5, "")
                + line(base, name + "y", "GENERAL_PRACTICE", "31000", "31555", 5, "");
        post(lastLinesWrong).statusCode(422).body("violations", hasSize(2))
                .body("violations[0].field", equalTo("line " + (rows + 2)))
                .body("violations[0].message", containsString("postal code 31000"))
                .body("violations[1].field", equalTo("line " + (rows + 3)))
                .body("violations[1].message", equalTo("rpps " + base + " already on line 2"));
        as("ars").queryParam("name", name).queryParam("size", 1).get("/api/v1/doctors").then().body("total", equalTo(0));

        post(csv.toString()).statusCode(200).body("created", equalTo(rows));
        as("ars").queryParam("name", name).queryParam("departementCode", "31").queryParam("charterStatus", "ACTIVE")
                .queryParam("size", 1).get("/api/v1/doctors").then().body("total", equalTo(rows))
                .body("items[0].charter.signedOn", equalTo("2025-01-01"));
    }

    @Test
    void aQuotedAddressMayHoldALineBreakAndErrorsNameTheLineTheirRecordStartsOn() {
        String name = Api.uniqueName();
        String rpps = Api.rpps();
        String twoLines = rpps + "," + name + ",Jeanne,PHYSICIAN,GENERAL_PRACTICE,\"4 rue Neuve\nBatiment B\",31000,31555,"
                + "0561000000,true,fr,true,5," + LocalDate.now() + ",\n";
        // Line 2 holds a record over two lines, so the bad record is on line 4.
        post(HEADER + twoLines + line("10101010101", name + "z", "GENERAL_PRACTICE", "31000", "31555", 1, "")).statusCode(422)
                .body("type", equalTo("urn:civmil:problem:invalid-import"))
                .body("violations.field", contains("line 4"))
                .body("violations[0].message", containsString("rpps must be 11 digits"));

        post(HEADER + twoLines).statusCode(200).body("rows", equalTo(1)).body("created", equalTo(1));
        as("ars").queryParam("rpps", rpps).queryParam("charterStatus", "PENDING_SIGNATURE").get("/api/v1/doctors").then()
                .body("items[0].practiceLocations[0].address", equalTo("4 rue Neuve\nBatiment B"));
    }
}
