package fr.civmil.health.zones.service;

import fr.civmil.health.zones.domain.ZoneStatus;

/** Filters of the zone list; null means any. */
public record ZoneQuery(String regionCode, String departementCode, ZoneStatus status, String campaign) {
}
