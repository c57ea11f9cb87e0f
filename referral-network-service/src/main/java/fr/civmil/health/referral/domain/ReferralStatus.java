package fr.civmil.health.referral.domain;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a referral request: {@code OPEN → PROPOSED → ASSIGNED → CLOSED | CANCELLED | EXPIRED}. */
public enum ReferralStatus {
    OPEN, PROPOSED, ASSIGNED, CLOSED, CANCELLED, EXPIRED;

    /** Statuses in which the household still waits for a doctor (and the request can expire). */
    public static final Set<ReferralStatus> WAITING = EnumSet.of(OPEN, PROPOSED);

    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED || this == EXPIRED;
    }
}
