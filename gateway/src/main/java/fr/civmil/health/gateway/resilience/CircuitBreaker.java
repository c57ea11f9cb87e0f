package fr.civmil.health.gateway.resilience;

import java.time.Duration;
import java.util.Arrays;

/**
 * The circuit of one upstream instance. CLOSED: requests flow and their outcomes are counted over a sliding
 * window (ten slices of {@code window / 10}); once at least {@code minimumCalls} outcomes are in the window and
 * the share of failures among them (connection refused or broken, timed out, or the instance answering 502, 503
 * or 504) reaches {@code failureRatio}, it OPENs: the instance is ejected and gets no request for {@code openFor}.
 * Then one request is let through as a probe (HALF_OPEN): its success readmits the instance, its failure ejects it
 * again. A ratio rather than a run of consecutive failures: with requests spread over several instances, a dead
 * one's failures are interleaved with the others' successes and would never form a run.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private static final int SLICES = 10;

    private final double failureRatio;
    private final int minimumCalls;
    private final long sliceNanos;
    private final long openForNanos;
    private final int[] calls = new int[SLICES];
    private final int[] failures = new int[SLICES];
    private long currentSlice;
    private State state = State.CLOSED;
    private long since;

    public CircuitBreaker(double failureRatio, int minimumCalls, Duration window, Duration openFor) {
        if (failureRatio <= 0 || failureRatio > 1 || minimumCalls < 1) {
            throw new IllegalArgumentException("failure ratio in (0, 1] and at least one call");
        }
        this.failureRatio = failureRatio;
        this.minimumCalls = minimumCalls;
        this.sliceNanos = Math.max(1, window.toNanos() / SLICES);
        this.openForNanos = openFor.toNanos();
    }

    /** Whether a request may go to the instance now (a true in OPEN after openFor makes this request the probe). */
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

    /** Whether a request could pass now, without taking the probe. */
    public synchronized boolean wouldPass(long now) {
        return state == State.CLOSED || now - since >= openForNanos;
    }

    public synchronized void succeeded(long now) {
        if (state != State.CLOSED) {
            state = State.CLOSED;
            clear();
        }
        record(now, false);
    }

    public synchronized void failed(long now) {
        if (state == State.HALF_OPEN) {
            open(now);
            return;
        }
        if (state == State.OPEN) {
            return; // a request that left before the circuit opened
        }
        record(now, true);
        int total = 0;
        int failed = 0;
        for (int i = 0; i < SLICES; i++) {
            total += calls[i];
            failed += failures[i];
        }
        if (total >= minimumCalls && failed >= failureRatio * total) {
            open(now);
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds until the next probe may pass. */
    public synchronized long retryAfterSeconds(long now) {
        return Math.max(1, (long) Math.ceil((openForNanos - (now - since)) / 1e9));
    }

    private void open(long now) {
        state = State.OPEN;
        since = now;
        clear();
    }

    private void record(long now, boolean failure) {
        long slice = Math.floorDiv(now, sliceNanos);
        if (slice != currentSlice) {
            // Slices that fell out of the window (all of them after a long quiet spell) are emptied.
            for (long s = Math.max(currentSlice + 1, slice - SLICES + 1); s <= slice; s++) {
                int index = (int) Math.floorMod(s, SLICES);
                calls[index] = 0;
                failures[index] = 0;
            }
            currentSlice = slice;
        }
        int index = (int) Math.floorMod(slice, SLICES);
        calls[index]++;
        if (failure) {
            failures[index]++;
        }
    }

    private void clear() {
        Arrays.fill(calls, 0);
        Arrays.fill(failures, 0);
    }
}
