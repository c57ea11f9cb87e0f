package fr.civmil.health.partnership.domain;

import fr.civmil.health.platform.domain.Lifecycle;

/** Lifecycle of a partnership contract: drafted, signed by every signatory, in force, then over. */
public enum ContractStatus {
    DRAFT, SIGNED, ACTIVE, EXPIRED, TERMINATED;

    public static final Lifecycle<ContractStatus> LIFECYCLE = Lifecycle.of(ContractStatus.class, "contract")
            .refusedAs("illegal-transition.contract")
            .allow(DRAFT, SIGNED, TERMINATED)
            .allow(SIGNED, ACTIVE, TERMINATED)
            .allow(ACTIVE, EXPIRED, TERMINATED);

    /** Commitments, indicators and reviews change only while the contract is not over. */
    public boolean isOpen() {
        return this != EXPIRED && this != TERMINATED;
    }
}
