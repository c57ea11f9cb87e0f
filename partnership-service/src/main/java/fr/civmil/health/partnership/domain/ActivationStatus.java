package fr.civmil.health.partnership.domain;

/** REQUESTED → ACTIVE → STOOD_DOWN; a request may also be stood down before it was ever active. */
public enum ActivationStatus {
    REQUESTED, ACTIVE, STOOD_DOWN
}
