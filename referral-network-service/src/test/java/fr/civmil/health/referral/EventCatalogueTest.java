package fr.civmil.health.referral;

import fr.civmil.health.contracts.events.EventCatalogueContract;
import fr.civmil.health.referral.events.PublishedEvent;

/** referral-network-service's event catalogue is what its JSON Schemas and AsyncAPI document publish. */
class EventCatalogueTest extends EventCatalogueContract {

    EventCatalogueTest() {
        super(PublishedEvent.class, "referral-network-service");
    }
}
