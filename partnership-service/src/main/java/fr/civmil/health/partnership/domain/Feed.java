package fr.civmil.health.partnership.domain;

/** The event-fed figures an automatic indicator follows, per région. */
public enum Feed {
    /** Solidarity-mission consultation days completed in priority zones this calendar year (zones-service). */
    CONSULTATION_DAYS,
    /** Referenced doctors whose CNMSS charter is active (referral-network-service). */
    REFERENCED_DOCTORS
}
