package fr.civmil.health.zones;

import fr.civmil.health.devstack.testing.TopicProbe;

import static fr.civmil.health.zones.Api.ars;
import static fr.civmil.health.zones.Api.as;
import static fr.civmil.health.zones.Api.campaign;
import static fr.civmil.health.zones.Api.designate;
import static fr.civmil.health.zones.Api.move;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** Designation, lifecycle, lists, summary and CSV lists of priority zones, through HTTP. */
@QuarkusTest
class PriorityZoneApiTest {

    private static final String ZONES = "/api/v1/priority-zones";

    @Test
    void designationTakesTheEpciFromTheReferenceAndPublishesAnEvent() {
        String campaign = campaign();
        String id = ars().body(Map.of("epciSiren", "200044469", "campaign", campaign,
                "indicators", Map.of("apl", 1.9, "vulnerabilityIndex", 0.82, "vulnerabilitySource", "DREES 2025"),
                "decision", Map.of("date", "2025-07-15", "reference", "Arrêté 2025-1"), "targetDaysPerMonth", 6, "notes", "pilot"))
                .post(ZONES).then().statusCode(201)
                .header("Location", containsString(ZONES + "/"))
                .body("epciName", equalTo("CC du Pays de Mirepoix")).body("regionCode", equalTo("76"))
                .body("departementCodes", contains("09")).body("communeCodes", hasItem("09194"))
                .body("population", equalTo(10584)).body("status", equalTo("PROPOSED"))
                .body("indicators.apl", equalTo(1.9f)).body("decision.date", equalTo("2025-07-15"))
                .extract().path("id");

        as("cnmss").get(ZONES + "/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("indicators.vulnerabilitySource", equalTo("DREES 2025"));

        List<JsonNode> events = TopicProbe.events("zones.events.v1", id, e -> !e.isEmpty());
        assertEquals("fr.civmil.zones.priority-zone.designated.v1", events.get(0).get("type").asText());
        JsonNode data = events.get(0).get("data");
        assertEquals("200044469", data.get("epciSiren").asText());
        assertEquals(campaign, data.get("campaign").asText());
        assertEquals(33, data.get("communeCodes").size());
        assertEquals("09", data.get("departementCodes").get(0).asText());
    }

    @Test
    void anUnknownOrMalformedSirenChangesNothing() {
        String campaign = campaign();
        // 123456782 has a valid Luhn key but is no EPCI.
        ars().body(Map.of("epciSiren", "123456782", "campaign", campaign)).post(ZONES).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:civmil:problem:unknown-epci"));
        ars().body(Map.of("epciSiren", "200044468", "campaign", campaign)).post(ZONES).then().statusCode(400)
                .body("violations[0].field", equalTo("epciSiren"));
        ars().body(Map.of("epciSiren", "200044469", "campaign", campaign, "targetDaysPerMonth", -1)).post(ZONES).then()
                .statusCode(400).body("violations[0].field", equalTo("targetDaysPerMonth"));
        ars().body(Map.of("epciSiren", "200044469", "campaign", campaign, "colour", "red")).post(ZONES).then().statusCode(400);
        ars().body("{\"epciSiren\":\"200044469\",\"campaign\":\"" + campaign + "\",\"decision\":{\"date\":\"15/07/2025\"}}")
                .post(ZONES).then().statusCode(400);
        ars().queryParam("campaign", campaign).get(ZONES).then().statusCode(200).body("total", equalTo(0));
        // Enum filters are checked by the platform's converters: a 400 naming the parameter, not a 404.
        ars().queryParam("status", "ACTIVATED").get(ZONES).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("status"))
                .body("violations[0].message", containsString("DESIGNATED"));
        ars().queryParam("status", "ACTIVATED").get(ZONES + "/summary").then().statusCode(400);
    }

    @Test
    void anEpciIsInOneLiveZonePerCampaignUntilRetired() {
        String campaign = campaign();
        String id = designate("243200391", campaign, "DESIGNATED").statusCode(201).extract().path("id");
        designate("243200391", campaign, "PROPOSED").statusCode(409)
                .body("type", equalTo("urn:civmil:problem:epci-already-in-zone")).body("detail", containsString(id));
        designate("243200391", campaign(), "PROPOSED").statusCode(201);
        move(id, "RETIRED").statusCode(200).body("status", equalTo("RETIRED"));
        designate("243200391", campaign, "PROPOSED").statusCode(201);
    }

    @Test
    void concurrentDesignationsOfOneEpciLeaveExactlyOneZone() throws Exception {
        String campaign = campaign();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Integer> call = () -> designate("200035632", campaign, "PROPOSED").extract().statusCode();
                results.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        ars().queryParam("campaign", campaign).get(ZONES).then().body("total", equalTo(1));
    }

