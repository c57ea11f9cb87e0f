package fr.civmil.health.referral;

import fr.civmil.health.contracts.events.EventContracts;
import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.referral.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.reference.ReferenceGeography;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class DoctorDirectoryTest {

    static final ReferenceGeography GEO = ReferenceGeography.load();

    @Test
    void referencesADoctorWithItsAreaDerivedFromTheCommune() {
        String rpps = Api.rpps();
        ReferenceGeography.Commune toulon = GEO.commune("83137").orElseThrow();
        var response = as("cnmss").body(Api.toulonGp(rpps, "Cabarrou")).post("/api/v1/doctors").then().statusCode(201)
                .header("Location", containsString("/api/v1/doctors/"))
                .header("ETag", equalTo("\"0\""))
                .body("rpps", equalTo(rpps))
                .body("specialtyCode", equalTo("SM54"))
                .body("professionCode", equalTo("10"))
                .body("charter.status", equalTo("PENDING_SIGNATURE"))
                .body("practiceLocations[0].communeName", equalTo("Toulon"))
                .body("practiceLocations[0].departementCode", equalTo("83"))
                .body("practiceLocations[0].regionCode", equalTo(toulon.regionCode()))
                .body("practiceLocations[0].epciSiren", equalTo(toulon.epciSiren()))
                .body("capacity.status", equalTo("CONFIRMED"))
                .extract();
        String id = response.path("id");
        as("ars").get("/api/v1/doctors/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("lastName", equalTo("Cabarrou")).body("languages", contains("fr", "en"));

        as("cnmss").body(Api.toulonGp(rpps, "Other")).post("/api/v1/doctors").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:civmil:problem:duplicate-rpps"));
    }

    @Test
    void refusesLocationsThatDoNotMatchTheReferenceAndChangesNothing() {
        String rpps = Api.rpps();
        as("cnmss").body(Api.doctor(rpps, "Nowhere", "GENERAL_PRACTICE", "83137", "31000", true, 3, LocalDate.now()))
                .post("/api/v1/doctors").then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unknown-location"))
                .body("violations[0].field", equalTo("practiceLocations[0].postalCode"))
                .body("violations[0].message", containsString("83000"));
        as("cnmss").body(Api.doctor(rpps, "Nowhere", "GENERAL_PRACTICE", "83999", "83000", true, 3, LocalDate.now()))
                .post("/api/v1/doctors").then().statusCode(422)
                .body("violations[0].field", equalTo("practiceLocations[0].communeCode"));
        as("cnmss").body(Api.doctor("1234", "Nowhere", "GENERAL_PRACTICE", "83137", "83000", true, 3, LocalDate.now()))
                .post("/api/v1/doctors").then().statusCode(400).body("violations.field", hasItem("rpps"));
        as("cnmss").body(Api.doctor("10101010101", "Nowhere", "GENERAL_PRACTICE", "83137", "83000", true, 3, LocalDate.now()))
                .post("/api/v1/doctors").then().statusCode(400).body("violations.field", hasItem("rpps"))
                .body("violations.message", hasItem(containsString("Luhn")));
        as("cnmss").body(Api.doctor(rpps, "Nowhere", "SURGERY_OF_EVERYTHING", "83137", "83000", true, 3, LocalDate.now()))
                .post("/api/v1/doctors").then().statusCode(400).contentType("application/problem+json");
        as("cnmss").body(Api.doctor(rpps, "Nowhere", "GENERAL_PRACTICE", "83137", "83000", true, -1, LocalDate.now()))
                .post("/api/v1/doctors").then().statusCode(400).body("violations.field", hasItem("capacity.remainingPlaces"));
        as("cnmss").body(Api.toulonGp(rpps, "Nowhere").replace("\"phone\"", "\"socialSecurityNumber\":\"1\",\"phone\""))
                .post("/api/v1/doctors").then().statusCode(400);
        as("ars").queryParam("rpps", rpps).get("/api/v1/doctors").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void idempotencyKeyReturnsTheFirstResponse() {
        String body = Api.toulonGp(Api.rpps(), "Idem");
        String key = "idem-" + System.nanoTime();
        String first = as("cnmss").header("Idempotency-Key", key).body(body).post("/api/v1/doctors").then().statusCode(201)
                .extract().path("id");
        as("cnmss").header("Idempotency-Key", key).body(body).post("/api/v1/doctors").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(first));
    }

    @Test
    void updatesNeedTheCurrentEtag() {
        String id = Api.create(Api.toulonGp(Api.rpps(), "Etag"));
        String details = """
                {"lastName":"Etag","firstName":"Paul","profession":"PHYSICIAN","specialty":"PAEDIATRICS",
                 "practiceLocations":[{"address":"3 allées Jean Jaurès","postalCode":"31000","communeCode":"31555"}],
                 "teleconsultation":false}""";
        as("cnmss").body(details).put("/api/v1/doctors/" + id).then().statusCode(428);
        as("cnmss").header("If-Match", "\"7\"").body(details).put("/api/v1/doctors/" + id).then().statusCode(412)
                .body("type", equalTo("urn:civmil:problem:precondition-failed"));
        String etag = as("cnmss").header("If-Match", "\"0\"").body(details).put("/api/v1/doctors/" + id).then().statusCode(200)
                .body("practiceLocations[0].departementCode", equalTo("31"))
                .body("specialty", equalTo("PAEDIATRICS")).body("languages", contains("fr"))
                .extract().header("ETag");
        assertNotEquals("\"0\"", etag);
        as("cnmss").header("If-Match", "\"0\"").body(details).put("/api/v1/doctors/" + id).then().statusCode(412);
    }

    @Test
    void charterFollowsItsLifecycle() {
        String id = Api.create(Api.toulonGp(Api.rpps(), "Charter"));
        as("cnmss").header("If-Match", Api.etag(id)).body("{\"to\":\"SUSPENDED\",\"reason\":\"x\"}")
                .post("/api/v1/doctors/" + id + "/charter-transitions").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:illegal-charter-transition"));
        as("cnmss").header("If-Match", Api.etag(id)).body("{\"to\":\"ACTIVE\",\"effectiveOn\":\"2024-09-25\"}")
                .post("/api/v1/doctors/" + id + "/charter-transitions").then().statusCode(200)
                .body("charter.status", equalTo("ACTIVE")).body("charter.signedOn", equalTo("2024-09-25"));
        as("cnmss").header("If-Match", Api.etag(id)).body("{\"to\":\"SUSPENDED\"}")
                .post("/api/v1/doctors/" + id + "/charter-transitions").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        Api.charter(id, "SUSPENDED", "Long leave");
        as("ssa").get("/api/v1/doctors/" + id).then().body("charter.status", equalTo("SUSPENDED"))
                .body("charter.reason", equalTo("Long leave"));
        Api.charter(id, "ACTIVE", null);
        Api.charter(id, "WITHDRAWN", "Retirement");
        as("cnmss").header("If-Match", Api.etag(id)).body("{\"to\":\"ACTIVE\"}")
                .post("/api/v1/doctors/" + id + "/charter-transitions").then().statusCode(409)
                .body("detail", containsString("final"));
        as("auditor").get("/api/v1/doctors/" + id + "/charter-history").then().statusCode(200)
                .body("to", contains("ACTIVE", "SUSPENDED", "ACTIVE", "WITHDRAWN"))
                .body("[1].reason", equalTo("Long leave"))
                .body("[0].recordedBy", equalTo("dev-cnmss"));
    }

    @Test
    void searchFiltersPagesAndRanksConfirmedCapacityFirst() {
        String name = Api.uniqueName();
        LocalDate old = LocalDate.now().minusDays(400);
        String stale = Api.activeDoctor(Api.doctor(Api.rpps(), name + "a", "GENERAL_PRACTICE", "83137", "83000", true, 50, old));
        String fresh = Api.activeDoctor(Api.doctor(Api.rpps(), name + "b", "GENERAL_PRACTICE", "83137", "83100", true, 2, LocalDate.now()));
        String paed = Api.activeDoctor(Api.doctor(Api.rpps(), name + "c", "PAEDIATRICS", "83137", "83200", true, 5, LocalDate.now()));
        String full = Api.activeDoctor(Api.doctor(Api.rpps(), name + "d", "GENERAL_PRACTICE", "31555", "31000", false, 0, LocalDate.now()));
        String noPlace = Api.activeDoctor(Api.doctor(Api.rpps(), name + "e", "GENERAL_PRACTICE", "83137", "83000", true, 0, LocalDate.now()));
        String withdrawn = Api.activeDoctor(Api.doctor(Api.rpps(), name + "f", "GENERAL_PRACTICE", "83137", "83000", true, 5, LocalDate.now()));
        Api.charter(withdrawn, "WITHDRAWN", "Retirement");
        String pending = Api.create(Api.doctor(Api.rpps(), name + "g", "GENERAL_PRACTICE", "83137", "83000", true, 5, LocalDate.now()));

        // By default the directory shows ACTIVE charters only; the back office names the other statuses.
        as("ars").queryParam("name", name).get("/api/v1/doctors").then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.id", contains(fresh, paed, full, noPlace, stale))
                .body("items[4].capacity.status", equalTo("UNCONFIRMED"));
        as("cnmss").queryParam("name", name).queryParam("charterStatus", "WITHDRAWN").get("/api/v1/doctors").then()
                .body("items.id", contains(withdrawn));
        as("cnmss").queryParam("name", name).queryParam("charterStatus", "PENDING_SIGNATURE").get("/api/v1/doctors").then()
                .body("items.id", contains(pending));
        // Accepting: able to take a household now (active, open to new patients, a place left), whatever else is asked.
        as("ars").queryParam("name", name.toUpperCase()).queryParam("departementCode", "83").queryParam("specialty", "GENERAL_PRACTICE")
                .queryParam("accepting", "true").get("/api/v1/doctors").then().statusCode(200)
                .body("items.id", contains(fresh, stale));
        as("ars").queryParam("name", name).queryParam("accepting", "true").queryParam("charterStatus", "WITHDRAWN").get("/api/v1/doctors")
                .then().body("total", equalTo(0));
        as("ssa").queryParam("name", name).queryParam("accepting", "false").get("/api/v1/doctors").then()
                .body("items.id", contains(full, noPlace));
        as("ssa").queryParam("name", name).queryParam("specialty", "SM40").get("/api/v1/doctors").then()
                .body("items.id", contains(paed));
        as("ssa").queryParam("name", name).queryParam("communeCode", "31555").get("/api/v1/doctors").then()
                .body("items.id", contains(full));
        String toulonEpci = GEO.commune("83137").orElseThrow().epciSiren();
        as("ssa").queryParam("name", name).queryParam("epciSiren", toulonEpci).get("/api/v1/doctors").then()
                .body("total", equalTo(4));
        as("auditor").queryParam("name", name).queryParam("sort", "-remainingPlaces").queryParam("size", 2).queryParam("page", 0)
                .get("/api/v1/doctors").then().body("items.id", contains(stale, paed)).body("totalPages", equalTo(3));
        as("auditor").queryParam("name", name).queryParam("sort", "-remainingPlaces").queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/doctors").then().body("items.id", contains(fresh, full));
        as("ars").queryParam("sort", "password").get("/api/v1/doctors").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
        as("ars").queryParam("specialty", "SURGEON").get("/api/v1/doctors").then().statusCode(400);
        as("ars").queryParam("accepting", "maybe").get("/api/v1/doctors").then().statusCode(400);
        as("ars").queryParam("departementCode", "XX").get("/api/v1/doctors").then().statusCode(400);
        as("ars").queryParam("size", 500).get("/api/v1/doctors").then().statusCode(400);
    }

    /** A search by département reads the directory entries: every kind of change must show there at once. */
    @Test
    void searchByDepartementFollowsEveryChange() {
        String name = Api.uniqueName();
        String moving = Api.activeDoctor(Api.doctor(Api.rpps(), name + "a", "GENERAL_PRACTICE", "83137", "83000", true, 4, LocalDate.now()));
        String staying = Api.activeDoctor(Api.doctor(Api.rpps(), name + "b", "GENERAL_PRACTICE", "83137", "83000", true, 6, LocalDate.now()));
        as("ars").queryParam("name", name).queryParam("departementCode", "83").queryParam("accepting", "true")
                .queryParam("sort", "-remainingPlaces").get("/api/v1/doctors").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains(staying, moving));

        // Capacity: more places reorders, not accepting any more filters out.
        as("cnmss").header("If-Match", Api.etag(moving))
                .body("{\"acceptingNewPatients\":true,\"remainingPlaces\":9,\"confirmedOn\":\"" + LocalDate.now() + "\"}")
                .put("/api/v1/doctors/" + moving + "/capacity").then().statusCode(200);
        as("ars").queryParam("name", name).queryParam("departementCode", "83").queryParam("sort", "-remainingPlaces")
                .get("/api/v1/doctors").then().body("items.id", contains(moving, staying));
        as("cnmss").header("If-Match", Api.etag(staying))
                .body("{\"acceptingNewPatients\":false,\"remainingPlaces\":0,\"confirmedOn\":\"" + LocalDate.now() + "\"}")
                .put("/api/v1/doctors/" + staying + "/capacity").then().statusCode(200);
        as("ars").queryParam("name", name).queryParam("departementCode", "83").queryParam("accepting", "true")
                .get("/api/v1/doctors").then().body("items.id", contains(moving));

        // Locations: moving to Toulouse and Rodez leaves the Var and appears in both départements.
        as("cnmss").header("If-Match", Api.etag(moving)).body("""
                {"lastName":"%sa","firstName":"Élise","profession":"PHYSICIAN","specialty":"GENERAL_PRACTICE",
                 "practiceLocations":[{"address":"3 allées Jean Jaurès","postalCode":"31000","communeCode":"31555"},
                                      {"address":"1 place d'Armes","postalCode":"12000","communeCode":"12202"}],
                 "teleconsultation":false}""".formatted(name)).put("/api/v1/doctors/" + moving).then().statusCode(200);
        as("ars").queryParam("name", name).queryParam("departementCode", "83").get("/api/v1/doctors").then()
                .body("items.id", contains(staying));
        as("ars").queryParam("name", name).queryParam("departementCode", "31").get("/api/v1/doctors").then()
                .body("items.id", contains(moving)).body("items[0].practiceLocations.communeCode", contains("31555", "12202"));
        as("ars").queryParam("name", name).queryParam("departementCode", "12").queryParam("communeCode", "12202")
                .get("/api/v1/doctors").then().body("items.id", contains(moving));
        as("ars").queryParam("name", name).queryParam("departementCode", "83").queryParam("communeCode", "31555")
                .get("/api/v1/doctors").then().body("total", equalTo(0));

        // Charter: a suspended doctor leaves the ACTIVE search of every département it practises in.
        Api.charter(moving, "SUSPENDED", "Long leave");
        as("ars").queryParam("name", name).queryParam("departementCode", "12").queryParam("charterStatus", "ACTIVE")
                .get("/api/v1/doctors").then().body("total", equalTo(0));
        as("ars").queryParam("name", name).queryParam("departementCode", "31").queryParam("charterStatus", "SUSPENDED")
                .get("/api/v1/doctors").then().body("items.id", contains(moving))
                .body("items[0].charter.reason", equalTo("Long leave"));
        // An EPCI across two départements (Arche Agglo: Ardèche and Drôme) finds each doctor once,
        // even one practising on both sides.
        String both = Api.activeDoctor(Api.doctor(Api.rpps(), name + "c", "GENERAL_PRACTICE", "07014", "07410", true, 1, LocalDate.now()));
        as("cnmss").header("If-Match", Api.etag(both)).body("""
                {"lastName":"%sc","firstName":"Élise","profession":"PHYSICIAN","specialty":"GENERAL_PRACTICE",
                 "practiceLocations":[{"address":"1 rue Haute","postalCode":"07410","communeCode":"07014"},
                                      {"address":"2 rue Basse","postalCode":"26260","communeCode":"26014"}],
                 "teleconsultation":false}""".formatted(name)).put("/api/v1/doctors/" + both).then().statusCode(200);
        String drome = Api.activeDoctor(Api.doctor(Api.rpps(), name + "d", "GENERAL_PRACTICE", "26014", "26260", true, 1, LocalDate.now()));
        as("ars").queryParam("name", name).queryParam("epciSiren", "200073096").get("/api/v1/doctors").then()
                .body("total", equalTo(2)).body("items.id", contains(both, drome));
        as("ars").queryParam("name", name).queryParam("communeCode", "26014").get("/api/v1/doctors").then()
                .body("total", equalTo(2));
        as("ars").queryParam("name", name).queryParam("departementCode", "07").queryParam("epciSiren", "200073096")
                .get("/api/v1/doctors").then().body("items.id", contains(both));

        // Past the last page the total is still given.
        as("ars").queryParam("name", name).queryParam("departementCode", "31").queryParam("charterStatus", "SUSPENDED").queryParam("page", 3)
                .get("/api/v1/doctors").then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(1));
    }

    @Test
    void capacityUpdateRecordsTheConfirmation() {
        String id = Api.create(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", "83137", "83000", true, 3,
                LocalDate.now().minusDays(200)));
        as("cnmss").get("/api/v1/doctors/" + id).then().body("capacity.status", equalTo("UNCONFIRMED"));
        as("cnmss").header("If-Match", Api.etag(id))
                .body("{\"acceptingNewPatients\":true,\"remainingPlaces\":8,\"confirmedOn\":\"" + LocalDate.now() + "\"}")
                .put("/api/v1/doctors/" + id + "/capacity").then().statusCode(200)
                .body("capacity.remainingPlaces", equalTo(8)).body("capacity.status", equalTo("CONFIRMED"));
        as("cnmss").header("If-Match", Api.etag(id))
                .body("{\"acceptingNewPatients\":true,\"remainingPlaces\":8,\"confirmedOn\":\"" + LocalDate.now().plusDays(3) + "\"}")
                .put("/api/v1/doctors/" + id + "/capacity").then().statusCode(400)
                .body("violations[0].field", equalTo("confirmedOn"));
    }

    @Test
    void publishesDoctorEventsThroughTheOutbox() {
        String id = Api.create(Api.toulonGp(Api.rpps(), "Events"));
        Api.charter(id, "ACTIVE", null);
        as("cnmss").header("If-Match", Api.etag(id))
                .body("{\"acceptingNewPatients\":false,\"remainingPlaces\":0,\"confirmedOn\":\"" + LocalDate.now() + "\"}")
                .put("/api/v1/doctors/" + id + "/capacity").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicProbe.read("referral.events.v1", Duration.ofSeconds(30),
                rs -> rs.stream().filter(r -> id.equals(r.key())).count() >= 3).stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(3, records.size(), "referenced, charter-status-changed, capacity-changed");
        var referenced = TopicProbe.json(records.get(0).value());
        assertEquals("fr.civmil.referral.doctor.referenced.v1", referenced.get("type").asText());
        assertEquals("83", referenced.at("/data/departementCodes/0").asText());
        assertEquals("83137", referenced.at("/data/practiceCommuneCodes/0").asText());
        assertEquals("PENDING_SIGNATURE", referenced.at("/data/charterStatus").asText());
        var charter = TopicProbe.json(records.get(1).value());
        assertEquals("fr.civmil.referral.doctor.charter-status-changed.v1", charter.get("type").asText());
        assertEquals("PENDING_SIGNATURE", charter.at("/data/from").asText());
        assertEquals("ACTIVE", charter.at("/data/to").asText());
        var capacity = TopicProbe.json(records.get(2).value());
        assertEquals("fr.civmil.referral.doctor.capacity-changed.v1", capacity.get("type").asText());
        assertEquals(0, capacity.at("/data/remainingPlaces").asInt());
        assertFalse(capacity.at("/data/acceptingNewPatients").asBoolean());
        for (var event : List.of(referenced, charter, capacity)) {
            EventContracts.assertConforms(event);
        }
    }

    @Test
    void unknownDoctorIsAProblem() {
        as("ars").get("/api/v1/doctors/3f1e9a52-6a0f-4c6b-9a57-0e4c1d2b7f10").then().statusCode(404)
                .body("type", equalTo("urn:civmil:problem:not-found")).body("detail", notNullValue());
        // A malformed id is a client error naming the parameter, not a missing doctor.
        as("ars").get("/api/v1/doctors/not-a-uuid").then().statusCode(400).body("violations[0].field", equalTo("id"));
    }
}
