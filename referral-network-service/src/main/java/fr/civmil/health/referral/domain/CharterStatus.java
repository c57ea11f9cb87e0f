package fr.civmil.health.referral.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of the "charte d'entente" signed between the CNMSS and a doctor:
 * {@code PENDING_SIGNATURE → ACTIVE ⇄ SUSPENDED → WITHDRAWN}. A doctor may withdraw at any
 * time before that (the charter is voluntary); WITHDRAWN is final. Only ACTIVE doctors are proposed.
 */
public enum CharterStatus {
    PENDING_SIGNATURE, ACTIVE, SUSPENDED, WITHDRAWN;

    public Set<CharterStatus> next() {
        return switch (this) {
            case PENDING_SIGNATURE -> EnumSet.of(ACTIVE, WITHDRAWN);
            case ACTIVE -> EnumSet.of(SUSPENDED, WITHDRAWN);
            case SUSPENDED -> EnumSet.of(ACTIVE, WITHDRAWN);
            case WITHDRAWN -> EnumSet.noneOf(CharterStatus.class);
        };
    }

    public boolean canMoveTo(CharterStatus target) {
        return next().contains(target);
    }

    /** Suspending and withdrawing must say why; signing and reinstating need not. */
    public boolean requiresReason() {
        return this == SUSPENDED || this == WITHDRAWN;
    }
}
