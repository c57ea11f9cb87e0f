package fr.civmil.health.zones.events;

import fr.civmil.health.platform.outbox.OutboxEvent;

/**
 * zones-service's event catalogue: every event it publishes on zones.events.v1. Its JSON Schemas and AsyncAPI
 * document (contracts/events) are checked against it by {@code EventCatalogueTest}.
 */
public sealed interface PublishedEvent extends OutboxEvent permits ZoneEvents.Designated, ZoneEvents.StatusChanged,
        ZoneEvents.Retired, SiteEvents.SiteOpened, SiteEvents.SiteClosed, SiteEvents.MissionCompleted,
        SiteEvents.MissionCancelled {
}
