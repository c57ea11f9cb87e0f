package fr.civmil.health.zones.domain;

import java.util.Set;

import fr.civmil.health.platform.domain.Lifecycle;

/** IDENTIFIED → READY → OPEN → CLOSED; a site may be closed at any stage. */
public enum SiteStatus {
    IDENTIFIED, READY, OPEN, CLOSED;

    /** A site may be closed at any stage. */
    public static final Lifecycle<SiteStatus> LIFECYCLE = Lifecycle.of(SiteStatus.class, "site")
            .allow(IDENTIFIED, READY, CLOSED)
            .allow(READY, OPEN, CLOSED)
            .allow(OPEN, CLOSED);

    /** The statuses this one may move to. */
    public Set<SiteStatus> next() {
        return LIFECYCLE.next(this);
    }
}
