package fr.civmil.health.zones.domain;

import java.util.Set;

import fr.civmil.health.platform.domain.Lifecycle;

/** PLANNED → CONFIRMED → COMPLETED, or CANCELLED (with a reason) before completion. */
public enum MissionStatus {
    PLANNED, CONFIRMED, COMPLETED, CANCELLED;

    /** Completed and cancelled missions move no more. */
    public static final Lifecycle<MissionStatus> LIFECYCLE = Lifecycle.of(MissionStatus.class, "mission")
            .allow(PLANNED, CONFIRMED, CANCELLED)
            .allow(CONFIRMED, COMPLETED, CANCELLED);

    /** The statuses this one may move to. */
    public Set<MissionStatus> next() {
        return LIFECYCLE.next(this);
    }
}
