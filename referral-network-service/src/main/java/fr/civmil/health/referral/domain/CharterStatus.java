package fr.civmil.health.referral.domain;

import fr.civmil.health.platform.domain.Lifecycle;

/**
 * Lifecycle of the "charte d'entente" signed between the CNMSS and a doctor:
 * {@code PENDING_SIGNATURE → ACTIVE ⇄ SUSPENDED → WITHDRAWN}. A doctor may withdraw at any
 * time before that (the charter is voluntary); WITHDRAWN is final. Only ACTIVE doctors are proposed.
 */
public enum CharterStatus {
    PENDING_SIGNATURE, ACTIVE, SUSPENDED, WITHDRAWN;

    public static final Lifecycle<CharterStatus> LIFECYCLE = Lifecycle.of(CharterStatus.class, "charter")
            .allow(PENDING_SIGNATURE, ACTIVE, WITHDRAWN)
            .allow(ACTIVE, SUSPENDED, WITHDRAWN)
            .allow(SUSPENDED, ACTIVE, WITHDRAWN);

    /** Suspending and withdrawing must say why; signing and reinstating need not. */
    public boolean requiresReason() {
        return this == SUSPENDED || this == WITHDRAWN;
    }
}
