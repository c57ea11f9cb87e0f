package fr.civmil.health.gateway.resilience;

import java.time.Duration;
import java.util.Arrays;

/**
 * The circuit of one upstream instance. CLOSED: requests flow and their outcomes are counted over a sliding
 * window (ten slices of {@code window / 10}); once at least {@code minimumCalls} outcomes are in the window and
 * the share of failures among them (connection refused or broken, timed out, or the instance answering 502, 503
 * or 504) reaches {@code failureRatio}, it OPENs: the instance is ejected and gets no request for {@code openFor}.
 * Then the gateway asks the instance whether it is ready ({@link #readinessCheckDue}); once it says so, one request is
 * let through as a probe (HALF_OPEN): its success readmits the instance, its failure ejects it again. The readiness
 * check comes first because a restarting service listens before it serves: a request sent then would wait until it
 * does. A ratio rather than a run of consecutive failures: with requests spread over several instances, a dead
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
    /** A readiness check of the ejected instance is in flight. */
    private boolean checking;
    /** When the ejected instance is next asked whether it is ready: openFor after it was ejected, sooner after a no. */
    private long checkAt;
    /** The ejected instance said it is ready: the next request is the probe. */
    private boolean ready;

    public CircuitBreaker(double failureRatio, int minimumCalls, Duration window, Duration openFor) {
        if (failureRatio <= 0 || failureRatio > 1 || minimumCalls < 1) {
            throw new IllegalArgumentException("failure ratio in (0, 1] and at least one call");
        }
        this.failureRatio = failureRatio;
        this.minimumCalls = minimumCalls;
        this.sliceNanos = Math.max(1, window.toNanos() / SLICES);
        this.openForNanos = openFor.toNanos();
    }

    /** Whether a request may go to the instance now (a true in OPEN, once the instance said it is ready, makes it the probe). */
    public synchronized boolean tryPass(long now) {
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.OPEN && ready) {
            ready = false;
            state = State.HALF_OPEN;
            since = now;
            return true;
        }
        return false;
    }

    /**
     * True when the ejected instance is due for a readiness check (open for {@code openFor}, or a probe whose outcome
     * never came, its client gone): the caller sends it and reports with {@link #readinessChecked}.
     */
    public synchronized boolean readinessCheckDue(long now) {
        boolean probeLost = state == State.HALF_OPEN && now - since >= openForNanos;
        if (state == State.CLOSED || checking || ready || state == State.HALF_OPEN && !probeLost || now < checkAt) {
            return false;
        }
        state = State.OPEN;
        checking = true;
        return true;
    }

    /**
     * The readiness check's answer: ready lets the next request through as the probe; otherwise the instance is asked
     * again an eighth of {@code openFor} later (a restarting service is ready soon: no need to wait a whole period).
     */
    public synchronized void readinessChecked(long now, boolean isReady) {
        checking = false;
        if (state != State.OPEN) {
            return;
        }
        if (isReady) {
            ready = true;
        } else {
            checkAt = now + openForNanos / 8;
        }
    }

    /** Whether a request could pass now, without taking the probe. */
    public synchronized boolean wouldPass(long now) {
        return state == State.CLOSED || state == State.OPEN && ready;
    }

    public synchronized void succeeded(long now) {
        if (state != State.CLOSED) {
            state = State.CLOSED;
            ready = false;
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
        checkAt = now + openForNanos;
        ready = false;
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
