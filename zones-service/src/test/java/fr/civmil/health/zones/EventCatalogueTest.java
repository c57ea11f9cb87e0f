package fr.civmil.health.zones;

import fr.civmil.health.contracts.events.EventCatalogueContract;
import fr.civmil.health.zones.events.PublishedEvent;

/** zones-service's event catalogue is what its JSON Schemas and AsyncAPI document publish. */
class EventCatalogueTest extends EventCatalogueContract {

    EventCatalogueTest() {
        super(PublishedEvent.class, "zones-service");
    }
}