    @Test
    void theLifecycleIsRecordedAndIllegalStepsAreConflicts() {
        String id = designate("241200807", campaign(), "PROPOSED").statusCode(201).extract().path("id");
        move(id, "ACTIVE").statusCode(409).body("type", equalTo("urn:civmil:problem:illegal-zone-transition"));
        move(id, "DESIGNATED").statusCode(200);
        move(id, "ACTIVE").statusCode(200);
        move(id, "SUSPENDED").statusCode(200);
        move(id, "ACTIVE").statusCode(200);
        move(id, "RETIRED").statusCode(200);
        move(id, "ACTIVE").statusCode(409);
        as("auditor").get(ZONES + "/" + id + "/transitions").then().statusCode(200).body("", hasSize(6))
                .body("to", contains("PROPOSED", "DESIGNATED", "ACTIVE", "SUSPENDED", "ACTIVE", "RETIRED"))
                .body("[1].from", equalTo("PROPOSED")).body("[1].by", equalTo("dev-ars"))
                .body("[1].reason", equalTo("test step to DESIGNATED"));

        List<JsonNode> events = TopicProbe.events("zones.events.v1", id, e -> e.size() >= 7);
        assertEquals(List.of("designated.v1", "status-changed.v1", "status-changed.v1", "status-changed.v1", "status-changed.v1",
                "status-changed.v1", "retired.v1"), events.stream().map(e -> e.get("type").asText().replace("fr.civmil.zones.priority-zone.", "")).toList());
        assertEquals("SUSPENDED", events.get(4).get("data").get("from").asText());
        assertEquals("test step to RETIRED", events.get(6).get("data").get("reason").asText());
        assertEquals("12", events.get(6).get("data").get("departementCodes").get(0).asText());
    }

    @Test
    void updatesNeedTheCurrentEtag() {
        String id = designate("241200542", campaign(), "PROPOSED").statusCode(201).extract().path("id");
        String path = ZONES + "/" + id;
        Map<String, Object> body = Map.of("targetDaysPerMonth", 12, "notes", "raised");
        ars().body(body).put(path).then().statusCode(428);
        ars().header("If-Match", "\"7\"").body(body).put(path).then().statusCode(412);
        ars().header("If-Match", "\"0\"").body(body).put(path).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("targetDaysPerMonth", equalTo(12)).body("notes", equalTo("raised"));
        ars().header("If-Match", "\"0\"").body(Map.of("notes", "lost update")).put(path).then().statusCode(412);
        ars().header("If-Match", "\"1\"").body(Map.of("to", "DESIGNATED")).post(path + "/transitions").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        ars().get(path).then().body("notes", equalTo("raised")).body("status", equalTo("PROPOSED"));
        ars().get(ZONES + "/5f0c7a8e-2f7b-4a53-9d8e-0b8f3f1c2d11").then().statusCode(404);
    }

