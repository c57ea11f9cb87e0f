package fr.civmil.health.partnership.domain;

/** What a reinforcement request asks for. */
public enum ReinforcementType {
    /** Réserve sanitaire (Santé publique France's health reserve). */
    HEALTH_RESERVE,
    /** Réserve opérationnelle du SSA. */
    SSA_OPERATIONAL_RESERVE,
    MILITARY_HOSPITAL_SUPPORT,
    MEDICAL_EVACUATION,
    OTHER
}
