package fr.civmil.health.zones.service;

import java.util.UUID;

import fr.civmil.health.zones.domain.SiteKind;

/** A consultation site as the ARS describes it. */
public record SiteDraft(UUID zoneId, String communeCode, String name, SiteKind kind, String addressLine, String postalCode,
        int rooms, boolean stepFreeAccess, String accessibilityNotes, String contactName, String contactPhone, String contactEmail) {
}