    @Test
    void anIdempotencyKeyMakesARetryHarmless() {
        String campaign = campaign();
        Map<String, Object> body = Map.of("epciSiren", "200034601", "campaign", campaign);
        String first = ars().header("Idempotency-Key", "designate-" + campaign).body(body).post(ZONES).then().statusCode(201)
                .extract().path("id");
        ars().header("Idempotency-Key", "designate-" + campaign).body(body).post(ZONES).then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(first));
        ars().queryParam("campaign", campaign).get(ZONES).then().body("total", equalTo(1));
    }

    @Test
    void listsFilterByRegionDepartementStatusAndCampaign() {
        String campaign = campaign();
        designate("200034049", campaign, "DESIGNATED").statusCode(201);
        designate("200034064", campaign, "PROPOSED").statusCode(201);
        designate("243200607", campaign, "DESIGNATED").statusCode(201);
        ars().queryParam("campaign", campaign).queryParam("departement", "81").get(ZONES).then().statusCode(200)
                .body("total", equalTo(2)).body("items.epciName", contains("CC Centre Tarn", "CC du Cordais et du Causse (4 C)"));
        ars().queryParam("campaign", campaign).queryParam("status", "DESIGNATED").queryParam("region", "76")
                .queryParam("sort", "-population").get(ZONES).then()
                .body("total", equalTo(2)).body("items[0].epciSiren", equalTo("200034049"));
        ars().queryParam("campaign", campaign).queryParam("region", "11").get(ZONES).then().body("total", equalTo(0));
        ars().queryParam("status", "LIVE").get(ZONES).then().statusCode(400);
        ars().queryParam("departement", "1").get(ZONES).then().statusCode(400);
    }

    @Test
    void theSummaryCountsPopulationShareAndDepartements() {
        String campaign = campaign();
        designate("200034049", campaign, "DESIGNATED").statusCode(201); // Centre Tarn, 81, 11,276
        designate("243200607", campaign, "DESIGNATED").statusCode(201); // Artagnan de Fezensac, 32, 6,953
        String retired = designate("200066561", campaign, "DESIGNATED").statusCode(201).extract().path("id");
        move(retired, "RETIRED").statusCode(200);
        as("ssa").queryParam("region", "76").queryParam("campaign", campaign).get(ZONES + "/summary").then().statusCode(200)
                // Their member communes' populations (2023): 18,250, where the EPCI figures above add up to 18,229.
                .body("zoneCount", equalTo(2)).body("populationCovered", equalTo(18250))
                .body("byDepartement.population.sum()", equalTo(18250))
                .body("regionPopulation", equalTo(6124653)).body("shareOfRegionPopulation", equalTo(0.30f))
                .body("byDepartement.code", contains("32", "81")).body("byDepartement[1].zoneCount", equalTo(1))
                .body("announced", nullValue());
    }

    @Test
    void aCsvListIsDesignatedWhole() {
        String campaign = campaign();
        String csv = "epci_siren,epci_name,target_days_per_month,notes\n"
                + "244600573,CC du Causse de Labastide Murat,4,\"causse, north\"\n"
                + "200035327,,6,\n";
        ars().contentType("text/csv").queryParam("campaign", campaign).body(csv).post(ZONES + "/bulk-designations").then()
                .statusCode(201).body("designated", equalTo(2)).body("zones[0].status", equalTo("DESIGNATED"));
        ars().queryParam("campaign", campaign).queryParam("sort", "epciSiren").get(ZONES).then().body("total", equalTo(2))
                .body("items[1].notes", equalTo("causse, north")).body("items[1].targetDaysPerMonth", equalTo(4.0f));
    }

    @Test
    void aQuotedLineBreakStaysInItsFieldAndBadRecordsAreNamedByTheLineTheyStartOn() {
        String campaign = campaign();
        String multiLine = "epci_siren,notes\n244600573,\"first line\nsecond line\"\n";
        ars().contentType("text/csv").queryParam("campaign", campaign).body(multiLine + "12345,\n" + "200035327,\"never closed\n")
                .post(ZONES + "/bulk-designations").then()
                .statusCode(422).body("type", equalTo("urn:civmil:problem:invalid-csv-lines"))
                .body("violations.field", contains("line 4", "line 5"))
                .body("violations[1].message", containsString("not well-formed CSV"));
        ars().contentType("text/csv").queryParam("campaign", campaign).body(multiLine).post(ZONES + "/bulk-designations").then()
                .statusCode(201).body("designated", equalTo(1));
        ars().queryParam("campaign", campaign).get(ZONES).then().body("items[0].notes", equalTo("first line\nsecond line"));
    }

    @Test
    void aCsvListWithBadLinesReportsEachAndDesignatesNothing() {
        String campaign = campaign();
        designate("200006930", campaign, "PROPOSED").statusCode(201);
        String csv = "epci_siren,epci_name,departement,apl,decision_date\n"
                + "200070795,,65,2.5,2025-07-01\n"              // line 2: fine
                + "12345,,,,\n"                                  // line 3: malformed SIREN
                + "123456782,,,,\n"                              // line 4: no such EPCI
                + "246600548,Wrong name,66,,\n"                  // line 5: name differs
                + "200040418,,31,,\n"                            // line 6: wrong département
                + "200042463,,,-3,01/07/2025\n"                  // line 7: negative APL and bad date
                + "200006930,,,,\n"                              // line 8: already zoned
                + "200070795,,,,\n"                              // line 9: twice in the file
                + "200044469,too,many,fields,here,really\n";     // line 10: field count
        ars().contentType("text/csv").queryParam("campaign", campaign).body(csv).post(ZONES + "/bulk-designations").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:civmil:problem:invalid-csv-lines"))
                .body("violations.field", contains("line 3", "line 4", "line 5", "line 6", "line 7", "line 7", "line 8", "line 9", "line 10"))
                .body("violations[1].message", containsString("123456782"))
                .body("violations[6].message", containsString("already in zone"));
        ars().queryParam("campaign", campaign).get(ZONES).then().body("total", equalTo(1));
        ars().contentType("text/csv").queryParam("campaign", campaign).body("siren\n200070795\n").post(ZONES + "/bulk-designations")
                .then().statusCode(400).body("type", equalTo("urn:civmil:problem:invalid-csv"));
        ars().contentType("text/csv").queryParam("campaign", campaign).body("").post(ZONES + "/bulk-designations")
                .then().statusCode(400);
    }
}
