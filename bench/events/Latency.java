import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.devstack.DevStack;
import fr.civmil.health.devstack.Rpps;

/**
 * Events across services, on real processes (DevStack on free ports, one replica each): from a producer's commit to
 * each consumer's commit of the same event, on PostgreSQL's one clock (every service's database is on the same server,
 * which records each transaction's commit time: track_commit_timestamp). Two flows, each N events sent at a steady
 * rate after a warm-up:
 * <ul>
 * <li>a zone designated (zones-service) → referral-network-service's directory knows it (consumer priority-zones);</li>
 * <li>a doctor's charter activated (referral-network-service) → zones-service's coverage counts the doctor
 * (referenced-doctors) and partnership-service's figures (referral-feed).</li>
 * </ul>
 * The producer's commit is that of the aggregate's row (the zone, the doctor), written in the transaction that
 * recorded the event; the consumer's is that of its inbox row, written with the projection's change.
 *
 * Usage (after ./mvnw -B -DskipTests install):
 *   java -cp "devstack/target/classes:devstack/target/lib/*" bench/events/Latency.java [events per flow, default 1000]
 *   [events per second, default 25]
 * Prints one line per flow and consumer, and writes them to bench/events/target/latency.txt.
 */
public class Latency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESIGNATED = "fr.civmil.zones.priority-zone.designated.v1";
    private static final String CHARTER_CHANGED = "fr.civmil.referral.doctor.charter-status-changed.v1";

    private final DevStack stack;

    Latency(DevStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path logs = root.resolve("bench/events/target/logs");
        DevStack.logInfrastructureTo(logs);
        List<String> lines = new ArrayList<>();
        try (DevStack stack = DevStack.startOnFreePorts(root, 1, logs)) {
            Latency bench = new Latency(stack);
            lines.addAll(bench.designations(events, rate));
            lines.addAll(bench.charterActivations(events, rate));
        }
        String header = String.format(Locale.ROOT, "%s, %d events per flow at %d/s, commit to consumer commit (PostgreSQL's clock)%n",
                Instant.now(), events, rate);
        Path out = root.resolve("bench/events/target/latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, header + String.join("\n", lines) + "\n");
        System.out.print(header);
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private List<String> designations(int events, int rate) throws Exception {
        Deque<String> epci = nationalEpci();
        String campaign = "bench-" + System.currentTimeMillis();
        // Warm-up, not counted (the JIT and the pools settle); the national reference has 1,255 EPCI in all.
        steady(warmUp(events), rate, i -> designate(epci, campaign));
        Instant measured = databaseNow("zones");
        steady(events, rate, i -> designate(epci, campaign));
        List<String> lines = new ArrayList<>();
        lines.add(report("zone designated -> referral directory (priority-zones)",
                latencies("zones", "priority_zone", DESIGNATED, measured, "referral", "priority-zones", events)));
        lines.add(report("  of which zones' relay: commit -> broker's ack recorded",
                relayed("zones", "priority_zone", DESIGNATED, measured)));
        return lines;
    }

    private List<String> charterActivations(int events, int rate) throws Exception {
        int warmUp = warmUp(events);
        List<String> doctors = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < warmUp + events; i++) {
            created.add(pool.submit(this::referenceDoctor));
        }
        for (Future<String> doctor : created) {
            doctors.add(doctor.get());
        }
        pool.shutdown();
        Thread.sleep(3000); // their referenced events applied before the measure starts
        steady(warmUp, rate, i -> activate(doctors.get(i)));
        Instant measured = databaseNow("referral");
        steady(events, rate, i -> activate(doctors.get(warmUp + i)));
        List<String> lines = new ArrayList<>();
        lines.add(report("charter activated -> zones coverage (referenced-doctors)",
                latencies("referral", "referenced_doctor", CHARTER_CHANGED, measured, "zones", "referenced-doctors", events)));
        lines.add(report("charter activated -> partnership figures (referral-feed)",
                latencies("referral", "referenced_doctor", CHARTER_CHANGED, measured, "partnership", "referral-feed", events)));
        lines.add(report("  of which referral's relay: commit -> broker's ack recorded",
                relayed("referral", "referenced_doctor", CHARTER_CHANGED, measured)));
        return lines;
    }

    /**
     * Events sent first and not counted: the JIT, the pools and the consumers' fetch settle. The national reference has
     * 1,255 EPCI, enough for 1,000 designations after 200 of warm-up.
     */
    private static int warmUp(int events) {
        return Math.max(20, events / 5);
    }

    /** Sends {@code count} requests at a fixed rate (an open loop: a slow answer does not delay the next send). */
    private static void steady(int count, int rate, IntFunction<Object> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Object>> sent = new ArrayList<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            sent.add(pool.submit(() -> send.apply(index)));
            next += interval;
        }
        for (Future<Object> request : sent) {
            request.get();
        }
        pool.shutdown();
    }

    /**
     * Waits until the consumer applied every event of the type recorded since {@code from}, then returns each one's
     * latency in microseconds: consumer commit minus the producer's commit of the aggregate's row.
     */
    private List<Long> latencies(String producerDb, String aggregateTable, String type, Instant from, String consumerDb,
            String consumer, int expected) throws Exception {
        Map<String, Instant> committed = new HashMap<>();
        try (Connection db = connect(producerDb); PreparedStatement query = db.prepareStatement("""
                select o.id::text, pg_xact_commit_timestamp(a.xmin) from outbox_event o join %s a on a.id::text = o.aggregate_id
                where o.type = ? and o.created_at >= ?""".formatted(aggregateTable))) {
            query.setString(1, type);
            query.setTimestamp(2, Timestamp.from(from));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    committed.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        if (committed.size() < expected) {
            throw new IllegalStateException(expected + " events sent, " + committed.size() + " recorded");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection db = connect(consumerDb); PreparedStatement query = db.prepareStatement("""
                select event_id, pg_xact_commit_timestamp(xmin) from inbox_event where consumer = ? and event_type = ?""")) {
            while (true) {
                List<Long> latencies = new ArrayList<>();
                query.setString(1, consumer);
                query.setString(2, type);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Instant produced = committed.get(rows.getString(1));
                        if (produced != null) {
                            latencies.add(Duration.between(produced, rows.getTimestamp(2).toInstant()).toNanos() / 1000);
                        }
                    }
                }
                if (latencies.size() >= committed.size()) {
                    return latencies;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(consumer + " applied " + latencies.size() + " of " + committed.size() + " events");
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * The producer's side alone: commit of the aggregate's row to the commit of its relay marking the event published,
     * which it does once the broker acknowledged it (in microseconds).
     */
    private List<Long> relayed(String producerDb, String aggregateTable, String type, Instant from) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (Connection db = connect(producerDb); PreparedStatement query = db.prepareStatement("""
                select pg_xact_commit_timestamp(a.xmin), pg_xact_commit_timestamp(o.xmin) from outbox_event o
                join %s a on a.id::text = o.aggregate_id where o.type = ? and o.created_at >= ? and o.published_at is not null"""
                .formatted(aggregateTable))) {
            query.setString(1, type);
            query.setTimestamp(2, Timestamp.from(from));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    latencies.add(Duration.between(rows.getTimestamp(1).toInstant(), rows.getTimestamp(2).toInstant()).toNanos() / 1000);
                }
            }
        }
        return latencies;
    }

    private static String report(String flow, List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        return String.format(Locale.ROOT, "%-58s n=%d p50 %.1f ms p90 %.1f ms p99 %.1f ms max %.1f ms", flow, sorted.size(),
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private Connection connect(String database) throws Exception {
        var server = stack.database();
        Connection connection = DriverManager.getConnection(server.jdbcUrl(database), server.username(), server.password());
        try (ResultSet on = connection.createStatement().executeQuery("select current_setting('track_commit_timestamp')")) {
            on.next();
            if (!on.getString(1).equals("on")) {
                throw new IllegalStateException("the server does not record commit times (track_commit_timestamp = on)");
            }
        }
        return connection;
    }

    private Instant databaseNow(String database) throws Exception {
        try (Connection db = connect(database); ResultSet now = db.createStatement().executeQuery("select clock_timestamp()")) {
            now.next();
            return now.getTimestamp(1).toInstant();
        }
    }

    /** Every EPCI of the national reference, to designate fresh ones (one in a live zone already is refused and skipped). */
    private Deque<String> nationalEpci() throws Exception {
        Deque<String> sirens = new ArrayDeque<>();
        for (int page = 0;; page++) {
            JsonNode items = JSON.readTree(expect(send("zones-service", "GET", "/api/v1/territories/epci?size=200&page=" + page,
                    "auditor", null, null), 200, "EPCI list")).get("items");
            if (items.isEmpty()) {
                return sirens;
            }
            items.forEach(epci -> sirens.add(epci.get("siren").asText()));
        }
    }

    private Object designate(Deque<String> epci, String campaign) {
        while (true) {
            String siren;
            synchronized (epci) {
                siren = epci.pop();
            }
            HttpResponse<String> response = send("zones-service", "POST", "/api/v1/priority-zones", "admin",
                    "{\"epciSiren\":\"" + siren + "\",\"campaign\":\"" + campaign + "\"}", null);
            if (response.statusCode() == 201) {
                return siren;
            }
            if (response.statusCode() != 409 && response.statusCode() != 422) {
                throw new IllegalStateException("designation: " + response.statusCode() + " " + response.body());
            }
        }
    }

    private String referenceDoctor() throws Exception {
        String body = expect(send("referral-network-service", "POST", "/api/v1/doctors", "cnmss", """
                {"rpps":"%s","lastName":"Essai","firstName":"Latence","profession":"PHYSICIAN","specialty":"GENERAL_PRACTICE",
                 "practiceLocations":[{"address":"1 place du Capitole","postalCode":"31000","communeCode":"31555"}],
                 "teleconsultation":false,"languages":["fr"],
                 "capacity":{"acceptingNewPatients":true,"remainingPlaces":5,"confirmedOn":"2026-11-02"}}""".formatted(Rpps.fresh()),
                null), 201, "doctor");
        return JSON.readTree(body).get("id").asText();
    }

    private Object activate(String doctorId) {
        HttpResponse<String> doctor = send("referral-network-service", "GET", "/api/v1/doctors/" + doctorId, "cnmss", null, null);
        return expect(send("referral-network-service", "POST", "/api/v1/doctors/" + doctorId + "/charter-transitions", "cnmss",
                "{\"to\":\"ACTIVE\"}", doctor.headers().firstValue("ETag").orElseThrow()), 200, "charter");
    }

    private HttpResponse<String> send(String service, String method, String path, String role, String body, String ifMatch) {
        try {
            return stack.call(service, method, path, role, body, ifMatch);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    private static String expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
