package fr.civmil.health.referral;

import fr.civmil.health.contracts.events.EventContracts;
import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.referral.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.referral.service.ReferralService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ReferralRequestTest {

    static final ReferenceGeography GEO = ReferenceGeography.load();

    @Inject
    ReferralService referrals;

    static String caseRef() {
        return "CNMSS-" + UUID.randomUUID().toString().substring(0, 13);
    }

    static String request(String caseReference, String commune, String... needs) {
        String list = java.util.Arrays.stream(needs).map(n -> "\"" + n + "\"").collect(Collectors.joining(","));
        return "{\"caseReference\":\"" + caseReference + "\",\"destinationCommuneCode\":\"" + commune
                + "\",\"relocationDate\":\"2026-12-15\",\"householdSize\":4,\"needs\":[" + list + "]}";
    }

    static String register(String body) {
        return as("cnmss").body(body).post("/api/v1/referral-requests").then().statusCode(201).extract().path("id");
    }

    static String etag(String requestId) {
        return as("cnmss").get("/api/v1/referral-requests/" + requestId).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void registersARequestWithoutAnythingPersonal() {
        String ref = caseRef();
        as("cnmss").body(request(ref, "83137", "GENERAL_PRACTICE", "PAEDIATRICS")).post("/api/v1/referral-requests").then()
                .statusCode(201).header("ETag", equalTo("\"0\""))
                .body("status", equalTo("OPEN"))
                .body("destination.departementCode", equalTo("83"))
                .body("destination.communeName", equalTo("Toulon"))
                .body("needs", contains("GENERAL_PRACTICE", "PAEDIATRICS"));
        as("cnmss").body(request(ref, "83137", "GENERAL_PRACTICE")).post("/api/v1/referral-requests").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:duplicate-case"));

        String nirRef = caseRef();
        for (String nir : List.of("1850783137123", "185078313712345", "1.85.07.83.137.123.45", "185072A13712345")) {
            as("cnmss").body(request(nir, "83137", "GENERAL_PRACTICE")).post("/api/v1/referral-requests").then().statusCode(422)
                    .body("type", equalTo("urn:civmil:problem:social-security-number-refused"));
        }
        as("cnmss").body(request(nirRef, "83137", "GENERAL_PRACTICE").replace("\"householdSize\"", "\"socialSecurityNumber\":\"185078313712345\",\"householdSize\""))
                .post("/api/v1/referral-requests").then().statusCode(400).contentType("application/problem+json");
        as("cnmss").body(request(nirRef, "83137", "GENERAL_PRACTICE").replace("\"householdSize\"", "\"lastName\":\"Dupont\",\"householdSize\""))
                .post("/api/v1/referral-requests").then().statusCode(400);
        as("cnmss").body(request(nirRef, "83999", "GENERAL_PRACTICE")).post("/api/v1/referral-requests").then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unknown-commune"));
        as("cnmss").body(request(nirRef, "83137")).post("/api/v1/referral-requests").then().statusCode(400)
                .body("violations.field", hasItem("needs"));
        // None of the refused requests exists.
        as("cnmss").queryParam("size", 200).get("/api/v1/referral-requests").then().statusCode(200)
                .body("items.caseReference", not(hasItem(nirRef)));
    }

    @Test
    void proposalsAreRankedWithTheirReasons() {
        // Aveyron and dermatology: no other test uses them, so the ranking is this test's doctors only.
        ReferenceGeography.Commune rodez = GEO.commune("12202").orElseThrow();
        ReferenceGeography.Commune neighbour = GEO.epci(rodez.epciSiren()).orElseThrow().communeCodes().stream()
                .filter(c -> !c.equals("12202")).map(c -> GEO.commune(c).orElseThrow()).findFirst().orElseThrow();
        ReferenceGeography.Commune millau = GEO.commune("12145").orElseThrow();
        String name = Api.uniqueName();
        LocalDate today = LocalDate.now();
        String a = Api.activeDoctor(Api.doctor(Api.rpps(), name, "DERMATOLOGY", "12202", "12000", true, 3, today));
        String b = Api.activeDoctor(Api.doctor(Api.rpps(), name, "DERMATOLOGY", "12202", "12000", true, 20, today.minusDays(300)));
        String c = Api.activeDoctor(Api.doctor(Api.rpps(), name, "DERMATOLOGY", neighbour.insee(), neighbour.postalCodes().get(0), true, 9, today));
        String d = Api.activeDoctor(Api.doctor(Api.rpps(), name, "DERMATOLOGY", "12145", millau.postalCodes().get(0), true, 30, today));
        String suspended = Api.activeDoctor(Api.doctor(Api.rpps(), name, "DERMATOLOGY", "12202", "12000", true, 9, today));
        Api.charter(suspended, "SUSPENDED", "Leave");
        Api.create(Api.doctor(Api.rpps(), name, "DERMATOLOGY", "12202", "12000", true, 9, today)); // pending signature
        Api.activeDoctor(Api.doctor(Api.rpps(), name, "DERMATOLOGY", "12202", "12000", false, 9, today)); // not accepting
        Api.activeDoctor(Api.doctor(Api.rpps(), name, "DERMATOLOGY", "12202", "12000", true, 0, today)); // full
        Api.activeDoctor(Api.doctor(Api.rpps(), name, "CARDIOLOGY", "12202", "12000", true, 9, today)); // not needed

        String id = register(request(caseRef(), "12202", "DERMATOLOGY"));
        as("cnmss").queryParam("size", 2).post("/api/v1/referral-requests/" + id + "/proposals").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("total", equalTo(4)).body("items.doctorId", contains(a, b))
                .body("items[0].proximity", equalTo("SAME_COMMUNE"))
                .body("items[0].reasons[0]", containsString("destination commune"))
                .body("items[1].capacityStatus", equalTo("UNCONFIRMED"))
                .body("items[1].reasons", hasItem(containsString("ranked after confirmed capacity")));
        as("cnmss").queryParam("size", 2).queryParam("page", 1).get("/api/v1/referral-requests/" + id + "/proposals").then()
                .statusCode(200).body("items.doctorId", contains(c, d)).body("items.rank", contains(3, 4))
                .body("items[0].proximity", equalTo("SAME_EPCI")).body("items[1].proximity", equalTo("SAME_DEPARTEMENT"))
                .body("items[1].reasons", hasItem("30 places remaining"));
        as("cnmss").get("/api/v1/referral-requests/" + id).then().body("status", equalTo("PROPOSED"));
    }

    @Test
    void parallelAssignmentsNeverOverbookADoctor() throws Exception {
        int places = 5;
        int households = 14;
        String doctor = Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", "83137", "83000", true,
                places, LocalDate.now()));
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            requests.add(register(request(caseRef(), "83137", "GENERAL_PRACTICE")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(households);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (String request : requests) {
            statuses.add(pool.submit(() -> {
                start.await();
                return as("cnmss").header("If-Match", "\"0\"").body("{\"doctorId\":\"" + doctor + "\"}")
                        .post("/api/v1/referral-requests/" + request + "/assignment").then().extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : statuses) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(places, codes.stream().filter(s -> s == 200).count(), codes.toString());
        assertEquals(households - places, codes.stream().filter(s -> s == 409).count(), codes.toString());
        as("ars").get("/api/v1/doctors/" + doctor).then().body("capacity.remainingPlaces", equalTo(0));

        // Cancelling an assignment gives the place back, and a waiting household can take it.
        String assigned = requests.get(codes.indexOf(200));
        String waiting = requests.get(codes.indexOf(409));
        as("cnmss").get("/api/v1/referral-requests/" + waiting).then().body("status", equalTo("OPEN"));
        as("cnmss").header("If-Match", etag(assigned)).body("{\"reason\":\"Posting cancelled\"}")
                .post("/api/v1/referral-requests/" + assigned + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("statusReason", equalTo("Posting cancelled"));
        as("ars").get("/api/v1/doctors/" + doctor).then().body("capacity.remainingPlaces", equalTo(1));
        as("cnmss").header("If-Match", etag(waiting)).body("{\"doctorId\":\"" + doctor + "\"}")
                .post("/api/v1/referral-requests/" + waiting + "/assignment").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("assignedDoctorId", equalTo(doctor));
        as("ars").get("/api/v1/doctors/" + doctor).then().body("capacity.remainingPlaces", equalTo(0));
    }

    @Test
    void lifecycleRefusesIllegalSteps() {
        String doctor = Api.activeDoctor(Api.toulonGp(Api.rpps(), Api.uniqueName()));
        String suspended = Api.activeDoctor(Api.toulonGp(Api.rpps(), Api.uniqueName()));
        Api.charter(suspended, "SUSPENDED", "Leave");
        String id = register(request(caseRef(), "83137", "GENERAL_PRACTICE"));
        as("cnmss").post("/api/v1/referral-requests/" + id + "/closure").then().statusCode(428);
        as("cnmss").header("If-Match", etag(id)).post("/api/v1/referral-requests/" + id + "/closure").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:illegal-request-transition"));
        as("cnmss").header("If-Match", etag(id)).body("{\"doctorId\":\"" + suspended + "\"}")
                .post("/api/v1/referral-requests/" + id + "/assignment").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:doctor-not-active"));
        as("cnmss").header("If-Match", etag(id)).body("{\"doctorId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/referral-requests/" + id + "/assignment").then().statusCode(422);
        as("cnmss").header("If-Match", "\"9\"").body("{\"doctorId\":\"" + doctor + "\"}")
                .post("/api/v1/referral-requests/" + id + "/assignment").then().statusCode(412);
        as("cnmss").header("If-Match", etag(id)).body("{\"doctorId\":\"" + doctor + "\"}")
                .post("/api/v1/referral-requests/" + id + "/assignment").then().statusCode(200);
        as("cnmss").header("If-Match", etag(id)).post("/api/v1/referral-requests/" + id + "/closure").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        as("cnmss").header("If-Match", etag(id)).body("{\"reason\":\"late\"}")
                .post("/api/v1/referral-requests/" + id + "/cancellation").then().statusCode(409);
        as("cnmss").post("/api/v1/referral-requests/" + id + "/proposals").then().statusCode(409);
        // The place stays taken once closed.
        as("ars").get("/api/v1/doctors/" + doctor).then().body("capacity.remainingPlaces", equalTo(9));
    }

    @Test
    void waitingRequestsExpireAndCanBeListedBeforehand() {
        String id = register(request(caseRef(), "31555", "GENERAL_PRACTICE"));
        as("cnmss").queryParam("withinDays", 31).queryParam("size", 200).get("/api/v1/referral-requests/expiring").then()
                .statusCode(200).body("items.id", hasItem(id));
        as("cnmss").queryParam("withinDays", 1).queryParam("size", 200).get("/api/v1/referral-requests/expiring").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        assertTrue(referrals.expireOverdue(OffsetDateTime.now().plusDays(31)) >= 1);
        as("cnmss").get("/api/v1/referral-requests/" + id).then().body("status", equalTo("EXPIRED"))
                .body("statusReason", containsString("not assigned within"));
        as("cnmss").queryParam("status", "EXPIRED").queryParam("departementCode", "31").queryParam("size", 200)
                .get("/api/v1/referral-requests").then().statusCode(200).body("items.id", hasItem(id));
        as("cnmss").queryParam("status", "LOST").get("/api/v1/referral-requests").then().statusCode(400);
    }

    @Test
    void everyReadIsAuditedAndOnlyAuditorsReadTheTrail() {
        String id = register(request(caseRef(), "83137", "GENERAL_PRACTICE"));
        String httpRequestId = "trace-" + UUID.randomUUID();
        as("cnmss").header("X-Request-Id", httpRequestId).get("/api/v1/referral-requests/" + id).then().statusCode(200)
                .header("X-Request-Id", httpRequestId);
        as("cnmss").get("/api/v1/referral-requests/" + id + "/proposals").then().statusCode(200);
        as("ars").get("/api/v1/referral-requests/" + id).then().statusCode(403);
        as("auditor").get("/api/v1/referral-requests/" + id).then().statusCode(403);

        as("auditor").queryParam("requestId", id).queryParam("sort", "readAt").get("/api/v1/referral-requests/audit").then()
                .statusCode(200).body("total", equalTo(2))
                .body("items[0].reader", equalTo("dev-cnmss"))
                .body("items[0].httpRequestId", equalTo(httpRequestId))
                .body("items[0].operation", equalTo("READ"))
                .body("items[1].operation", equalTo("READ_PROPOSALS"));
        as("auditor").queryParam("from", "yesterday").get("/api/v1/referral-requests/audit").then().statusCode(400);
        as("cnmss").get("/api/v1/referral-requests/audit").then().statusCode(403);
    }

    @Test
    void assignmentEventsCarryOnlyCountsPerDepartement() {
        String doctor = Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", "2A004", "20000", true, 2,
                LocalDate.now()));
        String ref = caseRef();
        String id = register(request(ref, "2A004", "GENERAL_PRACTICE"));
        as("cnmss").header("If-Match", "\"0\"").body("{\"doctorId\":\"" + doctor + "\"}")
                .post("/api/v1/referral-requests/" + id + "/assignment").then().statusCode(200);
        as("cnmss").header("If-Match", etag(id)).body("{\"reason\":\"Household moved elsewhere\"}")
                .post("/api/v1/referral-requests/" + id + "/cancellation").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicProbe.read("referral.events.v1", Duration.ofSeconds(30),
                rs -> rs.stream().filter(r -> "2A".equals(r.key())).count() >= 2).stream().filter(r -> "2A".equals(r.key())).toList();
        assertEquals(2, records.size());
        var made = TopicProbe.json(records.get(0).value());
        assertEquals("fr.civmil.referral.assignment.made.v1", made.get("type").asText());
        assertEquals(Map.of("departementCode", "2A", "count", 1),
                Map.of("departementCode", made.at("/data/departementCode").asText(), "count", made.at("/data/count").asInt()));
        assertEquals(2, made.get("data").size(), "only the département and the count");
        var released = TopicProbe.json(records.get(1).value());
        assertEquals("fr.civmil.referral.assignment.released.v1", released.get("type").asText());
        EventContracts.assertConforms(made);
        EventContracts.assertConforms(released);
        for (ConsumerRecord<String, String> r : records) {
            assertFalse(r.value().contains(ref) || r.value().contains(id), "no household data: " + r.value());
        }
    }
}
