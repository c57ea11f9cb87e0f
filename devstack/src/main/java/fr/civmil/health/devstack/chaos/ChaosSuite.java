package fr.civmil.health.devstack.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import fr.civmil.health.devstack.DevStack;

/**
 * Faults injected into real processes of the local run while {@link Workload} writes across the three services through
 * the gateway; after each, the workload is paused and the {@link Invariants} are read from the APIs until they hold
 * (or a minute has passed). Recorded per fault: the writes accepted meanwhile, the answers the client had to send
 * again, the time from the fault's end (the process ready, the broker or database back) to the client's pending writes
 * all answered and to every effect checked, the effects lost and duplicated, and the dead-lettered records.
 *
 * <p>Usage (after {@code ./mvnw -B -DskipTests install}): {@code bench/chaos/run.sh}, or
 * {@code java -cp "devstack/target/classes:devstack/target/lib/*" fr.civmil.health.devstack.chaos.ChaosSuite [replicas] [broker-down-seconds] [only the faults whose name contains this]}
 */
public final class ChaosSuite {

    /** One fault: what it does to the stack; returns the {@link System#nanoTime()} at which it is over. */
    public record Fault(String name, Injection injection) {
    }

    @FunctionalInterface
    public interface Injection {
        long inject(DevStack stack) throws Exception;
    }

