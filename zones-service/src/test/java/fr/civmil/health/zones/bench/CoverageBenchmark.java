package fr.civmil.health.zones.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.TestInfrastructure;
import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.reference.ReferenceGeography.Commune;
import fr.civmil.health.reference.ReferenceGeography.Epci;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Latency of a zone's 12-month coverage and of the regional ranking with 151 Occitanie zones and
 * 20,000 missions loaded, measured over HTTP (real JWT verification, real PostgreSQL). Run by
 * bench/zones/run.sh; excluded from the test command (tag "bench").
 */
@QuarkusTest
@Tag("bench")
class CoverageBenchmark {

    static final int ZONES = 151;
    static final int MISSIONS = 20_000;

    @Inject
    DataSource dataSource;

    @Inject
    ReferenceGeography geography;

    @TestHTTPResource("/")
    URL base;

    private final Random random = new Random(42);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void coverageAndRankingLatency() throws Exception {
        String campaign = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> zones = load(campaign);
        String token = TestInfrastructure.token("bench", "ars");
        StringBuilder report = new StringBuilder();
        report.append(String.format("zones-service coverage benchmark, %s, %d zones (région 76), %d missions, JDK %s, %d cores%n",
                Instant.now(), ZONES, MISSIONS, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
        report.append(String.format("%-52s %8s %8s %8s %8s %8s%n", "request (sequential, keep-alive)", "n", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        List<Commune> communes = geography.communes(null, null, "31");
        measure(report, token, "GET /territories/communes/{insee}", 300, 3000,
                i -> "/api/v1/territories/communes/" + communes.get(random.nextInt(communes.size())).insee());
        measure(report, token, "GET /priority-zones/{id}/coverage (12 months)", 300, 2000,
                i -> "/api/v1/priority-zones/" + zones.get(random.nextInt(zones.size())) + "/coverage?from=2026-01&to=2026-12");
        measure(report, token, "GET /priority-zones/coverage-ranking (151 zones)", 200, 1000,
                i -> "/api/v1/priority-zones/coverage-ranking?region=76&campaign=" + campaign + "&size=200&month=2026-"
                        + String.format("%02d", 1 + random.nextInt(12)));
        report.append(referenceHeap());
        Path out = Path.of("target", "zones-bench.txt");
        Files.writeString(out, report.toString());
        System.out.print(report);
    }

    private void measure(StringBuilder report, String token, String label, int warmUp, int n, IntFunction<String> path) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call(token, path.apply(i));
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            String p = path.apply(i);
            long start = System.nanoTime();
            call(token, p);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        report.append(String.format("%-52s %8d %8.2f %8.2f %8.2f %8.2f%n", label, n, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                nanos[n - 1] / 1e6));
    }

    private void call(String token, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** Rough heap cost of the national reference: used heap after GC with one more copy loaded. */
    private static String referenceHeap() {
        Runtime rt = Runtime.getRuntime();
        long before = usedAfterGc(rt);
        ReferenceGeography copy = ReferenceGeography.load();
        long after = usedAfterGc(rt);
        return String.format("reference geography (%d communes, %d EPCI) retained heap ~ %.1f MiB%n", copy.communeCount(), copy.epciCount(),
                (after - before) / 1048576.0);
    }

    private static long usedAfterGc(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Inserts the data set straight into the tables (the booking rules are not what is measured). */
    private List<UUID> load(String campaign) throws Exception {
        List<Epci> epcis = geography.epcis(null, null).stream().filter(e -> "76".equals(e.regionCode())).limit(ZONES).toList();
        assertEquals(ZONES, epcis.size());
        List<UUID> zones = new ArrayList<>();
        List<UUID> sites = new ArrayList<>();
        List<String> departements = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement zone = c.prepareStatement("""
                    insert into priority_zone (id, epci_siren, epci_name, epci_type, region_code, population, campaign, status,
                        target_days_per_month, created_at, updated_at, version) values (?, ?, ?, ?, '76', ?, ?, 'ACTIVE', ?, ?, ?, 0)""");
                    PreparedStatement site = c.prepareStatement("""
                    insert into consultation_site (id, zone_id, commune_code, name, kind, address_line, postal_code, rooms,
                        step_free_access, status, created_at, updated_at, version)
                    values (?, ?, ?, 'Bench site', 'HEALTH_CENTRE', '1 place', ?, 5, true, 'OPEN', ?, ?, 0)""")) {
                for (Epci epci : epcis) {
                    UUID zoneId = UUID.randomUUID();
                    zone.setObject(1, zoneId);
                    zone.setString(2, epci.siren());
                    zone.setString(3, epci.name());
                    zone.setString(4, epci.type());
                    zone.setObject(5, epci.population());
                    zone.setString(6, campaign);
                    zone.setBigDecimal(7, java.math.BigDecimal.valueOf(4 + random.nextInt(8)));
                    zone.setTimestamp(8, now);
                    zone.setTimestamp(9, now);
                    zone.addBatch();
                    Commune commune = geography.commune(epci.communeCodes().get(0)).orElseThrow();
                    UUID siteId = UUID.randomUUID();
                    site.setObject(1, siteId);
                    site.setObject(2, zoneId);
                    site.setString(3, commune.insee());
                    site.setString(4, commune.postalCodes().isEmpty() ? "00000" : commune.postalCodes().get(0));
                    site.setTimestamp(5, now);
                    site.setTimestamp(6, now);
                    site.addBatch();
                    zones.add(zoneId);
                    sites.add(siteId);
                    departements.add(commune.departementCode());
                }
                zone.executeBatch();
                site.executeBatch();
            }
            String[] slots = { "MORNING", "AFTERNOON", "FULL_DAY" };
            String[] statuses = { "PLANNED", "CONFIRMED", "COMPLETED", "COMPLETED", "COMPLETED", "CANCELLED" };
            try (PreparedStatement mission = c.prepareStatement("""
                    insert into solidarity_mission (id, site_id, zone_id, doctor_rpps, doctor_name, mission_date, slot, days, status,
                        region_code, departement_code, created_at, updated_at, version)
                    values (?, ?, ?, ?, 'Dr Bench', ?, ?, ?, ?, '76', ?, ?, ?, 0)""")) {
                for (int i = 0; i < MISSIONS; i++) {
                    int z = random.nextInt(ZONES);
                    String slot = slots[random.nextInt(3)];
                    mission.setObject(1, UUID.randomUUID());
                    mission.setObject(2, sites.get(z));
                    mission.setObject(3, zones.get(z));
                    mission.setString(4, String.format("%011d", 10_000_000_000L + random.nextInt(4000)));
                    mission.setDate(5, Date.valueOf(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365))));
                    mission.setString(6, slot);
                    mission.setBigDecimal(7, new java.math.BigDecimal(slot.equals("FULL_DAY") ? "1" : "0.5"));
                    mission.setString(8, statuses[random.nextInt(statuses.length)]);
                    mission.setString(9, departements.get(z));
                    mission.setTimestamp(10, now);
                    mission.setTimestamp(11, now);
                    mission.addBatch();
                    if (i % 1000 == 999) {
                        mission.executeBatch();
                    }
                }
                mission.executeBatch();
            }
            try (PreparedStatement intern = c.prepareStatement("""
                    insert into intern_placement (id, zone_id, intern_id, faculty, supervisor_rpps, start_date, end_date, created_at, version)
                    values (?, ?, ?, 'Bench faculty', '10101010101', ?, ?, ?, 0)""")) {
                for (int i = 0; i < 40; i++) {
                    LocalDate start = LocalDate.of(2026, 1 + random.nextInt(12), 1);
                    intern.setObject(1, UUID.randomUUID());
                    intern.setObject(2, zones.get(random.nextInt(ZONES)));
                    intern.setString(3, "BENCH-" + i);
                    intern.setDate(4, Date.valueOf(start));
                    intern.setDate(5, Date.valueOf(start.plusMonths(6)));
                    intern.setTimestamp(6, now);
                    intern.addBatch();
                }
                intern.executeBatch();
            }
            try (PreparedStatement doctor = c.prepareStatement(
                    "insert into referenced_doctor (doctor_id, rpps, charter_status, updated_at) values (?, null, ?, ?)");
                    PreparedStatement practice = c.prepareStatement(
                            "insert into referenced_doctor_commune (doctor_id, commune_code) values (?, ?)")) {
                List<Commune> occitanie = geography.communes(null, null, null).stream().filter(x -> "76".equals(x.regionCode())).toList();
                for (int i = 0; i < 1000; i++) {
                    String id = "bench-" + campaign + "-" + i;
                    doctor.setString(1, id);
                    doctor.setString(2, random.nextInt(10) == 0 ? "SUSPENDED" : "SIGNED");
                    doctor.setTimestamp(3, now);
                    doctor.addBatch();
                    practice.setString(1, id);
                    practice.setString(2, occitanie.get(random.nextInt(occitanie.size())).insee());
                    practice.addBatch();
                }
                doctor.executeBatch();
                practice.executeBatch();
            }
            c.commit();
            try (var analyze = c.createStatement()) {
                analyze.execute("analyze");
            }
        }
        return zones;
    }
}
