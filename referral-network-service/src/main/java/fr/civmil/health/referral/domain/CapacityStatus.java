package fr.civmil.health.referral.domain;

import java.time.LocalDate;

/** Whether the doctor confirmed their capacity recently enough to be trusted (see civmil.referral.capacity-max-age). */
public enum CapacityStatus {
    CONFIRMED, UNCONFIRMED;

    public static CapacityStatus of(LocalDate confirmedOn, LocalDate confirmedSince) {
        return confirmedOn.isBefore(confirmedSince) ? UNCONFIRMED : CONFIRMED;
    }
}
