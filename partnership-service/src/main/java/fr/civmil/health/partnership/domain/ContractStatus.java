package fr.civmil.health.partnership.domain;

import java.util.Set;

/** Lifecycle of a partnership contract: drafted, signed by every signatory, in force, then over. */
public enum ContractStatus {
    DRAFT, SIGNED, ACTIVE, EXPIRED, TERMINATED;

    public Set<ContractStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(SIGNED, TERMINATED);
            case SIGNED -> Set.of(ACTIVE, TERMINATED);
            case ACTIVE -> Set.of(EXPIRED, TERMINATED);
            case EXPIRED, TERMINATED -> Set.of();
        };
    }

    /** Commitments, indicators and reviews change only while the contract is not over. */
    public boolean isOpen() {
        return this != EXPIRED && this != TERMINATED;
    }
}
