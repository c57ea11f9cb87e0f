package fr.civmil.health.gateway.resilience;

import java.time.Duration;

/**
 * The circuit of one upstream service. CLOSED: requests flow and consecutive failures (connection
 * refused or timed out, or the service answering 502, 503 or 504) are counted; at the threshold it OPENs and requests fail fast (503) for {@code openFor}; then one request
 * is let through as a probe (HALF_OPEN): its success closes the circuit, its failure opens it again.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openForNanos;
    private State state = State.CLOSED;
    private int failures;
    private long since;

    public CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openForNanos = openFor.toNanos();
    }

    /** Whether a request may go to the upstream now. */
    public synchronized boolean tryPass(long now) {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
            case HALF_OPEN:
                // HALF_OPEN: a probe whose outcome never came (client gone) must not keep the circuit shut.
                if (now - since >= openForNanos) {
                    state = State.HALF_OPEN;
                    since = now;
                    return true;
                }
                return false;
            default:
                throw new IllegalStateException(state.name());
        }
    }

    public synchronized void succeeded() {
        state = State.CLOSED;
        failures = 0;
    }

    public synchronized void failed(long now) {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            since = now;
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds until the next probe may pass. */
    public synchronized long retryAfterSeconds(long now) {
        return Math.max(1, (long) Math.ceil((openForNanos - (now - since)) / 1e9));
    }
}
