package fr.civmil.health.zones.domain;

/** What kind of premises hosts the consultations. */
public enum SiteKind {
    /** Centre de santé. */
    HEALTH_CENTRE,
    /** Maison de santé pluriprofessionnelle (MSP). */
    MULTI_PROFESSIONAL_PRACTICE,
    /** Cabinet médical. */
    PRACTICE,
    ARS_PREMISES,
    /** Salle mise à disposition par la mairie. */
    TOWN_HALL_ROOM,
    OTHER
}
