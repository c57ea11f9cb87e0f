package fr.civmil.health.partnership.domain;

/** Whether an indicator improves by going up or down. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
