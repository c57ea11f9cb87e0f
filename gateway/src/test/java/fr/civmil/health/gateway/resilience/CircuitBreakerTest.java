package fr.civmil.health.gateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The breaker's states on a clock the test drives. */
class CircuitBreakerTest {

    private static final long SECOND = 1_000_000_000L;

    private static CircuitBreaker breaker() {
        return new CircuitBreaker(0.5, 4, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void opensWhenHalfTheCallsInTheWindowFailedOnceThereAreEnoughOfThem() {
        CircuitBreaker breaker = breaker();
        breaker.failed(0);
        breaker.failed(0);
        breaker.failed(0);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "three outcomes are not enough to judge");
        for (int i = 0; i < 4; i++) {
            breaker.succeeded(0);
        }
        breaker.failed(0);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "4 failures out of 8");
        assertFalse(breaker.tryPass(SECOND));
        assertEquals(9, breaker.retryAfterSeconds(SECOND));
    }

    @Test
    void staysClosedUnderTheRatio() {
        CircuitBreaker breaker = breaker();
        for (int i = 0; i < 6; i++) {
            breaker.succeeded(0);
        }
        for (int i = 0; i < 4; i++) {
            breaker.failed(0);
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "4 failures out of 10");
        assertTrue(breaker.tryPass(0));
    }

    @Test
    void interleavedFailuresOpenItWhereConsecutiveCountingNeverWould() {
        // A dead instance among live ones: its failures never come in a row.
        CircuitBreaker breaker = breaker();
        for (int i = 0; i < 2; i++) {
            breaker.succeeded(i * SECOND);
            breaker.failed(i * SECOND);
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    }

    @Test
    void outcomesOlderThanTheWindowNoLongerCount() {
        CircuitBreaker breaker = breaker();
        breaker.failed(0);
        breaker.failed(0);
        breaker.failed(0);
        // Eleven seconds later the three failures are gone: one more makes one out of one, under the minimum.
        breaker.failed(11 * SECOND);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        breaker.succeeded(12 * SECOND);
        breaker.succeeded(12 * SECOND);
        breaker.failed(13 * SECOND);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "2 failures out of 4 within the window");
    }

    @Test
    void afterOpenForTheInstanceIsAskedIfItIsReadyThenOneProbePassesItsFailureReopensItsSuccessCloses() {
        CircuitBreaker breaker = new CircuitBreaker(1.0, 1, Duration.ofSeconds(10), Duration.ofSeconds(10));
        breaker.failed(0);
        assertFalse(breaker.readinessCheckDue(5 * SECOND));
        assertTrue(breaker.readinessCheckDue(10 * SECOND));
        assertFalse(breaker.readinessCheckDue(10 * SECOND), "one check at a time");
        assertFalse(breaker.tryPass(10 * SECOND), "no request before the instance says it is ready");
        breaker.readinessChecked(10 * SECOND, false);
        assertFalse(breaker.readinessCheckDue(11 * SECOND), "not ready: asked again an eighth of open-for later");
        assertTrue(breaker.readinessCheckDue(10 * SECOND + SECOND * 5 / 4));
        breaker.readinessChecked(12 * SECOND, true);
        assertTrue(breaker.wouldPass(20 * SECOND));
        assertTrue(breaker.tryPass(20 * SECOND));
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryPass(20 * SECOND), "one probe at a time");
        breaker.failed(21 * SECOND);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryPass(31 * SECOND), "after a failed probe, the instance is asked again first");
        assertTrue(breaker.readinessCheckDue(31 * SECOND));
        breaker.readinessChecked(31 * SECOND, true);
        assertTrue(breaker.tryPass(31 * SECOND));
        breaker.succeeded(31 * SECOND);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryPass(31 * SECOND));
    }

    @Test
    void aProbeWhoseOutcomeNeverCameDoesNotKeepTheCircuitShut() {
        CircuitBreaker breaker = new CircuitBreaker(1.0, 1, Duration.ofSeconds(10), Duration.ofSeconds(10));
        breaker.failed(0);
        assertTrue(breaker.readinessCheckDue(10 * SECOND));
        breaker.readinessChecked(10 * SECOND, true);
        assertTrue(breaker.tryPass(10 * SECOND)); // its client leaves: no outcome is reported
        assertFalse(breaker.readinessCheckDue(15 * SECOND));
        assertTrue(breaker.readinessCheckDue(20 * SECOND));
    }

    @Test
    void aFailureReportedAfterTheCircuitOpenedDoesNotExtendIt() {
        CircuitBreaker breaker = new CircuitBreaker(1.0, 1, Duration.ofSeconds(10), Duration.ofSeconds(10));
        breaker.failed(0);
        breaker.failed(5 * SECOND); // a request that was already in flight
        assertTrue(breaker.readinessCheckDue(10 * SECOND));
    }
}
