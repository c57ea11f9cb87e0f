package fr.civmil.health.partnership.domain;

/** REQUESTED → COMMITTED → DEPLOYED → RELEASED, one step at a time. */
public enum ReinforcementStatus {
    REQUESTED, COMMITTED, DEPLOYED, RELEASED;

    public ReinforcementStatus next() {
        return this == RELEASED ? null : values()[ordinal() + 1];
    }

    /** Deployed at some point: counts in the after-action record. */
    public boolean wasDeployed() {
        return this == DEPLOYED || this == RELEASED;
    }
}
