package fr.civmil.health.partnership.domain;

/** Typed by someone, or computed from other services' events. */
public enum MeasurementSource {
    MANUAL, AUTOMATIC
}
