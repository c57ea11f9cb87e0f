package fr.civmil.health.referral.text;

import fr.civmil.health.platform.problem.ProblemTexts;

/**
 * A reason shown inside another problem text (a line's reasons, why a field is refused), rendered in the reader's
 * language. Typed Object so that services stay off platform.problem: the platform has no domain-level text yet.
 */
public final class Reasons {

    private Reasons() {
    }

    public static Object of(String key, Object... args) {
        return new ProblemTexts.Text(key, args);
    }
}
