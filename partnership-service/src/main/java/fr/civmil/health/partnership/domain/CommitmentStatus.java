package fr.civmil.health.partnership.domain;

import java.util.Set;

/** Lifecycle of a commitment; abandoning one needs a reason. */
public enum CommitmentStatus {
    PLANNED, IN_PROGRESS, ACHIEVED, ABANDONED;

    public Set<CommitmentStatus> next() {
        return switch (this) {
            case PLANNED -> Set.of(IN_PROGRESS, ABANDONED);
            case IN_PROGRESS -> Set.of(ACHIEVED, ABANDONED);
            case ACHIEVED, ABANDONED -> Set.of();
        };
    }

    public boolean isClosed() {
        return this == ACHIEVED || this == ABANDONED;
    }
}
