package fr.civmil.health.referral.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a referral request: {@code OPEN → PROPOSED → PARTIALLY_ASSIGNED → ASSIGNED → CLOSED}, and
 * {@code CANCELLED} or {@code EXPIRED}.
 */
public enum ReferralStatus {
    OPEN, PROPOSED, PARTIALLY_ASSIGNED, ASSIGNED, CLOSED, CANCELLED, EXPIRED;

    /** Statuses in which some need still waits for a doctor: proposals and assignments go on. */
    public static final Set<ReferralStatus> WAITING = EnumSet.of(OPEN, PROPOSED, PARTIALLY_ASSIGNED);

    /** Statuses that expire: nothing assigned yet (a partial assignment holds places and waits for the rest or a cancellation). */
    public static final Set<ReferralStatus> EXPIRING = EnumSet.of(OPEN, PROPOSED);

    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED || this == EXPIRED;
    }
}
