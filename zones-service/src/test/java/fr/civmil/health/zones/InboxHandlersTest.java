package fr.civmil.health.zones;

import fr.civmil.health.contracts.events.InboxHandlersContract;
import io.quarkus.test.junit.QuarkusTest;

/** zones-service's projections bind what the producers' schemas guarantee, apply their examples, and its AsyncAPI document says so. */
@QuarkusTest
class InboxHandlersTest extends InboxHandlersContract {
}
