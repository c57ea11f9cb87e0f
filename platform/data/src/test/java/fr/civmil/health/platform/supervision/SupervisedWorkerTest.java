package fr.civmil.health.platform.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The supervision of background workers, without a broker: restarts, health and stop. */
class SupervisedWorkerTest {

    private static final SupervisionConfig CONFIG = new SupervisionConfig() {
        @Override
        public Duration restartBackoff() {
            return Duration.ofMillis(10);
        }

        @Override
        public Duration maxRestartBackoff() {
            return Duration.ofMillis(40);
        }

        @Override
        public Duration unhealthyAfter() {
            return Duration.ofSeconds(30);
        }
    };

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-03T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private SupervisedWorker worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(2));
        }
    }

    private SupervisedWorker start(SupervisedWorker.Body body) {
        worker = new SupervisedWorker("test-worker", body, CONFIG, clock);
        worker.start();
        return worker;
    }

    @Test
    void aBodyThatThrowsAnythingIsStartedAgain() throws Exception {
        AtomicInteger lives = new AtomicInteger();
        CountDownLatch thirdLife = new CountDownLatch(1);
        start(self -> {
            int life = lives.incrementAndGet();
            if (life == 1) {
                throw new IllegalStateException("commit failed after a rebalance");
            }
            if (life == 2) {
                throw new Error("not even an exception");
            }
            self.healthy();
            thirdLife.countDown();
            while (self.running()) {
                Thread.sleep(5);
            }
        });

        assertTrue(thirdLife.await(5, TimeUnit.SECONDS), "the worker lives a third time");
        SupervisedWorker.Status status = worker.status();
        assertEquals(2, status.restarts());
        assertEquals(SupervisedWorker.State.RUNNING, status.state());
        assertEquals("Error: not even an exception", status.lastError(), "the last failure is kept for the operator");
        assertNull(status.failingSince(), "a good cycle ends the failure");
        assertTrue(status.healthy());
    }

    @Test
    void aBodyThatReturnsWhileTheServiceRunsIsAFailureToo() throws Exception {
        AtomicInteger lives = new AtomicInteger();
        CountDownLatch secondLife = new CountDownLatch(1);
        start(self -> {
            if (lives.incrementAndGet() == 2) {
                secondLife.countDown();
                while (self.running()) {
                    Thread.sleep(5);
                }
            }
        });
        assertTrue(secondLife.await(5, TimeUnit.SECONDS));
        assertEquals(1, worker.status().restarts());
        assertTrue(worker.status().lastError().contains("returned while the service runs"));
    }

    @Test
    void aWorkerFailingForLongerThanAllowedIsUnhealthyUntilACycleGoesWell() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        CountDownLatch recover = new CountDownLatch(1);
        CountDownLatch recovered = new CountDownLatch(1);
        start(self -> {
            self.failing(new java.net.ConnectException("broker unreachable"));
            failed.countDown();
            recover.await();
            self.healthy();
            recovered.countDown();
            while (self.running()) {
                Thread.sleep(5);
            }
        });
        assertTrue(failed.await(5, TimeUnit.SECONDS));

        clock.advance(Duration.ofSeconds(29));
        assertTrue(worker.status().healthy(), "within the allowed time a failing worker still counts as healthy");
        assertEquals(SupervisedWorker.State.FAILING, worker.status().state());

        clock.advance(Duration.ofSeconds(2));
        assertFalse(worker.status().healthy(), "31 s of failure is more than allowed");
        assertEquals("ConnectException: broker unreachable", worker.status().lastError());

        recover.countDown();
        assertTrue(recovered.await(5, TimeUnit.SECONDS));
        assertTrue(worker.status().healthy());
        assertEquals(0, worker.status().restarts(), "a failure the body retries itself is not a restart");
    }

    @Test
    void stoppingWakesTheBodyUpAndEndsTheWorker() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch wokenUp = new CountDownLatch(1);
        AtomicInteger lives = new AtomicInteger();
        start(self -> {
            lives.incrementAndGet();
            self.wakeUpWith(wokenUp::countDown);
            blocked.countDown();
            while (!wokenUp.await(10, TimeUnit.MILLISECONDS)) {
                Thread.onSpinWait(); // a blocking call that only its wake-up ends, like a Kafka poll
            }
        });
        assertTrue(blocked.await(5, TimeUnit.SECONDS));

        worker.stop(Duration.ofSeconds(2));

        assertEquals(0, wokenUp.getCount());
        assertEquals(SupervisedWorker.State.STOPPED, worker.status().state());
        assertFalse(worker.status().healthy(), "a stopped worker is not ready");
        assertEquals(1, lives.get(), "a stopped worker is not started again");
    }
}
