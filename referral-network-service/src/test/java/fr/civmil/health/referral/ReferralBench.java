package fr.civmil.health.referral;

import static fr.civmil.health.referral.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import fr.civmil.health.devstack.DevStackTestResource;
import fr.civmil.health.reference.ReferenceGeography;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmarks of bench/referral (not part of the test command: surefire only runs *Test classes).
 * Run: ./mvnw -B -o -pl referral-network-service test -Dtest=ReferralBench -Dsurefire.failIfNoSpecifiedTests=false
 * Results: referral-network-service/target/referral-bench.txt
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ReferralBench {

    static final int DOCTORS = Integer.getInteger("bench.doctors", 100_000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    static final int SEARCHES_PER_CLIENT = Integer.getInteger("bench.searches", 300);
    static final List<String> SPECIALTIES = List.of("GENERAL_PRACTICE", "GENERAL_PRACTICE", "GENERAL_PRACTICE", "PAEDIATRICS",
            "PSYCHIATRY", "OPHTHALMOLOGY", "DERMATOLOGY", "CARDIOLOGY");
    static final String SEARCH_COUNT = "select count(*) from referenced_doctor d where true and d.specialty = ? and d.accepting_new_patients = ?"
            + " and exists (select 1 from practice_location l where l.doctor_id = d.id and l.departement_code = ?)";
    static final String SEARCH_PAGE = "select d.id from referenced_doctor d where true and d.specialty = ? and d.accepting_new_patients = ?"
            + " and exists (select 1 from practice_location l where l.doctor_id = d.id and l.departement_code = ?)"
            + " order by (d.capacity_confirmed_on >= ?) desc, d.search_name asc, d.id asc limit 20 offset 0";
    static final String SEARCH_FETCH = "select d.*, l.* from referenced_doctor d left join practice_location l on l.doctor_id = d.id"
            + " where d.id = any (?)";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    final StringBuilder report = new StringBuilder();

    @Test
    void bench() throws Exception {
        ReferenceGeography geo = ReferenceGeography.load();
        List<ReferenceGeography.Commune> communes = geo.departements(null).stream()
                .flatMap(d -> geo.communes(null, null, d.code()).stream().filter(c -> !c.postalCodes().isEmpty()).limit(40))
                .toList();
        List<String> departements = communes.stream().map(ReferenceGeography.Commune::departementCode).distinct().toList();
        String csv = csv(communes);
        line("machine: %d cores, Java %s; %,d doctors over %d départements", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), DOCTORS, departements.size());

        line("generated CSV: %,d bytes", csv.length());
        importAndCopy(csv);
        search(departements);
        assignments();

        Path out = Path.of("target", "referral-bench.txt");
        Files.writeString(out, report);
        System.out.println(report);
    }

    private String csv(List<ReferenceGeography.Commune> communes) {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder(DOCTORS * 140).append(DoctorImportTest.HEADER);
        LocalDate today = LocalDate.now();
        for (int i = 0; i < DOCTORS; i++) {
            ReferenceGeography.Commune c = communes.get(random.nextInt(communes.size()));
            csv.append(String.format(Locale.ROOT, "%d,Nom%06d,Prénom,PHYSICIAN,%s,\"%d rue de la Paix\",%s,%s,0561000000,%s,fr,%s,%d,%s,%s%n",
                    20_000_000_000L + i, i, SPECIALTIES.get(random.nextInt(SPECIALTIES.size())), 1 + random.nextInt(99),
                    c.postalCodes().get(0), c.insee(), random.nextBoolean(), random.nextInt(10) < 7, random.nextInt(30),
                    today.minusDays(random.nextInt(180)), random.nextInt(10) < 8 ? "2025-01-15" : ""));
        }
        return csv.toString();
    }

    private void importAndCopy(String csv) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/doctors/imports"))
                .header("Authorization", "Bearer " + Api.token("cnmss")).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        long start = System.nanoTime();
        HttpResponse<String> first = client.send(post, HttpResponse.BodyHandlers.ofString());
        double importSeconds = (System.nanoTime() - start) / 1e9;
        assertEquals(200, first.statusCode(), first.body());
        start = System.nanoTime();
        HttpResponse<String> again = client.send(post, HttpResponse.BodyHandlers.ofString());
        double reimportSeconds = (System.nanoTime() - start) / 1e9;
        assertEquals(200, again.statusCode(), again.body());

        // The same rows, COPY'd by plain JDBC into a table shaped like the import's staging table.
        String rows = csv.substring(csv.indexOf('\n') + 1);
        double copySeconds;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create temporary table bench_copy (rpps text, last_name text, first_name text, profession text,"
                    + " specialty text, address text, postal_code text, commune_code text, phone text, teleconsultation boolean,"
                    + " languages text, accepting boolean, remaining integer, confirmed_on date, signed_on date)");
            start = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_copy from stdin (format csv)", new StringReader(rows));
            copySeconds = (System.nanoTime() - start) / 1e9;
            statement.execute("drop table bench_copy");
        }
        line("");
        line("bulk import of %,d doctors over HTTP (validation, COPY, set-based upsert, %,d outbox events): %.2f s -> %s",
                DOCTORS, DOCTORS, importSeconds, first.body());
        line("re-import of the same file (nothing changes): %.2f s -> %s", reimportSeconds, again.body());
        line("plain COPY of the same rows into a bare table (JDBC): %.2f s", copySeconds);
    }

    private void search(List<String> departements) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        String token = Api.token("ars");
        Callable<long[]> http = () -> {
            Random random = new Random(Thread.currentThread().getId());
            long[] latencies = new long[SEARCHES_PER_CLIENT];
            for (int i = 0; i < SEARCHES_PER_CLIENT; i++) {
                String dep = departements.get(random.nextInt(departements.size()));
                HttpRequest get = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/doctors?departementCode=" + dep + "&specialty=GENERAL_PRACTICE&accepting=true&size=20"))
                        .header("Authorization", "Bearer " + token).GET().build();
                long t = System.nanoTime();
                HttpResponse<String> response = client.send(get, HttpResponse.BodyHandlers.ofString());
                latencies[i] = System.nanoTime() - t;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.body());
                }
            }
            return latencies;
        };
        Callable<long[]> sql = () -> {
            Random random = new Random(Thread.currentThread().getId());
            long[] latencies = new long[SEARCHES_PER_CLIENT];
            // Connections of its own, outside the service's pool, as a separate SQL client would have.
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
                for (int i = 0; i < SEARCHES_PER_CLIENT; i++) {
                    String dep = departements.get(random.nextInt(departements.size()));
                    long t = System.nanoTime();
                    try (PreparedStatement count = connection.prepareStatement(SEARCH_COUNT);
                            PreparedStatement page = connection.prepareStatement(SEARCH_PAGE);
                            PreparedStatement fetch = connection.prepareStatement(SEARCH_FETCH)) {
                        count.setString(1, "GENERAL_PRACTICE");
                        count.setBoolean(2, true);
                        count.setString(3, dep);
                        try (ResultSet rs = count.executeQuery()) {
                            rs.next();
                        }
                        page.setString(1, "GENERAL_PRACTICE");
                        page.setBoolean(2, true);
                        page.setString(3, dep);
                        page.setObject(4, LocalDate.now().minusDays(90));
                        List<Object> ids = new ArrayList<>();
                        try (ResultSet rs = page.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getObject(1));
                            }
                        }
                        fetch.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                        try (ResultSet rs = fetch.executeQuery()) {
                            while (rs.next()) {
                                rs.getString(1);
                            }
                        }
                    }
                    latencies[i] = System.nanoTime() - t;
                }
            }
            return latencies;
        };
        run(http, 2); // warm-up: JIT, connection pools, PostgreSQL caches
        line("");
        report("search over HTTP (département + GENERAL_PRACTICE + accepting, page of 20, JWT verified)", run(http, CLIENTS));
        run(sql, 2);
        report("same SQL by JDBC (count, page of ids, fetch of the page)", run(sql, CLIENTS));
    }

    private void assignments() throws Exception {
        int places = 50;
        int households = 500;
        String doctor = Api.activeDoctor(Api.doctor(Api.rpps(), "Bench", "GENERAL_PRACTICE", "83137", "83000", true, places,
                LocalDate.now()));
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            requests.add(ReferralRequestTest.register(ReferralRequestTest.request(ReferralRequestTest.caseRef(), "83137", "GENERAL_PRACTICE")));
        }
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        String token = Api.token("cnmss");
        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (String request : requests) {
            results.add(pool.submit(() -> {
                start.await();
                HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/referral-requests/"
                        + request + "/assignment")).header("Authorization", "Bearer " + token).header("If-Match", "\"0\"")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"doctorId\":\"" + doctor + "\"}")).build();
                return client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
            }));
        }
        long t = System.nanoTime();
        start.countDown();
        int ok = 0;
        int conflicts = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            ok += status == 200 ? 1 : 0;
            conflicts += status == 409 ? 1 : 0;
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        pool.shutdown();
        int remaining = as("ars").get("/api/v1/doctors/" + doctor).then().extract().path("capacity.remainingPlaces");
        line("");
        line("%d parallel assignments (100 client threads) on %d places: %d succeeded, %d got 409, %d places left, %.2f s",
                households, places, ok, conflicts, remaining, seconds);
        assertEquals(places, ok);
        assertEquals(households - places, conflicts);
    }

    private long[] run(Callable<long[]> client, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(client));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        return all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    private void report(String what, long[] sorted) {
        line("%s, %d clients x %d: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", what, CLIENTS, SEARCHES_PER_CLIENT,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println("[bench] " + text);
    }
}
