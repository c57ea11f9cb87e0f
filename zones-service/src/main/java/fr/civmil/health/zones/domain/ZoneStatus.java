package fr.civmil.health.zones.domain;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a priority zone: PROPOSED → DESIGNATED → ACTIVE ⇄ SUSPENDED → RETIRED. */
public enum ZoneStatus {
    PROPOSED, DESIGNATED, ACTIVE, SUSPENDED, RETIRED;

    /** The statuses this one may move to (any non-retired zone may be retired). */
    public Set<ZoneStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(DESIGNATED, RETIRED);
            case DESIGNATED -> EnumSet.of(ACTIVE, RETIRED);
            case ACTIVE -> EnumSet.of(SUSPENDED, RETIRED);
            case SUSPENDED -> EnumSet.of(ACTIVE, RETIRED);
            case RETIRED -> EnumSet.noneOf(ZoneStatus.class);
        };
    }
}
