package fr.civmil.health.devstack.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.quarkus.test.junit.QuarkusMock;

/**
 * Sets the application's {@link Clock} (the platform's Europe/Paris clock bean) for the current test: rules tied to
 * today (a mission's date, a review's year) are tested on a calendar of the test's choosing. Quarkus removes the
 * mock after each test.
 */
public final class TestClock {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private TestClock() {
    }

    /** From now on in this test, today is this day (at midnight, Paris time). */
    public static void today(LocalDate day) {
        QuarkusMock.installMockForType(Clock.fixed(day.atStartOfDay(PARIS).toInstant(), PARIS), Clock.class);
    }

    /** Back to the real time. */
    public static void realTime() {
        QuarkusMock.installMockForType(Clock.system(PARIS), Clock.class);
    }
}
