package fr.civmil.health.partnership.domain;

/** The two parties who sign the annual review off. */
public enum Party {
    SSA, ARS
}
