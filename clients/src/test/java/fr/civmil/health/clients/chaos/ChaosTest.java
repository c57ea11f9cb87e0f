package fr.civmil.health.clients.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStack;
import fr.civmil.health.devstack.chaos.ChaosSuite;

/**
 * The chaos suite's bounded variant (the whole one is bench/chaos/run.sh): on a stack of its own, since its faults
 * would disturb the stack the client tests share, the workload writes across the three services through the gateway
 * while referral-network-service, then the gateway, are killed with SIGKILL and started again. After each, every
 * effect is read back from the APIs: none lost, none duplicated, nothing dead-lettered.
 */
class ChaosTest {

    @Test
    void nothingIsLostNorDuplicatedWhenAServiceThenTheGatewayAreKilled() throws Exception {
        Path root = Path.of(System.getProperty("civmil.root", "..")).toAbsolutePath().normalize();
        try (DevStack stack = DevStack.startOnFreePorts(root, 1, root.resolve("clients/target/chaos-logs"))) {
            ChaosSuite suite = new ChaosSuite(stack, Duration.ofSeconds(2), Duration.ofSeconds(2));
            List<ChaosSuite.Round> rounds = suite.run(List.of(suite.killService("referral-network-service"), suite.killService("gateway")));
            assertEquals(2, rounds.size());
            for (ChaosSuite.Round round : rounds) {
                String what = round.fault() + ": " + round.findings();
                assertTrue(round.writes() > 0, what);
                assertEquals(0, round.lost(), what);
                assertEquals(0, round.duplicated(), what);
                assertEquals(0, round.deadLetters(), what);
                // Bounded generously here (a busy CI machine); the targets are measured by the bench.
                assertTrue(round.consistentAfterMillis() < 30_000, what + " took " + round.consistentAfterMillis() + " ms");
            }
        }
    }
}
