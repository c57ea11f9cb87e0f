package fr.civmil.health.partnership.domain;

/** Who asks for a crisis activation: the ARS, the SSA, or the defence zone's staff. */
public enum RequestingParty {
    ARS, SSA, DEFENCE_ZONE
}
