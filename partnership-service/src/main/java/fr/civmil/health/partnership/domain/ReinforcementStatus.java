package fr.civmil.health.partnership.domain;

/**
 * REQUESTED → COMMITTED → DEPLOYED → RELEASED, one step at a time. Standing a crisis down ends what is still open:
 * a deployed reinforcement is RELEASED, one never deployed is CANCELLED.
 */
public enum ReinforcementStatus {
    REQUESTED, COMMITTED, DEPLOYED, RELEASED, CANCELLED;

    /** The one step a user may take from here, or null. */
    public ReinforcementStatus next() {
        return switch (this) {
            case REQUESTED -> COMMITTED;
            case COMMITTED -> DEPLOYED;
            case DEPLOYED -> RELEASED;
            case RELEASED, CANCELLED -> null;
        };
    }

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
