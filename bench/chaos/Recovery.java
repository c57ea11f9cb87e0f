import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.devstack.DevStack;
import fr.civmil.health.devstack.Rpps;
import fr.civmil.health.devstack.chaos.KafkaWatch;

/**
 * Recovery after a crash, on real processes of the local run (DevStack on free ports): each service in turn
 * is killed with SIGKILL; while it is down, the two others make real writes whose events it consumes (a zone
 * designated, a doctor referenced, an ORSAN activation activated and stood down); then it is started again.
 * Measured: from the moment it answers ready to the moment every one of its consumer groups has committed
 * up to the end of its topics (offsets are committed only once events are applied), polled every 10 ms
 * through the Kafka admin API. Also counted: the events published meanwhile, and dead letters. Then the broker
 * is stopped for 30 s while every service takes writes (measured: broker back → every event published and every
 * consumer group at the end), and PostgreSQL is restarted (measured: database back → each service answering a
 * read, then a write goes through).
 *
 * Usage (after ./mvnw -B -DskipTests install):
 *   java -cp "devstack/target/classes:devstack/target/lib/*" bench/chaos/Recovery.java [rounds per service, default 3]
 */
public class Recovery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("referral-network-service", "zones-service", "partnership-service");
    private static final Map<String, String> TOPIC = Map.of("zones-service", "zones.events.v1",
            "referral-network-service", "referral.events.v1", "partnership-service", "partnership.events.v1");
    private static final List<String> OCCITANIE = List.of("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82");

    private final DevStack stack;
    private final KafkaWatch kafka;
    private final Deque<String> freeEpci = new ArrayDeque<>();

    Recovery(DevStack stack) {
        this.stack = stack;
        this.kafka = new KafkaWatch(stack.kafkaBootstrapServers());
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path logs = root.resolve("bench/chaos/target/logs");
        Files.createDirectories(logs);
        System.out.println("Starting the suite (free ports, logs in " + logs + ")...");
        try (DevStack stack = DevStack.start(root, DevStack.Layout.freePorts(), logs)) {
            new Recovery(stack).run(rounds);
        }
    }

    void run(int rounds) throws Exception {
        collectEpci();
        for (String service : SERVICES) {
            kafka.awaitCaughtUp(service, Duration.ofSeconds(60)); // start from a settled suite
        }
        List<String> rows = new ArrayList<>();
        Map<String, List<Long>> applied = new HashMap<>();
        for (String victim : SERVICES) {
            for (int round = 1; round <= rounds; round++) {
                long killedAt = System.nanoTime();
                stack.kill(victim);
                int events = writeWhileDown(victim);
                long readyAt = stack.restart(victim);
                long caughtUpAt = kafka.awaitCaughtUp(victim, Duration.ofSeconds(60));
                long ms = TimeUnit.NANOSECONDS.toMillis(caughtUpAt - readyAt);
                applied.computeIfAbsent(victim, v -> new ArrayList<>()).add(ms);
                rows.add(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %d |", victim, round, events,
                        (readyAt - killedAt) / 1e9, ms));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        String broker = brokerStop(Duration.ofSeconds(30));
        System.out.println(broker);
        String database = databaseRestart(Duration.ofSeconds(5));
        System.out.println(database);
        long deadLetters = kafka.deadLetters();
        System.out.println();
        System.out.println("| killed (SIGKILL) | round | events published while down | kill → ready (s) | ready → all applied (ms) |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        applied.forEach((service, times) -> System.out.printf(Locale.ROOT, "%s: ready → all applied, max %d ms, median %d ms over %d rounds%n",
                service, times.stream().mapToLong(Long::longValue).max().orElse(0),
                times.stream().sorted().toList().get(times.size() / 2), times.size()));
        System.out.println(broker);
        System.out.println(database);
        System.out.println("dead-lettered records: " + deadLetters);
    }

    /**
     * The broker stopped for {@code down}: meanwhile every service takes writes (events wait in its outbox);
     * measured from the broker answering again to every event published and every consumer group at the end.
     */
    private String brokerStop(Duration down) throws Exception {
        for (String service : SERVICES) {
            kafka.awaitCaughtUp(service, Duration.ofSeconds(60));
        }
        long before = kafka.endOffsets(TOPIC.values()).values().stream().mapToLong(Long::longValue).sum();
        long stoppedAt = System.nanoTime();
        stack.stopBroker();
        designateZone();
        referenceDoctor();
        activateAndStandDown();
        int written = 4; // one designation, one doctor, an activation's activated and stood-down events
        Thread.sleep(Math.max(0, down.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt)));
        stack.startBroker();
        long backAt = System.nanoTime();
        long deadline = backAt + TimeUnit.SECONDS.toNanos(60);
        long published;
        while (true) {
            published = kafka.endOffsets(TOPIC.values()).values().stream().mapToLong(Long::longValue).sum() - before;
            if (published >= written && allCaughtUp()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not caught up 60 s after the broker came back: " + published + " published");
            }
            Thread.sleep(10);
        }
        return String.format(Locale.ROOT, "broker stopped %d s with %d events written meanwhile: broker back → all published (%d records)"
                + " and every consumer group at the end: %d ms", down.toSeconds(), written, published,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - backAt));
    }

    /** PostgreSQL restarted (down for {@code down}): measured from its accepting connections to each service answering a read again. */
    private String databaseRestart(Duration down) throws Exception {
        stack.restartDatabase(down);
        long backAt = System.nanoTime();
        Map<String, String> reads = Map.of("zones-service", "/api/v1/priority-zones?size=1",
                "partnership-service", "/api/v1/crisis-activations?size=1", "referral-network-service", "/api/v1/doctors?size=1");
        StringBuilder out = new StringBuilder("PostgreSQL down " + down.toSeconds() + " s, then back: answering reads again after");
        for (String service : SERVICES) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try {
                    if (send(service, "GET", reads.get(service), "auditor", null).statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException e) {
                    // Not answering yet.
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service + " not answering 60 s after the database came back");
                }
                Thread.sleep(10);
            }
            out.append(String.format(Locale.ROOT, " %s %d ms;", service, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - backAt)));
        }
        // And writes go through again, with their events.
        designateZone();
        return out.toString();
    }

    private boolean allCaughtUp() throws InterruptedException {
        for (String service : SERVICES) {
            if (!kafka.caughtUp(service)) {
                return false;
            }
        }
        return true;
    }

    /** Real writes on the two other services, each publishing events the victim consumes; returns how many. */
    private int writeWhileDown(String victim) throws Exception {
        Map<String, Long> before = kafka.endOffsets(TOPIC.values());
        if (!victim.equals("zones-service")) {
            designateZone();
        }
        if (!victim.equals("referral-network-service")) {
            referenceDoctor();
        }
        if (!victim.equals("partnership-service")) {
            activateAndStandDown();
        }
        // The producers' relays publish within milliseconds; wait until the broker has them all.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int expected = victim.equals("partnership-service") ? 2 : 3;
        while (true) {
            Map<String, Long> after = kafka.endOffsets(TOPIC.values());
            int published = (int) after.entrySet().stream()
                    .filter(e -> !TOPIC.get(victim).equals(e.getKey()))
                    .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
            if (published >= expected || System.nanoTime() > deadline) {
                return published;
            }
            Thread.sleep(20);
        }
    }

    private void designateZone() throws Exception {
        while (true) {
            String siren = freeEpci.pop();
            HttpResponse<String> response = send("zones-service", "POST", "/api/v1/priority-zones", "ars",
                    "{\"epciSiren\":\"" + siren + "\",\"campaign\":\"chaos-2026\"}");
            if (response.statusCode() == 201) {
                return;
            }
            if (response.statusCode() != 409 && response.statusCode() != 422) {
                throw new IllegalStateException("designation: " + response.statusCode() + " " + response.body());
            }
        }
    }

    private void referenceDoctor() throws Exception {
        HttpResponse<String> response = send("referral-network-service", "POST", "/api/v1/doctors", "cnmss", """
                {"rpps":"%s","lastName":"Essai","firstName":"Chaos","profession":"PHYSICIAN","specialty":"GENERAL_PRACTICE",
                 "practiceLocations":[{"address":"1 place du Capitole","postalCode":"31000","communeCode":"31555"}],
                 "teleconsultation":false,"languages":["fr"],
                 "capacity":{"acceptingNewPatients":true,"remainingPlaces":5,"confirmedOn":"2026-11-02"}}""".formatted(Rpps.fresh()));
        expect(response, 201, "doctor");
    }

    private void activateAndStandDown() throws Exception {
        HttpResponse<String> created = send("partnership-service", "POST", "/api/v1/crisis-activations", "ars", """
                {"plan":"AMAVI","departementCodes":["31"],"zoneIds":[],"reason":"Exercice de reprise après panne","requestingParty":"ARS"}""");
        expect(created, 201, "crisis activation");
        String id = JSON.readTree(created.body()).get("id").asText();
        expect(send("partnership-service", "POST", "/api/v1/crisis-activations/" + id + "/activation", "ssa", null, "\"0\""), 200, "activation");
        expect(send("partnership-service", "POST", "/api/v1/crisis-activations/" + id + "/stand-down", "ars",
                "{\"notes\":\"Fin d'exercice\"}", "\"1\""), 200, "stand-down");
    }

    /** The EPCI of Occitanie, to designate fresh ones (those already in a zone are refused and skipped). */
    private void collectEpci() throws Exception {
        for (String departement : OCCITANIE) {
            HttpResponse<String> page = send("zones-service", "GET", "/api/v1/territories/epci?departement=" + departement + "&size=200",
                    "auditor", null);
            expect(page, 200, "EPCI list");
            for (JsonNode epci : JSON.readTree(page.body()).get("items")) {
                freeEpci.add(epci.get("siren").asText());
            }
        }
    }

    private HttpResponse<String> send(String service, String method, String path, String role, String body) throws Exception {
        return send(service, method, path, role, body, null);
    }

    private HttpResponse<String> send(String service, String method, String path, String role, String body, String ifMatch)
            throws Exception {
        return stack.call(service, method, path, role, body, ifMatch);
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }
}
