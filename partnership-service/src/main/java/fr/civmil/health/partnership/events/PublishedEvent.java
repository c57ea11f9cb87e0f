package fr.civmil.health.partnership.events;

import fr.civmil.health.platform.outbox.OutboxEvent;

/**
 * partnership-service's event catalogue: every event it publishes on partnership.events.v1. Its JSON Schemas and
 * AsyncAPI document (contracts/events) are checked against it by {@code EventCatalogueTest}.
 */
public sealed interface PublishedEvent extends OutboxEvent permits PartnershipEvents.CommitmentStatusChanged,
        PartnershipEvents.IndicatorMeasured, PartnershipEvents.ReviewSigned, PartnershipEvents.CrisisActivated,
        PartnershipEvents.CrisisStoodDown {
}
