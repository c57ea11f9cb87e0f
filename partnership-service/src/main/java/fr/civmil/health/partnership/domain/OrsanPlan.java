package fr.civmil.health.partnership.domain;

/**
 * The ORSAN plans (Organisation de la réponse du système de santé en situations sanitaires
 * exceptionnelles) a crisis activation can trigger.
 */
public enum OrsanPlan {
    /** Accueil massif de victimes: mass-casualty influx. */
    AMAVI,
    /** Psychological casualties. */
    MEDICO_PSY,
    /** Epidemic or climatic event. */
    EPI_CLIM,
    /** Risque épidémique et biologique. */
    REB,
    /** Nuclear, radiological and chemical. */
    NRC
}
