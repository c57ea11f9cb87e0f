package fr.civmil.health.zones.domain;

import java.util.EnumSet;
import java.util.Set;

/** IDENTIFIED → READY → OPEN → CLOSED; a site may be closed at any stage. */
public enum SiteStatus {
    IDENTIFIED, READY, OPEN, CLOSED;

    public Set<SiteStatus> next() {
        return switch (this) {
            case IDENTIFIED -> EnumSet.of(READY, CLOSED);
            case READY -> EnumSet.of(OPEN, CLOSED);
            case OPEN -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(SiteStatus.class);
        };
    }
}
