package fr.civmil.health.zones;

import java.util.List;

import fr.civmil.health.contracts.events.ConsumedFields;
import fr.civmil.health.contracts.events.InboxHandlersContract;
import io.quarkus.test.junit.QuarkusTest;

/** zones-service's handlers read what {@link ConsumedEventsTest} declares, and its AsyncAPI document says so. */
@QuarkusTest
class InboxHandlersTest extends InboxHandlersContract {

    @Override
    protected List<ConsumedFields> consumed() {
        return ConsumedEventsTest.CONSUMED;
    }
}
