package fr.civmil.health.referral.domain;

/** How close a doctor's nearest practice location is to the household's destination commune. */
public enum Proximity {
    SAME_COMMUNE, SAME_EPCI, SAME_DEPARTEMENT
}
