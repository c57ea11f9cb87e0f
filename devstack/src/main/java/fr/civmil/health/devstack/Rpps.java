package fr.civmil.health.devstack;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh valid RPPS numbers for tests and benchmarks, as an integrator makes them: 10 digits and their Luhn key
 * (kept apart from the platform's validator, which checks them).
 */
public final class Rpps {

    private Rpps() {
    }

    public static String fresh() {
        String digits = Long.toString(1_000_000_000L + ThreadLocalRandom.current().nextLong(9_000_000_000L));
        int sum = 0;
        for (int i = digits.length() - 1, position = 1; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            // The key will be the rightmost digit: the digits doubled are those at odd positions from here.
            int weighted = position % 2 == 1 ? digit * 2 : digit;
            sum += weighted > 9 ? weighted - 9 : weighted;
        }
        return digits + (10 - sum % 10) % 10;
    }
}
