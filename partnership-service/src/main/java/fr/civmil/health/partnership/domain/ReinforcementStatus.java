package fr.civmil.health.partnership.domain;

import fr.civmil.health.platform.domain.Lifecycle;

/**
 * REQUESTED → COMMITTED → DEPLOYED → RELEASED, one step at a time. Standing a crisis down ends what is still open:
 * a deployed reinforcement is RELEASED, one never deployed is CANCELLED.
 */
public enum ReinforcementStatus {
    REQUESTED, COMMITTED, DEPLOYED, RELEASED, CANCELLED;

    /** One step at a time; CANCELLED is reached by a stand-down only. */
    public static final Lifecycle<ReinforcementStatus> LIFECYCLE = Lifecycle.of(ReinforcementStatus.class, "reinforcement")
            .refusedAs("illegal-transition.reinforcement")
            .allow(REQUESTED, COMMITTED)
            .allow(COMMITTED, DEPLOYED)
            .allow(DEPLOYED, RELEASED);

    /** Where a stand-down takes a reinforcement still open, or null when it has ended already. */
    public ReinforcementStatus atStandDown() {
        return switch (this) {
            case REQUESTED, COMMITTED -> CANCELLED;
            case DEPLOYED -> RELEASED;
            case RELEASED, CANCELLED -> null;
        };
    }

    /** Deployed at some point: counts in the after-action record. */
    public boolean wasDeployed() {
        return this == DEPLOYED || this == RELEASED;
    }
}
