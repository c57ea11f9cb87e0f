package fr.civmil.health.referral.events;

import fr.civmil.health.platform.outbox.OutboxEvent;

/**
 * referral-network-service's event catalogue: every event it publishes on referral.events.v1. Its JSON Schemas and
 * AsyncAPI document (contracts/events) are checked against it by {@code EventCatalogueTest}.
 */
public sealed interface PublishedEvent extends OutboxEvent permits ReferralEvents.DoctorReferenced,
        ReferralEvents.DoctorUpdated, ReferralEvents.CharterStatusChanged, ReferralEvents.CapacityChanged,
        ReferralEvents.AssignmentMade, ReferralEvents.AssignmentReleased {
}
