package fr.civmil.health.zones.domain;

import java.math.BigDecimal;

/** The part of a day a mission takes: a half-day counts 0.5 day, a full day 1. */
public enum Slot {
    MORNING, AFTERNOON, FULL_DAY;

    public BigDecimal days() {
        return this == FULL_DAY ? BigDecimal.ONE : new BigDecimal("0.5");
    }

    public boolean overlaps(Slot other) {
        return this == other || this == FULL_DAY || other == FULL_DAY;
    }
}
