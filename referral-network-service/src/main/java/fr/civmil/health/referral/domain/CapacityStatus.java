package fr.civmil.health.referral.domain;

/** Whether the doctor confirmed their capacity recently enough to be trusted (see civmil.referral.capacity-max-age). */
public enum CapacityStatus {
    CONFIRMED, UNCONFIRMED
}
