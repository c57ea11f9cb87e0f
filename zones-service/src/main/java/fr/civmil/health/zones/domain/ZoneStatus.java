package fr.civmil.health.zones.domain;

import java.util.Set;

import fr.civmil.health.platform.domain.Lifecycle;

/** Lifecycle of a priority zone: PROPOSED → DESIGNATED → ACTIVE ⇄ SUSPENDED → RETIRED. */
public enum ZoneStatus {
    PROPOSED, DESIGNATED, ACTIVE, SUSPENDED, RETIRED;

    /** Any zone not retired may be retired; a suspended one may become active again. */
    public static final Lifecycle<ZoneStatus> LIFECYCLE = Lifecycle.of(ZoneStatus.class, "zone")
            .allow(PROPOSED, DESIGNATED, RETIRED)
            .allow(DESIGNATED, ACTIVE, RETIRED)
            .allow(ACTIVE, SUSPENDED, RETIRED)
            .allow(SUSPENDED, ACTIVE, RETIRED);

    /** The statuses this one may move to. */
    public Set<ZoneStatus> next() {
        return LIFECYCLE.next(this);
    }
}
