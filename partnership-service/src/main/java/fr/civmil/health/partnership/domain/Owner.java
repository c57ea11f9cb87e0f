package fr.civmil.health.partnership.domain;

/** Who carries a commitment: the military health service, the regional health agency, or both. */
public enum Owner {
    SSA, ARS, JOINT
}
