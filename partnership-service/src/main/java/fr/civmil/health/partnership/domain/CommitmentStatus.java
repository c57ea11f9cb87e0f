package fr.civmil.health.partnership.domain;

import fr.civmil.health.platform.domain.Lifecycle;

/** Lifecycle of a commitment; abandoning one needs a reason. */
public enum CommitmentStatus {
    PLANNED, IN_PROGRESS, ACHIEVED, ABANDONED;

    public static final Lifecycle<CommitmentStatus> LIFECYCLE = Lifecycle.of(CommitmentStatus.class, "commitment")
            .refusedAs("illegal-transition.commitment")
            .allow(PLANNED, IN_PROGRESS, ABANDONED)
            .allow(IN_PROGRESS, ACHIEVED, ABANDONED);

    public boolean isClosed() {
        return this == ACHIEVED || this == ABANDONED;
    }
}
