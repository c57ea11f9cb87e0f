package fr.civmil.health.gateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The breaker's states on a clock the test drives. */
class CircuitBreakerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void onlyConsecutiveFailuresOpenIt() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10));
        breaker.failed(0);
        breaker.failed(0);
        breaker.succeeded();
        breaker.failed(0);
        breaker.failed(0);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        breaker.failed(0);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryPass(SECOND));
        assertEquals(9, breaker.retryAfterSeconds(SECOND));
    }

    @Test
    void afterOpenForOneProbePassesAndItsOutcomeDecides() {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(10));
        breaker.failed(0);
        assertTrue(breaker.tryPass(10 * SECOND));
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryPass(11 * SECOND), "one probe at a time");
        breaker.failed(11 * SECOND);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryPass(20 * SECOND));
        assertTrue(breaker.tryPass(21 * SECOND));
        breaker.succeeded();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryPass(21 * SECOND));
    }

    @Test
    void aProbeThatNeverReportsDoesNotKeepTheCircuitShut() {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(10));
        breaker.failed(0);
        assertTrue(breaker.tryPass(10 * SECOND)); // the probe's client goes away: no outcome
        assertFalse(breaker.tryPass(15 * SECOND));
        assertTrue(breaker.tryPass(20 * SECOND));
    }
}