    /** What a fault cost. */
    public record Round(String fault, long writes, long retried, long settledAfterMillis, long consistentAfterMillis, long lost,
            long duplicated, long deadLetters, List<String> findings) {

        public boolean clean() {
            return lost == 0 && duplicated == 0 && deadLetters == 0;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d |", fault, writes, retried, settledAfterMillis,
                    consistentAfterMillis, lost, duplicated, deadLetters);
        }
    }

    static final String HEADER = """
            | fault | writes accepted in the round (steady period, fault, until settled) | answers the client sent again | fault over → client's writes all answered (ms) | fault over → every effect checked (ms) | lost | duplicated | dead-lettered |
            |---|---|---|---|---|---|---|---|""";

    private static final List<String> SERVICES = List.of("zones-service", "partnership-service", "referral-network-service");
    private static final Duration CONVERGENCE_LIMIT = Duration.ofSeconds(60);

    private final DevStack stack;
    private final Duration steady;
    private final Duration down;

    /**
     * @param steady how long the workload runs before each fault
     * @param down   how long a killed process stays down
     */
    public ChaosSuite(DevStack stack, Duration steady, Duration down) {
        this.stack = stack;
        this.steady = steady;
        this.down = down;
    }

    /** Every instance of the service killed (SIGKILL), down for a while, started again; over when one answers ready. */
    public Fault killService(String service) {
        return new Fault("kill -9 " + service + (stack.instanceNames(service).size() > 1 ? " (every replica)" : ""), s -> {
            List<String> names = s.instanceNames(service);
            for (String name : names) {
                s.kill(name);
            }
            Thread.sleep(down.toMillis());
            List<CompletableFuture<Long>> ready = new ArrayList<>();
            for (String name : names) {
                ready.add(CompletableFuture.supplyAsync(() -> restart(s, name)));
            }
            return ready.stream().mapToLong(CompletableFuture::join).min().orElseThrow();
        });
    }

    /** One instance killed while the others serve; over when it answers ready again. */
    public Fault killInstance(String instance) {
        return new Fault("kill -9 " + instance + " (one of " + stack.instanceNames(instance.replaceAll("-\\d+$", "")).size() + ")", s -> {
            s.kill(instance);
            Thread.sleep(down.toMillis());
            return s.restart(instance);
        });
    }

    public Fault stopBroker(Duration brokerDown) {
        return new Fault("broker stopped " + brokerDown.toSeconds() + " s", s -> {
            s.stopBroker();
            Thread.sleep(brokerDown.toMillis());
            s.startBroker();
            return System.nanoTime();
        });
    }

    public Fault restartDatabase(Duration databaseDown) {
        return new Fault("PostgreSQL down " + databaseDown.toSeconds() + " s", s -> {
            s.restartDatabase(databaseDown);
            return System.nanoTime();
        });
    }

    /** The whole fault list of the bench: each service, one replica when there are several, broker, database, gateway. */
    public List<Fault> everyFault(Duration brokerDown) {
        List<Fault> faults = new ArrayList<>();
        SERVICES.forEach(service -> faults.add(killService(service)));
        List<String> zones = stack.instanceNames("zones-service");
        if (zones.size() > 1) {
            faults.add(killInstance(zones.get(zones.size() - 1)));
        }
        faults.add(stopBroker(brokerDown));
        faults.add(restartDatabase(Duration.ofSeconds(5)));
        faults.add(killService("gateway"));
        return faults;
    }

    /** Runs the workload and the faults in turn; one round per fault. */
    public List<Round> run(List<Fault> faults) throws Exception {
        List<Round> rounds = new ArrayList<>();
        SuiteClient client = new SuiteClient(stack);
        try (KafkaWatch kafka = new KafkaWatch(stack.kafkaBootstrapServers())) {
            // The demo data's events applied first: the figures read before the run must be final.
            for (String service : SERVICES) {
                kafka.awaitCaughtUp(service, CONVERGENCE_LIMIT);
            }
            String run = "chaos-" + Long.toString(System.currentTimeMillis(), 36);
            try (Workload workload = new Workload(client, run, Workload.freePlaces(client, 150))) {
                Invariants invariants = new Invariants(client, workload);
                workload.start();
                for (Fault fault : faults) {
                    long writes = workload.ledger.writes.get();
                    long retried = client.retried();
                    Thread.sleep(steady.toMillis());
                    say("fault: " + fault.name());
                    long over = fault.injection().inject(stack);
                    workload.pause();
                    long settled = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - over);
                    failOn(workload);
                    Invariants.Verdict verdict = invariants.check();
                    long deadline = System.nanoTime() + CONVERGENCE_LIMIT.toNanos();
                    while (!verdict.holds() && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                        verdict = invariants.check();
                    }
                    long consistentAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - over);
                    Round round = new Round(fault.name(), workload.ledger.writes.get() - writes, client.retried() - retried, settled, consistentAfter,
                            verdict.lost(), verdict.duplicated(), kafka.deadLetters(), verdict.findings());
                    rounds.add(round);
                    say(round.row() + (round.findings().isEmpty() ? "" : " " + round.findings()));
                    workload.resume();
                }
                workload.pause();
                failOn(workload);
            }
        }
        return rounds;
    }

    private static void failOn(Workload workload) {
        if (!workload.failures.isEmpty()) {
            IllegalStateException failed = new IllegalStateException("the workload stopped: " + workload.failures.get(0).getMessage());
            workload.failures.forEach(failed::addSuppressed);
            throw failed;
        }
    }

    private static long restart(DevStack stack, String name) {
        try {
            return stack.restart(name);
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not start again", e);
        }
    }

    static String table(List<Round> rounds) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        rounds.forEach(round -> out.append(round.row()).append('\n'));
        return out.toString();
    }

    private static void say(String line) {
        System.out.println("[chaos] " + line);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        int replicas = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Duration brokerDown = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
        // Optional: only the faults whose name contains this text (e.g. "PostgreSQL"), to repeat one.
        String only = args.length > 2 ? args[2] : "";
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path logs = root.resolve("bench/chaos/target/logs");
        DevStack.logInfrastructureTo(logs);
        say("Starting the suite with " + replicas + " replica(s) of each service (free ports, logs in " + logs + ")");
        List<Round> rounds;
        try (DevStack stack = DevStack.start(root, DevStack.Layout.freePorts(replicas), logs)) {
            ChaosSuite suite = new ChaosSuite(stack, Duration.ofSeconds(5), Duration.ofSeconds(5));
            rounds = suite.run(suite.everyFault(brokerDown).stream().filter(fault -> fault.name().contains(only)).toList());
        }
        String table = table(rounds);
        System.out.println();
        System.out.println(table);
        Files.writeString(root.resolve("bench/chaos/target/chaos.md"), table);
        if (!rounds.stream().allMatch(Round::clean)) {
            System.out.println("Effects lost, duplicated or dead-lettered: see the rows above.");
            System.exit(1);
        }
    }
}
