package fr.civmil.health.zones.domain;

import java.util.EnumSet;
import java.util.Set;

/** PLANNED → CONFIRMED → COMPLETED, or CANCELLED (with a reason) before completion. */
public enum MissionStatus {
    PLANNED, CONFIRMED, COMPLETED, CANCELLED;

    public Set<MissionStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(MissionStatus.class);
        };
    }
}
