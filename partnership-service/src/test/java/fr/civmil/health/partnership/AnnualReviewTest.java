package fr.civmil.health.partnership;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.partnership.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.devstack.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class AnnualReviewTest {

    private static final LocalDate TODAY = LocalDate.now();

    private static void measure(String contract, String indicator, LocalDate date, int value) {
        as("ars").body(Map.of("date", date.toString(), "value", value))
                .post("/api/v1/partnerships/" + contract + "/indicators/" + indicator + "/measurements").then().statusCode(201);
    }

    private static void status(String contract, String commitment, String etag, String status) {
        as("ssa").header("If-Match", etag).body(Map.of("status", status))
                .post("/api/v1/partnerships/" + contract + "/commitments/" + commitment + "/status").then().statusCode(200);
    }

    /** A contract with one commitment and one manual indicator measured 30 days and 1 day ago. */
    private record Setup(String contract, String commitment, String indicator, String reviews) {
        static Setup create() {
            // The commitment exists since ten days ago: a review dated five days ago takes it.
            return create(TODAY.minusDays(10));
        }

        static Setup create(LocalDate createdOn) {
            TestClock.today(createdOn);
            String contract = Api.newContract();
            String commitment = Api.newCommitment(contract, TODAY.plusMonths(6).toString());
            TestClock.realTime();
            String indicator = as("ars").body(IndicatorTest.indicator(commitment, 0, 400, "HIGHER_IS_BETTER"))
                    .post("/api/v1/partnerships/" + contract + "/indicators").then().statusCode(201).extract().path("id");
            measure(contract, indicator, TODAY.minusDays(30), 50);
            return new Setup(contract, commitment, indicator, "/api/v1/partnerships/" + contract + "/reviews");
        }
    }

    @Test
    void aReviewOfAYearTakesTheCommitmentsOfThatYearWithTheirStatusAtItsEnd() {
        TestClock.today(LocalDate.of(2025, 6, 2));
        String contract = Api.newContract();
        String ofTheYear = Api.newCommitment(contract, "2025-09-30");
        TestClock.today(LocalDate.of(2025, 10, 1));
        status(contract, ofTheYear, "\"0\"", "IN_PROGRESS");
        TestClock.today(LocalDate.of(2026, 1, 15));
        status(contract, ofTheYear, "\"1\"", "ACHIEVED");
        Api.newCommitment(contract, "2026-06-30"); // created in 2026: not in the 2025 review
        TestClock.today(LocalDate.of(2026, 2, 1));

        as("ars").body(Map.of("year", 2025, "reviewDate", "2026-02-01")).post("/api/v1/partnerships/" + contract + "/reviews")
                .then().statusCode(201)
                .body("snapshot.asOf", equalTo("2025-12-31"))
                .body("snapshot.commitments", hasSize(1))
                .body("snapshot.commitments[0].commitmentId", equalTo(ofTheYear))
                .body("snapshot.commitments[0].status", equalTo("IN_PROGRESS"))
                .body("snapshot.commitments[0].late", equalTo(true));
        as("auditor").get("/api/v1/partnerships/" + contract + "/commitments/" + ofTheYear + "/history").then().statusCode(200)
                .body("to", contains("PLANNED", "IN_PROGRESS", "ACHIEVED"))
                .body("by", contains("dev-ssa", "dev-ssa", "dev-ssa"))
                .body("at", contains("2025-06-01T22:00:00Z", "2025-09-30T22:00:00Z", "2026-01-14T23:00:00Z"))
                .body("[0].from", nullValue());
    }

    @Test
    void aReviewFreezesStatusesAndValuesAsOfItsDate() {
        Setup s = Setup.create();
        measure(s.contract, s.indicator, TODAY.minusDays(1), 200);
        int year = TODAY.minusDays(5).getYear();
        as("ars").body(Map.of("year", year, "reviewDate", TODAY.minusDays(5).toString())).post(s.reviews).then().statusCode(201)
                .header("ETag", equalTo("\"0\"")).body("status", equalTo("OPEN"))
                .body("snapshot.commitments", hasSize(1))
                .body("snapshot.commitments[0].status", equalTo("PLANNED"))
                .body("snapshot.commitments[0].indicators[0].value", equalTo(50.0f))
                .body("snapshot.commitments[0].indicators[0].progress", equalTo(12.5f));
        status(s.contract, s.commitment, "\"0\"", "IN_PROGRESS");
        as("auditor").get(s.reviews + "/" + year).then().statusCode(200)
                .body("snapshot.commitments[0].status", equalTo("PLANNED"))
                .body("snapshot.commitments[0].indicators[0].value", equalTo(50.0f));
        as("ars").body(Map.of("year", year)).post(s.reviews).then().statusCode(409).body("type", equalTo("urn:civmil:problem:review-exists"));
        as("ars").body(Map.of("year", year + 1, "reviewDate", TODAY.plusDays(1).toString())).post(s.reviews).then().statusCode(400)
                .body("violations[0].field", equalTo("reviewDate"));
        as("ars").body(Map.of("year", 1999)).post(s.reviews).then().statusCode(400);
        as("auditor").get(s.reviews).then().body("total", equalTo(1));
        as("auditor").get(s.reviews + "/" + (year - 3)).then().statusCode(404);

        as("ssa").header("If-Match", "\"0\"").body(Map.of("reviewDate", TODAY.toString())).post(s.reviews + "/" + year + "/snapshot")
                .then().statusCode(200).body("snapshot.commitments[0].status", equalTo("IN_PROGRESS"))
                .body("snapshot.commitments[0].indicators[0].value", equalTo(200.0f)).header("ETag", equalTo("\"1\""));
    }

    @Test
    void eachPartySignsForItselfAndASignedReviewNeverChanges() {
        Setup s = Setup.create();
        int year = TODAY.getYear();
        String review = s.reviews + "/" + year;
        as("ssa").body(Map.of("year", year)).post(s.reviews).then().statusCode(201);
        as("ssa").body(Map.of("commitmentId", s.commitment, "text", "Calendrier décalé, au premier trimestre")).post(review + "/comments")
                .then().statusCode(201).body("author", equalTo("dev-ssa"));
        as("ssa").body(Map.of("commitmentId", UUID.randomUUID().toString(), "text", "?")).post(review + "/comments").then().statusCode(422);
        String etag = Api.etag("ars", review);
        assertEquals("\"1\"", etag, "a comment changes what is signed");

        as("ars").header("If-Match", etag).body(Map.of("signatory", "Bruno Leroy")).post(review + "/signatures/SSA").then().statusCode(403);
        as("ssa").header("If-Match", etag).body(Map.of("signatory", "Alice Martin")).post(review + "/signatures/ARS").then().statusCode(403);
        as("auditor").header("If-Match", etag).body(Map.of("signatory", "Alice Martin")).post(review + "/signatures/ARS").then().statusCode(403);
        as("ssa").header("If-Match", etag).body(Map.of("signatory", "Bruno Leroy")).post(review + "/signatures/NAVY").then().statusCode(400);
        as("ssa").header("If-Match", "\"0\"").body(Map.of("signatory", "Bruno Leroy")).post(review + "/signatures/SSA").then().statusCode(412);
        as("ssa").body(Map.of("signatory", "Bruno Leroy")).post(review + "/signatures/SSA").then().statusCode(428);
        as("auditor").get(review).then().body("status", equalTo("OPEN")).body("ssaSignature", nullValue());

        as("ssa").header("If-Match", etag).body(Map.of("signatory", "Bruno Leroy")).post(review + "/signatures/SSA").then().statusCode(200)
                .body("status", equalTo("PARTIALLY_SIGNED")).body("ssaSignature.signedBy", equalTo("dev-ssa"))
                .header("ETag", equalTo("\"2\""));
        as("ssa").header("If-Match", "\"2\"").body(Map.of("signatory", "Bruno Leroy")).post(review + "/signatures/SSA").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:already-signed"));
        as("ars").header("If-Match", "\"2\"").body(Map.of()).post(review + "/snapshot").then().statusCode(409);
        as("ars").header("If-Match", "\"2\"").body(Map.of("signatory", "Alice Martin")).post(review + "/signatures/ARS").then().statusCode(200)
                .body("status", equalTo("SIGNED")).body("arsSignature.signedBy", equalTo("dev-ars"));

        as("ars").body(Map.of("commitmentId", s.commitment, "text", "Trop tard")).post(review + "/comments").then().statusCode(409)
                .body("type", equalTo("urn:civmil:problem:review-signed"));
        as("ars").header("If-Match", "\"3\"").body(Map.of("signatory", "Alice Martin")).post(review + "/signatures/ARS").then().statusCode(409);
        as("admin").header("If-Match", "\"3\"").body(Map.of()).post(review + "/snapshot").then().statusCode(409);
        as("auditor").get(review).then().body("comments", hasSize(1)).header("ETag", equalTo("\"3\""));

        JsonNode event = TopicProbe.awaitPublished("partnership.events.v1", "fr.civmil.partnership.review.signed.v1",
                d -> d.path("contractId").asText().equals(s.contract) && d.path("party").asText().equals("ARS"));
        assertTrue(event.at("/data/fullySigned").asBoolean());
        assertEquals(year, event.at("/data/year").asInt());
    }

    @Test
    void bothPartiesSigningAtOnceWithTheSameETagSignOneAfterTheOther() throws Exception {
        Setup s = Setup.create();
        int year = TODAY.getYear();
        String review = s.reviews + "/" + year;
        as("ars").body(Map.of("year", year)).post(s.reviews).then().statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> codes;
        try {
            Callable<Integer> ssa = () -> as("ssa").header("If-Match", "\"0\"").body(Map.of("signatory", "Bruno Leroy")).post(review + "/signatures/SSA").statusCode();
            Callable<Integer> ars = () -> as("ars").header("If-Match", "\"0\"").body(Map.of("signatory", "Alice Martin")).post(review + "/signatures/ARS").statusCode();
            codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(List.of(ssa, ars))) {
                codes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(codes.contains(200) && codes.contains(412), codes.toString());
        as("auditor").get(review).then().body("status", equalTo("PARTIALLY_SIGNED")).header("ETag", equalTo("\"1\""));
    }

    @Test
    void twoYearsCompareCommitmentByCommitment() {
        int to = TODAY.minusDays(5).getYear();
        // A commitment of the previous year, measured at 50 before its end.
        Setup s = Setup.create(LocalDate.of(to - 1, 6, 1));
        measure(s.contract, s.indicator, LocalDate.of(to - 1, 11, 30), 50);
        as("ars").body(Map.of("year", to - 1, "reviewDate", TODAY.minusDays(20).toString())).post(s.reviews).then().statusCode(201);
        TestClock.today(TODAY.minusDays(7));
        status(s.contract, s.commitment, "\"0\"", "IN_PROGRESS");
        measure(s.contract, s.indicator, TODAY.minusDays(10), 100);
        String added = Api.newCommitment(s.contract, TODAY.plusMonths(3).toString());
        TestClock.realTime();
        as("ars").body(Map.of("year", to, "reviewDate", TODAY.minusDays(5).toString())).post(s.reviews).then().statusCode(201);

        as("auditor").queryParam("with", to - 1).get(s.reviews + "/" + to + "/comparison").then().statusCode(200)
                .body("fromYear", equalTo(to - 1)).body("toYear", equalTo(to))
                .body("commitments.find { it.commitmentId == '" + s.commitment + "' }.fromStatus", equalTo("PLANNED"))
                .body("commitments.find { it.commitmentId == '" + s.commitment + "' }.toStatus", equalTo("IN_PROGRESS"))
                .body("commitments.find { it.commitmentId == '" + s.commitment + "' }.indicators[0].fromValue", equalTo(50.0f))
                .body("commitments.find { it.commitmentId == '" + s.commitment + "' }.indicators[0].toValue", equalTo(100.0f))
                .body("commitments.find { it.commitmentId == '" + s.commitment + "' }.indicators[0].delta", equalTo(50.0f))
                .body("commitments.find { it.commitmentId == '" + added + "' }.fromStatus", nullValue());
        as("auditor").get(s.reviews + "/" + to + "/comparison").then().statusCode(400);
        as("auditor").queryParam("with", to - 5).get(s.reviews + "/" + to + "/comparison").then().statusCode(404);
    }

    @Test
    void aReviewExportsAsCsvAndAsAPrintableDocument() {
        Setup s = Setup.create();
        int year = TODAY.getYear();
        String review = s.reviews + "/" + year;
        as("ars").body(Map.of("year", year)).post(s.reviews).then().statusCode(201);
        as("ars").body(Map.of("commitmentId", s.commitment, "text", "Point d'étape, \"à revoir\"")).post(review + "/comments").then().statusCode(201);
        as("ssa").header("If-Match", "\"1\"").body(Map.of("signatory", "Alice Martin")).post(review + "/signatures/SSA").then().statusCode(422)
                .body("type", equalTo("urn:civmil:problem:unknown-signatory"));
        as("ssa").header("If-Match", "\"1\"").body(Map.of("signatory", "Bruno Leroy")).post(review + "/signatures/SSA").then().statusCode(200)
                .body("ssaSignature.signatory", equalTo("Bruno Leroy")).body("ssaSignature.function", equalTo("Médecin chef"))
                .body("ssaSignature.signedBy", equalTo("dev-ssa"));
        as("ars").body(Map.of("heldOn", TODAY.toString(), "kind", "ORDINARY", "place", "ARS Occitanie, Montpellier",
                "attendees", List.of(Map.of("party", "SSA", "name", "Bruno Leroy", "function", "Médecin chef")), "minutes", "Point sur l'axe 1"))
                .post("/api/v1/partnerships/" + s.contract + "/committee-meetings").then().statusCode(201);

        String csv = as("auditor").get(review + "/export.csv").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(2, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("axis,commitment_id,commitment,owner,status,due_date,late,indicator"), lines.get(0));
        assertTrue(lines.get(1).startsWith("1," + s.commitment + ",Consultations avancées,JOINT,PLANNED,"), lines.get(1));
        assertTrue(lines.get(1).contains(",Indicateur de test,days,0.00,400.00,50.00,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",\"Point d'étape, \"\"à revoir\"\" (dev-ars)\""), lines.get(1));

        as("auditor").get(review + "/export.html").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<!DOCTYPE html>"))
                .body(containsString("Suivi annuel " + year))
                .body(containsString("@media print"))
                .body(containsString("Axe 1 — Accès aux soins"))
                // The comment's text escaped (the template escapes quotes and apostrophes).
                .body(containsString("Point d&#39;étape, &quot;à revoir&quot;"))
                .body(not(containsString("\"à revoir\"")))
                .body(containsString("Signé pour le Service de santé des armées par Bruno Leroy, Médecin chef, le " + french(TODAY)))
                .body(containsString("Prévu")).body(containsString("Conjoint (SSA et ARS)"))
                .body(containsString("Réunion ordinaire du " + french(TODAY) + ", ARS Occitanie, Montpellier, aucune décision — compte rendu non encore signé"))
                .body(containsString("Indicateur de test : 50 days (cible 400, 12,5 %)"))
                .body(not(containsString("dev-ssa"))).body(not(containsString("PLANNED"))).body(not(containsString("JOINT")))
                .body(not(containsString("<script")));
        as("auditor").get(review).then().body("meetings[0].kind", equalTo("ORDINARY")).body("meetings[0].signed", equalTo(false)).body("meetings[0].decisions", equalTo(0));
    }

    /** A date as the French documents write it ("3 décembre 2026", "1er mars 2026"). */
    static String french(LocalDate date) {
        String day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH).format(date);
        return date.getDayOfMonth() == 1 ? "1er" + day.substring(1) : day;
    }
}
