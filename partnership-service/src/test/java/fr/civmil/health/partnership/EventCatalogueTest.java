package fr.civmil.health.partnership;

import fr.civmil.health.contracts.events.EventCatalogueContract;
import fr.civmil.health.partnership.events.PublishedEvent;

/** partnership-service's event catalogue is what its JSON Schemas and AsyncAPI document publish. */
class EventCatalogueTest extends EventCatalogueContract {

    EventCatalogueTest() {
        super(PublishedEvent.class, "partnership-service");
    }
}
