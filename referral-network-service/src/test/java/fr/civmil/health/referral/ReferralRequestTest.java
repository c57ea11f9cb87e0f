package fr.civmil.health.referral;

import fr.civmil.health.contracts.events.EventContracts;
import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.referral.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

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

    private static final AtomicLong CASES = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L));

    /** A fresh case reference of the documented shape (office, year, sequence). */
    static String caseRef() {
        long n = CASES.incrementAndGet();
        return String.format(Locale.ROOT, "CNMSS-%02d-2026-%06d", n / 1_000_000 % 100, n % 1_000_000);
    }

    /** A request body; each need is "SPECIALTY" (one person) or "SPECIALTY:people". */
    static String request(String caseReference, String commune, String... needs) {
        return request(caseReference, commune, null, needs);
    }

    static String request(String caseReference, String commune, LocalDate arrival, String... needs) {
        String list = Arrays.stream(needs).map(n -> n.split(":"))
                .map(n -> "{\"specialty\":\"" + n[0] + "\",\"people\":" + (n.length > 1 ? n[1] : "1") + "}")
                .collect(Collectors.joining(","));
        return "{\"caseReference\":\"" + caseReference + "\",\"destinationCommuneCode\":\"" + commune
                + "\",\"relocationDate\":\"2026-12-15\"" + (arrival == null ? "" : ",\"expectedArrivalDate\":\"" + arrival + "\"")
                + ",\"householdSize\":4,\"needs\":[" + list + "]}";
    }

    static String assignment(String doctorId, String need) {
        return "{\"doctorId\":\"" + doctorId + "\",\"need\":\"" + need + "\"}";
    }

    static String register(String body) {
        return as("cnmss").body(body).post("/api/v1/referral-requests").then().statusCode(201).extract().path("id");
    }

    static String etag(String requestId) {
        return as("cnmss").get("/api/v1/referral-requests/" + requestId).then().statusCode(200).extract().header("ETag");
    }

    static int places(String doctorId) {
        return as("ars").get("/api/v1/doctors/" + doctorId).then().statusCode(200).extract().path("capacity.remainingPlaces");
    }

    @Test
    void registersARequestWithoutAnythingPersonal() {
        String ref = caseRef();
        as("cnmss").body(request(ref, "83137", "PAEDIATRICS:2", "GENERAL_PRACTICE:2")).post("/api/v1/referral-requests").then()
                .statusCode(201).header("ETag", equalTo("\"0\""))
                .body("status", equalTo("OPEN"))
                .body("caseReference", equalTo(ref))
                .body("destination.departementCode", equalTo("83"))
                .body("destination.communeName", equalTo("Toulon"))
                .body("needs.specialty", contains("GENERAL_PRACTICE", "PAEDIATRICS"))
                .body("needs.people", contains(2, 2))
                .body("needs.assignedDoctorId", contains(nullValue(), nullValue()));
        as("cnmss").body(request(ref, "83137", "GENERAL_PRACTICE")).post("/api/v1/referral-requests").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:duplicate-case"));

        // The case reference has one shape that leaves no room for a name or a NIR; the refusal does not echo it.
        for (String personal : List.of("CNMSS-185057800608436", "NIR-1850578006084", "DUPONT-Jean", "1850783137123",
                "CNMSS-83-2026-Dupont")) {
            as("cnmss").body(request(personal, "83137", "GENERAL_PRACTICE")).post("/api/v1/referral-requests").then().statusCode(400)
                    .body("violations.field", contains("caseReference"))
                    .body(not(containsString(personal)));
        }
        String refused = caseRef();
        as("cnmss").body(request(refused, "83137", "GENERAL_PRACTICE").replace("\"householdSize\"", "\"socialSecurityNumber\":\"185078313712345\",\"householdSize\""))
                .post("/api/v1/referral-requests").then().statusCode(400).contentType("application/problem+json");
        as("cnmss").body(request(refused, "83137", "GENERAL_PRACTICE").replace("\"householdSize\"", "\"lastName\":\"Dupont\",\"householdSize\""))
                .post("/api/v1/referral-requests").then().statusCode(400);
        as("cnmss").body(request(refused, "83999", "GENERAL_PRACTICE")).post("/api/v1/referral-requests").then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unknown-commune"));
        as("cnmss").body(request(refused, "83137")).post("/api/v1/referral-requests").then().statusCode(400)
                .body("violations.field", hasItem("needs"));
        as("cnmss").body(request(refused, "83137", "GENERAL_PRACTICE:2", "GENERAL_PRACTICE:1")).post("/api/v1/referral-requests").then()
                .statusCode(422).body("type", equalTo("urn:civmil:problem:invalid-needs")).body("violations.field", contains("needs"));
        as("cnmss").body(request(refused, "83137", "PAEDIATRICS:5")).post("/api/v1/referral-requests").then()
                .statusCode(422).body("type", equalTo("urn:civmil:problem:invalid-needs"));
        as("cnmss").body(request(refused, "83137", "PAEDIATRICS:0")).post("/api/v1/referral-requests").then()
                .statusCode(400).body("violations.field", hasItem("needs[0].people"));
        // None of the refused requests exists.
        as("cnmss").queryParam("size", 200).get("/api/v1/referral-requests").then().statusCode(200)
                .body("items.caseReference", not(hasItem(refused)));
    }

    @Test
    void freeTextWithANirOrANameIsRefusedByFieldAndNeverEchoedLoggedOrPublished() {
        // Hautes-Alpes: no other test assigns there, so its département key marks this test's events.
        ReferenceGeography.Commune gap = GEO.commune("05061").orElseThrow();
        String doctor = Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", gap.insee(),
                gap.postalCodes().get(0), true, 3, LocalDate.now()));
        String id = register(request(caseRef(), gap.insee(), "GENERAL_PRACTICE"));
        Map<String, String> refusals = Map.of(
                "Mutation annulée, NIR 1 85 05 78 006 084 36 transmis", "social-security-number-refused",
                "dossier 185057800608436", "social-security-number-refused",
                "Demande de M. Dupont retirée", "person-name-refused",
                "DUPONT-Jean a choisi un autre médecin", "person-name-refused");
        try (LogCapture logs = new LogCapture()) {
            Logger.getLogger(ReferralRequestTest.class).info("capture started");
            for (Map.Entry<String, String> refusal : refusals.entrySet()) {
                String answer = as("cnmss").header("If-Match", etag(id)).body("{\"reason\":\"" + refusal.getKey() + "\"}")
                        .post("/api/v1/referral-requests/" + id + "/cancellation").then().statusCode(422)
                        .body("type", equalTo("urn:civmil:problem:" + refusal.getValue()))
                        .body("violations.field", contains("reason"))
                        .extract().asString();
                assertFalse(answer.contains("1 85 05") || answer.contains("185057800608436") || answer.contains("Dupont")
                        || answer.contains("DUPONT"), answer);
            }
            // The request is untouched, and an ordinary reason is taken.
            as("cnmss").get("/api/v1/referral-requests/" + id).then().body("status", equalTo("OPEN")).body("statusReason", nullValue());
            as("cnmss").header("If-Match", etag(id)).body(assignment(doctor, "GENERAL_PRACTICE"))
                    .post("/api/v1/referral-requests/" + id + "/assignment").then().statusCode(200);
            as("cnmss").header("If-Match", etag(id)).body("{\"reason\":\"Mutation annulée par la DRH\"}")
                    .post("/api/v1/referral-requests/" + id + "/cancellation").then().statusCode(200)
                    .body("statusReason", equalTo("Mutation annulée par la DRH"));
            String logged = logs.text();
            assertTrue(logged.contains("capture started"), "the capture sees the service's log");
            assertNoPersonalData(logged);
        }
        // The topic, read up to the release of this assignment, carries none of it either.
        List<ConsumerRecord<String, String>> records = TopicProbe.read("referral.events.v1", Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> "05".equals(r.key()) && r.value().contains("assignment.released")));
        assertTrue(records.stream().anyMatch(r -> r.value().contains("assignment.released")), "read up to the release");
        assertNoPersonalData(records.stream().map(ConsumerRecord::value).collect(Collectors.joining("\n")));
    }

    private static void assertNoPersonalData(String text) {
        for (String value : List.of("1 85 05 78", "185057800608436", "Dupont", "DUPONT")) {
            assertFalse(text.contains(value), value + " found in: " + text);
        }
    }

    @Test
    void proposalsAreRankedWithTheirReasonsInWords() {
        // Aveyron and dermatology: no other test uses them, so the ranking is this test's doctors only.
        ReferenceGeography.Commune rodez = GEO.commune("12202").orElseThrow();
        ReferenceGeography.Epci epci = GEO.epci(rodez.epciSiren()).orElseThrow();
        ReferenceGeography.Commune neighbour = epci.communeCodes().stream()
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
                .body("items.need", everyItem(equalTo("DERMATOLOGY")))
                .body("items[0].proximity", equalTo("SAME_COMMUNE"))
                .body("items[0].reasons[0]", equalTo("classe de distance : même commune (exerce à Rodez, 12202, la commune de destination)"))
                .body("items[0].reasons", hasItem("3 places restantes pour 1 personne"))
                .body("items[0].reasons", hasItem("spécialité Dermatologie et vénéréologie : celle du besoin"))
                .body("items[1].capacityStatus", equalTo("UNCONFIRMED"))
                .body("items[1].reasons", hasItem(containsString("classé après les capacités confirmées")));
        as("cnmss").queryParam("size", 2).queryParam("page", 1).get("/api/v1/referral-requests/" + id + "/proposals").then()
                .statusCode(200).body("items.doctorId", contains(c, d)).body("items.rank", contains(3, 4))
                .body("items[0].proximity", equalTo("SAME_EPCI"))
                .body("items[0].reasons[0]", equalTo("classe de distance : même intercommunalité (exerce à " + neighbour.name() + ", "
                        + neighbour.insee() + ", dans l'intercommunalité de destination " + epci.name() + ")"))
                .body("items[1].proximity", equalTo("SAME_DEPARTEMENT"))
                .body("items[1].reasons[0]", equalTo("classe de distance : même département (exerce à Millau, 12145, dans le département de destination Aveyron (12))"))
                .body("items[1].reasons", hasItem("30 places restantes pour 1 personne"))
                .body("items.reasons.flatten()", everyItem(not(containsString("SIREN"))));
        as("cnmss").get("/api/v1/referral-requests/" + id).then().body("status", equalTo("PROPOSED"));
    }

    @Test
    void matchingFollowsEachNeedAndItsPeople() {
        // Gers: no other test uses it.
        ReferenceGeography.Commune auch = GEO.commune("32013").orElseThrow();
        String postal = auch.postalCodes().get(0);
        LocalDate today = LocalDate.now();
        String gp = Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", "32013", postal, true, 5, today));
        String gpWithOnePlace = Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", "32013", postal, true, 1, today));
        String paediatrician = Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "PAEDIATRICS", "32013", postal, true, 3, today));
        String obstetrician = Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "GYNAECOLOGY_OBSTETRICS", "32013", postal, true, 4, today));

        // A need for paediatrics only: no GP is proposed, nor can one be assigned.
        String children = register(request(caseRef(), "32013", "PAEDIATRICS:1"));
        as("cnmss").queryParam("size", 50).post("/api/v1/referral-requests/" + children + "/proposals").then().statusCode(200)
                .body("items.doctorId", contains(paediatrician));
        as("cnmss").header("If-Match", etag(children)).body(assignment(gp, "PAEDIATRICS"))
                .post("/api/v1/referral-requests/" + children + "/assignment").then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:specialty-mismatch"));
        as("cnmss").header("If-Match", etag(children)).body(assignment(gp, "GENERAL_PRACTICE"))
                .post("/api/v1/referral-requests/" + children + "/assignment").then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unknown-need"));

        // Two adults and two children: each need is proposed doctors with places for all its people.
        String household = register(request(caseRef(), "32013", "GENERAL_PRACTICE:2", "PAEDIATRICS:2"));
        as("cnmss").queryParam("size", 50).post("/api/v1/referral-requests/" + household + "/proposals").then().statusCode(200)
                .body("items.need", contains("GENERAL_PRACTICE", "PAEDIATRICS"))
                .body("items.doctorId", contains(gp, paediatrician))
                .body("items[0].reasons", hasItem("5 places restantes pour 2 personnes"));
        as("cnmss").queryParam("need", "PAEDIATRICS").get("/api/v1/referral-requests/" + household + "/proposals").then()
                .statusCode(200).body("items.doctorId", contains(paediatrician));
        as("cnmss").header("If-Match", etag(household)).body(assignment(gpWithOnePlace, "GENERAL_PRACTICE"))
                .post("/api/v1/referral-requests/" + household + "/assignment").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:no-place-left"));

        // Assigned need by need: the partial assignment is visible, and each takes as many places as its people.
        as("cnmss").header("If-Match", etag(household)).body(assignment(gp, "GENERAL_PRACTICE"))
                .post("/api/v1/referral-requests/" + household + "/assignment").then().statusCode(200)
                .body("status", equalTo("PARTIALLY_ASSIGNED"))
                .body("needs.assignedDoctorId", contains(gp, null))
                .body("assignedAt", nullValue());
        assertEquals(3, places(gp));
        as("cnmss").header("If-Match", etag(household)).body(assignment(gp, "GENERAL_PRACTICE"))
                .post("/api/v1/referral-requests/" + household + "/assignment").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:need-already-assigned"));
        as("cnmss").header("If-Match", etag(household)).post("/api/v1/referral-requests/" + household + "/closure").then().statusCode(409);
        as("cnmss").queryParam("status", "PARTIALLY_ASSIGNED").queryParam("departementCode", "32").get("/api/v1/referral-requests")
                .then().statusCode(200).body("items.id", contains(household));
        as("cnmss").queryParam("size", 50).post("/api/v1/referral-requests/" + household + "/proposals").then().statusCode(200)
                .body("items.need", everyItem(equalTo("PAEDIATRICS")));
        as("cnmss").header("If-Match", etag(household)).body(assignment(paediatrician, "PAEDIATRICS"))
                .post("/api/v1/referral-requests/" + household + "/assignment").then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("needs.assignedDoctorId", contains(gp, paediatrician))
                .body("assignedAt", notNullValue());
        assertEquals(1, places(paediatrician));

        // Cancelling gives every need's places back.
        as("cnmss").header("If-Match", etag(household)).body("{\"reason\":\"Mutation annulée\"}")
                .post("/api/v1/referral-requests/" + household + "/cancellation").then().statusCode(200);
        assertEquals(5, places(gp));
        assertEquals(3, places(paediatrician));

        // Medical gynaecology is served by a gynaecologist-obstetrician too, and the reasons say so.
        String gynaecology = register(request(caseRef(), "32013", "GYNAECOLOGY_MEDICAL:1"));
        as("cnmss").post("/api/v1/referral-requests/" + gynaecology + "/proposals").then().statusCode(200)
                .body("items.doctorId", contains(obstetrician))
                .body("items[0].reasons", hasItem("spécialité Gynécologie-obstétrique : compatible avec le besoin Gynécologie médicale"));
        as("cnmss").header("If-Match", etag(gynaecology)).body(assignment(obstetrician, "GYNAECOLOGY_MEDICAL"))
                .post("/api/v1/referral-requests/" + gynaecology + "/assignment").then().statusCode(200).body("status", equalTo("ASSIGNED"));

        // The events count places per département and specialty.
        List<JsonNode> events = TopicProbe.events("referral.events.v1", "32", es -> es.size() >= 5);
        assertEquals(List.of("made GENERAL_PRACTICE 2", "made PAEDIATRICS 2", "released GENERAL_PRACTICE 2", "released PAEDIATRICS 2",
                "made GYNAECOLOGY_MEDICAL 1"), events.stream().map(e -> e.get("type").asText().replaceAll(".*assignment\\.(\\w+)\\.v1", "$1")
                        + " " + e.at("/data/specialty").asText() + " " + e.at("/data/count").asInt()).toList());
        events.forEach(EventContracts::assertConforms);
    }

    @Test
    void parallelAssignmentsNeverTakeMorePlacesThanADoctorHas() throws Exception {
        int places = 7;
        int households = 14;
        String doctor = Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", "83137", "83000", true,
                places, LocalDate.now()));
        List<String> requests = new ArrayList<>();
        List<Integer> people = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            people.add(1 + i % 2); // mixed needs: one or two people
            requests.add(register(request(caseRef(), "83137", "GENERAL_PRACTICE:" + people.get(i))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(households);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (String request : requests) {
            statuses.add(pool.submit(() -> {
                start.await();
                return as("cnmss").header("If-Match", "\"0\"").body(assignment(doctor, "GENERAL_PRACTICE"))
                        .post("/api/v1/referral-requests/" + request + "/assignment").then().extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : statuses) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(households, codes.stream().filter(s -> s == 200 || s == 409).count(), codes.toString());
        int left = places(doctor);
        int taken = 0;
        for (int i = 0; i < households; i++) {
            if (codes.get(i) == 200) {
                taken += people.get(i);
            } else {
                // A refusal came when fewer places were left than its people, and places only went down since.
                assertTrue(left < people.get(i), "refused " + people.get(i) + " with " + left + " left: " + codes);
            }
        }
        assertEquals(places, taken + left, codes.toString());

        // Cancelling an assignment gives its places back, and a waiting household can take them.
        int assigned = codes.indexOf(200);
        as("cnmss").header("If-Match", etag(requests.get(assigned))).body("{\"reason\":\"Mutation annulée\"}")
                .post("/api/v1/referral-requests/" + requests.get(assigned) + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("statusReason", equalTo("Mutation annulée"));
        assertEquals(left + people.get(assigned), places(doctor));
        String waiting = requests.get(codes.indexOf(409));
        as("cnmss").get("/api/v1/referral-requests/" + waiting).then().body("status", equalTo("OPEN"));
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
        as("cnmss").header("If-Match", etag(id)).body(assignment(suspended, "GENERAL_PRACTICE"))
                .post("/api/v1/referral-requests/" + id + "/assignment").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:doctor-not-active"));
        as("cnmss").header("If-Match", etag(id)).body(assignment(UUID.randomUUID().toString(), "GENERAL_PRACTICE"))
                .post("/api/v1/referral-requests/" + id + "/assignment").then().statusCode(422);
        as("cnmss").header("If-Match", "\"9\"").body(assignment(doctor, "GENERAL_PRACTICE"))
                .post("/api/v1/referral-requests/" + id + "/assignment").then().statusCode(412);
        as("cnmss").header("If-Match", etag(id)).body(assignment(doctor, "GENERAL_PRACTICE"))
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
    void requestsExpireAfterTheArrivalOrElseAfterRegistration() {
        // Without an arrival date: 30 days after registration.
        String id = register(request(caseRef(), "31555", "GENERAL_PRACTICE"));
        // With one: 60 days after the household arrives, whenever it registered.
        LocalDate arrival = LocalDate.now().plusDays(90);
        String moving = as("cnmss").body(request(caseRef(), "31555", arrival, "GENERAL_PRACTICE")).post("/api/v1/referral-requests")
                .then().statusCode(201).body("expectedArrivalDate", equalTo(arrival.toString()))
                .body("expiresAt", startsWith(arrival.plusDays(60).toString())).extract().path("id");
        as("cnmss").queryParam("withinDays", 31).queryParam("size", 200).get("/api/v1/referral-requests/expiring").then()
                .statusCode(200).body("items.id", hasItem(id)).body("items.id", not(hasItem(moving)));
        as("cnmss").queryParam("withinDays", 1).queryParam("size", 200).get("/api/v1/referral-requests/expiring").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        as("cnmss").queryParam("withinDays", 151).queryParam("size", 200).get("/api/v1/referral-requests/expiring").then()
                .statusCode(200).body("items.id", hasItem(moving));

        assertTrue(referrals.expireOverdue(OffsetDateTime.now().plusDays(31)) >= 1);
        as("cnmss").get("/api/v1/referral-requests/" + id).then().body("status", equalTo("EXPIRED"))
                .body("statusReason", equalTo("non attribuée dans les 30 jours suivant son enregistrement"));
        as("cnmss").get("/api/v1/referral-requests/" + moving).then().body("status", equalTo("OPEN"));
        referrals.expireOverdue(OffsetDateTime.now().plusDays(151));
        as("cnmss").get("/api/v1/referral-requests/" + moving).then().body("status", equalTo("EXPIRED"))
                .body("statusReason", equalTo("non attribuée dans les 60 jours suivant l'arrivée prévue du foyer"));
        as("cnmss").queryParam("status", "EXPIRED").queryParam("departementCode", "31").queryParam("size", 200)
                .get("/api/v1/referral-requests").then().statusCode(200).body("items.id", hasItems(id, moving));
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
        as("admin").queryParam("requestId", id).get("/api/v1/referral-requests/audit").then().statusCode(200).body("total", equalTo(2));
        as("admin").get("/api/v1/referral-requests/" + id).then().statusCode(403);
        for (String role : List.of("cnmss", "ars", "ssa")) {
            as(role).get("/api/v1/referral-requests/audit").then().statusCode(403);
        }
    }

    @Test
    void assignmentEventsCarryOnlyCountsPerDepartement() {
        String doctor = Api.activeDoctor(Api.doctor(Api.rpps(), Api.uniqueName(), "GENERAL_PRACTICE", "2A004", "20000", true, 2,
                LocalDate.now()));
        String ref = caseRef();
        String id = register(request(ref, "2A004", "GENERAL_PRACTICE"));
        as("cnmss").header("If-Match", "\"0\"").body(assignment(doctor, "GENERAL_PRACTICE"))
                .post("/api/v1/referral-requests/" + id + "/assignment").then().statusCode(200);
        as("cnmss").header("If-Match", etag(id)).body("{\"reason\":\"Le foyer a déménagé ailleurs\"}")
                .post("/api/v1/referral-requests/" + id + "/cancellation").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicProbe.read("referral.events.v1", Duration.ofSeconds(30),
                rs -> rs.stream().filter(r -> "2A".equals(r.key())).count() >= 2).stream().filter(r -> "2A".equals(r.key())).toList();
        assertEquals(2, records.size());
        var made = TopicProbe.json(records.get(0).value());
        assertEquals("fr.civmil.referral.assignment.made.v1", made.get("type").asText());
        assertEquals(Map.of("departementCode", "2A", "specialty", "GENERAL_PRACTICE", "count", 1),
                Map.of("departementCode", made.at("/data/departementCode").asText(), "specialty", made.at("/data/specialty").asText(),
                        "count", made.at("/data/count").asInt()));
        assertEquals(3, made.get("data").size(), "only the département, the specialty and the count");
        var released = TopicProbe.json(records.get(1).value());
        assertEquals("fr.civmil.referral.assignment.released.v1", released.get("type").asText());
        EventContracts.assertConforms(made);
        EventContracts.assertConforms(released);
        for (ConsumerRecord<String, String> r : records) {
            assertFalse(r.value().contains(ref) || r.value().contains(id), "no household data: " + r.value());
        }
    }
}
